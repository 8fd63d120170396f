package org.waymark.directory.internal.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The iCalendar rule parts (as ORUK schedules use them) that a date satisfies, so that the database
 * can compare a schedule's {@code byday} and {@code bymonthday} lists with them.
 */
final class Recurrence {

  private Recurrence() {}

  /** The two-letter iCalendar code of a day, for example 'TU'. */
  static String code(DayOfWeek day) {
    return day.name().substring(0, 2);
  }

  /** A weekly rule's {@code byday} values that include this date: its day, for example 'TU'. */
  static List<String> weeklyTokens(LocalDate date) {
    return List.of(code(date.getDayOfWeek()));
  }

  /**
   * A monthly rule's {@code byday} values that include this date: every such day ('TU'), its place
   * from the start of the month ('2TU', '+2TU') and from the end ('-3TU').
   */
  static List<String> monthlyDayTokens(LocalDate date) {
    String day = code(date.getDayOfWeek());
    int fromStart = (date.getDayOfMonth() - 1) / 7 + 1;
    int fromEnd = (date.lengthOfMonth() - date.getDayOfMonth()) / 7 + 1;
    return List.of(day, fromStart + day, "+" + fromStart + day, "-" + fromEnd + day);
  }

  /** A monthly rule's {@code bymonthday} values that include this date: '10', '+10' and '-22'. */
  static List<String> monthDateTokens(LocalDate date) {
    int d = date.getDayOfMonth();
    return List.of(Integer.toString(d), "+" + d, Integer.toString(d - date.lengthOfMonth() - 1));
  }
}
