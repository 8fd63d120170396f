package org.waymark.connection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays. Bank holidays follow
 * the standing rules (New Year's Day, Good Friday, Easter Monday, the early May, spring and summer
 * bank holidays, Christmas Day and Boxing Day, each moved to the next weekday when it falls at a
 * weekend) with the one-off changes proclaimed since 2020.
 */
public final class WorkingDays {

  private static final Map<Integer, Set<LocalDate>> HOLIDAYS = new ConcurrentHashMap<>();

  private WorkingDays() {}

  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY
        && d != DayOfWeek.SUNDAY
        && !bankHolidays(day.getYear()).contains(day);
  }

  /**
   * The day {@code days} working days after {@code from}: from a Friday, one working day is the
   * following Monday (or Tuesday after a bank holiday Monday).
   */
  public static LocalDate plus(LocalDate from, int days) {
    LocalDate day = from;
    int left = days;
    while (left > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /** The day {@code days} working days before {@code to}. */
  public static LocalDate minus(LocalDate to, int days) {
    LocalDate day = to;
    int left = days;
    while (left > 0) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /**
   * Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not later.
   */
  public static int between(LocalDate from, LocalDate to) {
    int n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  /** The bank holidays of England and Wales in a year. */
  public static Set<LocalDate> bankHolidays(int year) {
    return HOLIDAYS.computeIfAbsent(year, WorkingDays::compute);
  }

  private static Set<LocalDate> compute(int year) {
    Set<LocalDate> days = new HashSet<>();
    days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
    LocalDate easter = easterSunday(year);
    days.add(easter.minusDays(2));
    days.add(easter.plusDays(1));
    LocalDate earlyMay =
        LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    LocalDate spring =
        LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
    // One-off changes by proclamation.
    if (year == 2020) {
      earlyMay = LocalDate.of(2020, 5, 8); // VE Day 75
    } else if (year == 2022) {
      spring = LocalDate.of(2022, 6, 2); // Platinum Jubilee
      days.add(LocalDate.of(2022, 6, 3));
      days.add(LocalDate.of(2022, 9, 19)); // State funeral of Queen Elizabeth II
    } else if (year == 2023) {
      days.add(LocalDate.of(2023, 5, 8)); // Coronation of King Charles III
    }
    days.add(earlyMay);
    days.add(spring);
    days.add(
        LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
    LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
    LocalDate boxing = christmas.plusDays(1);
    LocalDate christmasHoliday = weekdayOnOrAfter(christmas);
    LocalDate boxingHoliday = weekdayOnOrAfter(boxing);
    if (!boxingHoliday.isAfter(christmasHoliday)) {
      boxingHoliday = weekdayOnOrAfter(christmasHoliday.plusDays(1));
    }
    days.add(christmasHoliday);
    days.add(boxingHoliday);
    return Set.copyOf(days);
  }

  private static LocalDate weekdayOnOrAfter(LocalDate day) {
    LocalDate d = day;
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
