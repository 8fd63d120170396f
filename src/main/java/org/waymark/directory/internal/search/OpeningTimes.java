package org.waymark.directory.internal.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opening times (ORUK schedules) in plain English, for service pages and match reasons. */
final class OpeningTimes {

  /** One schedule as stored; any part may be null. */
  record Schedule(
      LocalDate validFrom,
      LocalDate validTo,
      String freq,
      Integer interval,
      String byday,
      String bymonthday,
      LocalTime opensAt,
      LocalTime closesAt,
      String description,
      String notes) {}

  private static final DateTimeFormatter DAY_MONTH =
      DateTimeFormatter.ofPattern("d MMMM", Locale.UK);
  private static final DateTimeFormatter FULL =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
  private static final Pattern BYDAY = Pattern.compile("^([+-]?\\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$");
  private static final String[] ORDINALS = {"", "first", "second", "third", "fourth", "fifth"};

  private OpeningTimes() {}

  /**
   * The schedule in words, for example 'Tuesdays 10:00 to 12:00, from 1 April to 30 September' or
   * 'The last Friday of each month 14:00 to 16:00'; its description when it has no rule we read.
   */
  static String describe(Schedule s) {
    String days = days(s);
    StringBuilder b = new StringBuilder();
    if (days != null) {
      b.append(days);
      String hours = hours(s.opensAt(), s.closesAt());
      if (hours != null) {
        b.append(' ').append(hours);
      }
      String season = season(s.validFrom(), s.validTo());
      if (season != null) {
        b.append(", ").append(season);
      }
    } else if (s.description() != null && !s.description().isBlank()) {
      b.append(s.description().strip());
    } else {
      return null;
    }
    if (s.notes() != null && !s.notes().isBlank()) {
      b.append(" (").append(s.notes().strip()).append(')');
    }
    return b.toString();
  }

  /** Hours as '10:00 to 12:00', 'from 10:00', or null when not given. */
  static String hours(LocalTime opens, LocalTime closes) {
    if (opens == null) {
      return null;
    }
    return closes == null
        ? "from " + HOURS.format(opens)
        : HOURS.format(opens) + " to " + HOURS.format(closes);
  }

  /** The short day name used in reasons, for example 'Tue'. */
  static String shortDay(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.UK);
  }

  private static String days(Schedule s) {
    String freq = s.freq() == null ? "WEEKLY" : s.freq();
    int every = s.interval() == null ? 1 : s.interval();
    List<String> tokens = tokens(s.byday());
    if (freq.equals("WEEKLY")) {
      List<String> names = new ArrayList<>();
      for (String t : tokens) {
        Matcher m = BYDAY.matcher(t);
        if (m.matches() && m.group(1) == null) {
          names.add(dayName(m.group(2)) + "s");
        }
      }
      if (names.isEmpty()) {
        return null;
      }
      if (every == 2 && names.size() == 1) {
        return "Every other " + names.get(0).substring(0, names.get(0).length() - 1);
      }
      return every > 1 ? "Every " + every + " weeks on " + join(names) : join(names);
    }
    if (freq.equals("MONTHLY")) {
      String month = every == 1 ? "of each month" : "of every " + every + " months";
      List<String> byDay = new ArrayList<>();
      for (String t : tokens) {
        Matcher m = BYDAY.matcher(t);
        if (m.matches()) {
          byDay.add(
              m.group(1) == null
                  ? "every " + dayName(m.group(2))
                  : "the " + ordinal(Integer.parseInt(m.group(1))) + " " + dayName(m.group(2)));
        }
      }
      List<String> byDate = new ArrayList<>();
      for (String t : tokens(s.bymonthday())) {
        try {
          byDate.add(dateOrdinal(Integer.parseInt(t)));
        } catch (NumberFormatException e) {
          // A value we cannot read is left out rather than guessed at.
        }
      }
      if (!byDay.isEmpty()) {
        return capitalise(join(byDay) + " " + month);
      }
      if (!byDate.isEmpty()) {
        return "The " + join(byDate) + " " + month;
      }
    }
    return null;
  }

  private static String season(LocalDate from, LocalDate to) {
    if (from != null && to != null) {
      return from.getYear() == to.getYear()
          ? "from " + DAY_MONTH.format(from) + " to " + DAY_MONTH.format(to)
          : "from " + FULL.format(from) + " to " + FULL.format(to);
    }
    if (from != null) {
      return "from " + FULL.format(from);
    }
    return to == null ? null : "until " + FULL.format(to);
  }

  private static List<String> tokens(String list) {
    if (list == null || list.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String t : list.toUpperCase(Locale.ROOT).split(",")) {
      if (!t.isBlank()) {
        out.add(t.strip());
      }
    }
    return out;
  }

  private static String dayName(String code) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (Recurrence.code(d).equals(code)) {
        return d.getDisplayName(TextStyle.FULL, Locale.UK);
      }
    }
    return code;
  }

  private static String ordinal(int n) {
    if (n == -1) {
      return "last";
    }
    if (n < -1) {
      return ordinalNumber(-n) + " from last";
    }
    return n < ORDINALS.length ? ORDINALS[n] : ordinalNumber(n);
  }

  private static String dateOrdinal(int n) {
    if (n == -1) {
      return "last day";
    }
    return n < 0 ? ordinalNumber(-n) + " day from the end" : ordinalNumber(n);
  }

  private static String ordinalNumber(int n) {
    String suffix =
        (n % 100 >= 11 && n % 100 <= 13)
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }

  private static String join(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
