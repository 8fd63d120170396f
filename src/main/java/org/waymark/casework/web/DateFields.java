package org.waymark.casework.web;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date typed into the three boxes of an NHS.UK date input, and what is wrong with it, if
 * anything: the date-input pattern names the missing part rather than rejecting the whole date.
 */
record DateFields(String day, String month, String year) {

  static DateFields of(LocalDate date) {
    return date == null
        ? new DateFields("", "", "")
        : new DateFields(
            String.valueOf(date.getDayOfMonth()),
            String.valueOf(date.getMonthValue()),
            String.valueOf(date.getYear()));
  }

  boolean isBlank() {
    return blank(day) && blank(month) && blank(year);
  }

  /**
   * The message-key suffix for what is wrong ({@code required}, {@code missingDay}, {@code
   * missingMonth}, {@code missingYear}, {@code invalid}), or null if the parts make a real date.
   */
  String problem() {
    if (isBlank()) {
      return "required";
    }
    if (blank(day)) {
      return "missingDay";
    }
    if (blank(month)) {
      return "missingMonth";
    }
    if (blank(year)) {
      return "missingYear";
    }
    return toDate() == null ? "invalid" : null;
  }

  /** The date, or null if the parts do not make a real one (years need all four digits). */
  LocalDate toDate() {
    if (blank(day) || blank(month) || blank(year)) {
      return null;
    }
    String d = day.strip();
    String m = month.strip();
    String y = year.strip();
    if (!d.matches("\\d{1,2}") || !m.matches("\\d{1,2}") || !y.matches("\\d{4}")) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
