package org.waymark.administration.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the administration pages show moments: in UTC, the zone the audit log is kept in. */
final class Formats {

  // English rather than the UK locale, whose data abbreviates September as "Sept".
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Formats() {}

  /** For example {@code 27 Nov 2026 14:05:09}; empty for null. */
  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }
}
