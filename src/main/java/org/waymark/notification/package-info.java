/**
 * Notifications: in-app notifications to staff, and email and text messages through a transactional
 * outbox, with templates administrators maintain.
 *
 * <p>Callers add notifications inside their own transaction ({@link
 * org.waymark.notification.Notifications}), so a notification exists if and only if the change that
 * causes it was committed. A dispatcher (a db-scheduler recurring task, and a nudge after each
 * commit that adds messages) claims due messages with {@code FOR UPDATE SKIP LOCKED}, holding each
 * for a lease in a short transaction, sends it outside any transaction, and then marks it sent, or
 * due again later with exponential back-off, or failed. A message whose lease ran out (its sender
 * died) is claimed again, so two dispatchers never send a message at the same time and a crash
 * never loses one.
 *
 * <p>Delivery is at least once, with one duplicate window: a crash (or lost connection to the
 * database) after the provider accepted a message and before the row was marked sent. Then the
 * message is sent again once the lease has passed. Email carries a deterministic {@code Message-ID}
 * ({@code <outbox-id@waymark>}) so a receiving system can recognise the repeat; for text messages,
 * GOV.UK Notify is asked by reference (the outbox id) before a message that was attempted before is
 * sent again, which closes the window except for a crash within Notify's own acceptance.
 *
 * <p>Emails and texts to staff never carry health or personal details: only the recipient's name,
 * their organisation and a sign-in link ({@link
 * org.waymark.notification.NotificationTemplate#STAFF_MESSAGE_PLACEHOLDERS}).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "identity", "audit", "person"})
package org.waymark.notification;
