package org.waymark.notification.internal;

/** Hands an email from the outbox to a mail server. Never throws: the result says what happened. */
public interface EmailSender {

  DeliveryResult send(OutboxMessage email);

  /** Used when no mail server is configured ({@code spring.mail.host} unset). */
  EmailSender NONE = email -> DeliveryResult.skipped("no mail server configured");
}
