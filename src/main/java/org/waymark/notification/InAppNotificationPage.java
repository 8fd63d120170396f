package org.waymark.notification;

import java.util.List;

/** One page of a user's in-app notifications, newest first. */
public record InAppNotificationPage(
    List<InAppNotification> notifications, int page, int pageSize, long total) {

  public int totalPages() {
    return (int) ((total + pageSize - 1) / pageSize);
  }
}
