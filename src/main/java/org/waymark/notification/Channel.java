package org.waymark.notification;

/** How a message leaves Waymark. In-app notifications are not a channel: they are never sent. */
public enum Channel {
  EMAIL,
  SMS
}
