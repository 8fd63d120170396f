package org.waymark.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * An in-app notification to a staff user.
 *
 * @param link the path inside Waymark it leads to, for example {@code /connections/…}
 * @param readAt when the user opened it; null while unread
 */
public record InAppNotification(
    UUID id,
    NotificationTemplate template,
    String title,
    String link,
    Instant createdAt,
    Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
