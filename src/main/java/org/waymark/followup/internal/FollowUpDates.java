package org.waymark.followup.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.waymark.followup.PlanPoint;

/**
 * Follow-up dates are calendar days in England: a moment becomes the day it was in Europe/London (a
 * case closed at 23:30 UTC on 31 March in British Summer Time was closed on 1 April), and a point's
 * months are added as calendar months (31 January plus 1 month is the last day of February).
 */
public final class FollowUpDates {

  /** The time zone every follow-up date is in. */
  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  private FollowUpDates() {}

  /** The day in England at that moment. */
  public static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, LONDON);
  }

  /** The opening, target and closing dates of a point counted from {@code from}. */
  public static Window window(PlanPoint point, LocalDate from) {
    return new Window(
        from.plusMonths(point.opensAfter()),
        from.plusMonths(point.targetAfter()),
        from.plusMonths(point.closesAfter()));
  }

  /** A follow-up's three dates. */
  public record Window(LocalDate opensOn, LocalDate targetOn, LocalDate closesOn) {}
}
