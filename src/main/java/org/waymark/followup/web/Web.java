package org.waymark.followup.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** Parsing what the follow-up pages receive, and formatting what they show. */
final class Web {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private Web() {}

  /** A UUID, or null for anything else. */
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

  /** A page number from 0, or 0 for anything else. */
  static int page(String s) {
    if (s == null || !s.strip().matches("\\d{1,6}")) {
      return 0;
    }
    return Integer.parseInt(s.strip());
  }

  /** A version as posted, or -1 (which never matches) for anything else. */
  static long version(String s) {
    if (s == null || !s.strip().matches("\\d{1,18}")) {
      return -1;
    }
    return Long.parseLong(s.strip());
  }

  /** A whole number of months as typed, or null. */
  static Integer months(String s) {
    if (s == null || !s.strip().matches("\\d{1,2}")) {
      return null;
    }
    return Integer.valueOf(s.strip());
  }

  /** The constant of that name, or null for anything else (blank included). */
  static <E extends Enum<E>> E choice(Class<E> type, String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** For example 3 March 2027; empty for null. */
  static String date(LocalDate d) {
    return d == null ? "" : DAY.format(d);
  }
}
