package org.waymark.connection.web;

import org.waymark.connection.ConnectionText;
import org.waymark.connection.HistoryEntry;
import org.waymark.connection.StatusReason;

/**
 * One change of a connection's state as both sides' history tables show it (fragment {@code
 * connection/fragments :: history}).
 *
 * @param by who made the change; null for Waymark itself (the timers)
 */
record HistoryLine(
    String when, String status, String colour, String reason, String note, String by) {

  static HistoryLine of(HistoryEntry h) {
    return new HistoryLine(
        ConnectionText.dateTime(h.at()),
        h.status().label(),
        h.status().colour(),
        reasonText(h.reason(), h.detail()),
        h.note(),
        h.by());
  }

  /** A reason in words: another reason is replaced by what it was. */
  static String reasonText(StatusReason reason, String detail) {
    if (reason == null) {
      return detail == null || detail.isBlank() ? null : detail;
    }
    if (detail == null || detail.isBlank()) {
      return reason.label();
    }
    return reason == StatusReason.OTHER ? detail : reason.label() + ": " + detail;
  }
}
