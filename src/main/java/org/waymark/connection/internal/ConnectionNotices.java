package org.waymark.connection.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionAnswerOverdue;
import org.waymark.connection.ConnectionChased;
import org.waymark.connection.ConnectionRequested;
import org.waymark.connection.ConnectionStatusChanged;
import org.waymark.connection.ConnectionText;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.notification.NotificationTemplate;
import org.waymark.notification.Notifications;

/**
 * Tells people what needs their attention, in the transaction of the change (the notification
 * module's outbox): the service's coordinators of a new referral and of one about to miss its
 * deadline; the link worker of an answer from the service and of a referral left unanswered. In-app
 * texts name the service; emails say only that something needs attention.
 */
@Component
class ConnectionNotices {

  private final Notifications notifications;
  private final ConnectionStore store;
  private final AccessPolicy access;

  ConnectionNotices(Notifications notifications, ConnectionStore store, AccessPolicy access) {
    this.notifications = notifications;
    this.store = store;
    this.access = access;
  }

  @EventListener
  void on(ConnectionRequested e) {
    if (!e.method().answeredInWaymark()) {
      return; // the link worker sends it to the service themselves
    }
    Connection c = store.find(e.connectionId()).orElseThrow();
    notifications.notifyRole(
        e.serviceHolderId(),
        Role.VCS_COORDINATOR,
        NotificationTemplate.CONNECTION_REQUESTED,
        Map.of("service", c.serviceName()),
        "/vcs/referrals/" + c.id());
  }

  @EventListener
  void on(ConnectionChased e) {
    notifications.notifyRole(
        e.serviceHolderId(),
        Role.VCS_COORDINATOR,
        NotificationTemplate.CONNECTION_CHASED,
        Map.of("service", e.serviceName(), "due", ConnectionText.date(e.answerDueOn())),
        "/vcs/referrals/" + e.connectionId());
  }

  @EventListener
  void on(ConnectionAnswerOverdue e) {
    notifications.notifyUser(
        e.organisationId(),
        e.requestedBy(),
        NotificationTemplate.CONNECTION_OVERDUE,
        Map.of("service", e.serviceName(), "due", ConnectionText.date(e.answerDueOn())),
        "/connections/" + e.connectionId());
  }

  @EventListener
  void on(ConnectionStatusChanged e) {
    Connection c = store.find(e.connectionId()).orElseThrow();
    boolean byRequester =
        access.currentUser().map(WaymarkUser::userId).filter(c.requestedBy()::equals).isPresent();
    if (byRequester) {
      return; // nobody needs telling what they did themselves
    }
    notifications.notifyUser(
        c.organisationId(),
        c.requestedBy(),
        NotificationTemplate.CONNECTION_ANSWERED,
        Map.of("service", c.serviceName(), "status", e.to().label().toLowerCase(Locale.UK)),
        "/connections/" + c.id());
  }
}
