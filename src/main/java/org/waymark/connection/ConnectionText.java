package org.waymark.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the connection pages and messages write them (UK time). */
public final class ConnectionText {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

  private ConnectionText() {}

  /** For example '3 March 2026'; null for null. */
  public static String date(LocalDate date) {
    return date == null ? null : DATE.format(date);
  }

  /** The UK date, for example '3 March 2026'; null for null. */
  public static String date(Instant instant) {
    return instant == null ? null : DATE.format(instant.atZone(LONDON));
  }

  /** For example '3 March 2026 at 2:05pm'; null for null. */
  public static String dateTime(Instant instant) {
    return instant == null
        ? null
        : DATE_TIME.format(instant.atZone(LONDON)).replace("AM", "am").replace("PM", "pm");
  }

  /**
   * The answer-by column: the deadline while the service has yet to answer, then 'Answered' (or
   * 'Not needed' for a referral cancelled before an answer).
   */
  public static String answerBy(ConnectionStatus status, LocalDate dueOn) {
    return switch (status) {
      case REQUESTED -> date(dueOn);
      case CANCELLED -> "Not needed";
      default -> "Answered";
    };
  }
}
