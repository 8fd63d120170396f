package org.waymark.notification.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.identity.AccessPolicy;
import org.waymark.notification.Notifications;

/**
 * The header's "Notifications" link with the unread count, for every signed-in user. The layout
 * shows it only when this attribute is present, so the page layout does not depend on this module.
 */
@ControllerAdvice
class NotificationHeader {

  /** What the header link shows. */
  record NotificationsLink(String href, long unread) {}

  private final Notifications notifications;
  private final AccessPolicy access;

  NotificationHeader(Notifications notifications, AccessPolicy access) {
    this.notifications = notifications;
    this.access = access;
  }

  @ModelAttribute("notificationsLink")
  NotificationsLink notificationsLink() {
    return access
        .currentUser()
        .map(u -> new NotificationsLink("/notifications", notifications.unreadCount(u.userId())))
        .orElse(null);
  }
}
