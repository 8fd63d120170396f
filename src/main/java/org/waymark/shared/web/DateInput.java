package org.waymark.shared.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A date typed into the three boxes of an NHS.UK date input, and what is wrong with it, if
 * anything: the date-input pattern names the missing part rather than rejecting the whole date.
 * Also reads the hour and minute boxes of a time.
 *
 * @param day the day box as typed, possibly blank
 * @param month the month box as typed, possibly blank
 * @param year the year box as typed, possibly blank
 */
public record DateInput(String day, String month, String year) {

  /** The boxes filled in from a date, or all empty if there is none. */
  public static DateInput of(LocalDate date) {
    return date == null
        ? new DateInput("", "", "")
        : new DateInput(
            String.valueOf(date.getDayOfMonth()),
            String.valueOf(date.getMonthValue()),
            String.valueOf(date.getYear()));
  }

  /** Whether nothing has been typed into any of the three boxes. */
  public boolean isBlank() {
    return blank(day) && blank(month) && blank(year);
  }

  /**
   * The message-key suffix for what is wrong ({@code required}, {@code missingDay}, {@code
   * missingMonth}, {@code missingYear}, {@code invalid}), or null if the parts make a real date.
   */
  public String problem() {
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
  public LocalDate toDate() {
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

  /** The time of an hour (0 to 23) and minute (0 to 59) box, or null if they do not make one. */
  public static LocalTime time(String hour, String minute) {
    if (blank(hour) || blank(minute)) {
      return null;
    }
    String h = hour.strip();
    String m = minute.strip();
    if (!h.matches("\\d{1,2}") || !m.matches("\\d{1,2}")) {
      return null;
    }
    int hh = Integer.parseInt(h);
    int mm = Integer.parseInt(m);
    return hh > 23 || mm > 59 ? null : LocalTime.of(hh, mm);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
