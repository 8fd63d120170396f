package org.waymark.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** How the casework pages show dates, times, counts and posted values. Times are England's. */
final class Formats {

  static final ZoneId ENGLAND = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

  private Formats() {}

  static LocalDate today() {
    return LocalDate.now(ENGLAND);
  }

  static String date(Instant t) {
    return t == null ? null : DATE.format(t.atZone(ENGLAND));
  }

  static String longDate(LocalDate d) {
    return d == null ? null : LONG_DATE.format(d);
  }

  static String dateTime(Instant t) {
    return t == null
        ? null
        : DATE_TIME.format(t.atZone(ENGLAND)).replace("AM", "am").replace("PM", "pm");
  }

  /** "1 day", "12 days". */
  static String days(long n) {
    return n == 1 ? "1 day" : n + " days";
  }

  /** A posted id, or null if missing or malformed. */
  static UUID uuid(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A posted version; a missing or malformed one never matches a record. */
  static long version(String s) {
    try {
      return s == null ? -1 : Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
