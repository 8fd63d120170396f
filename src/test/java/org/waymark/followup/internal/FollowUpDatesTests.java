package org.waymark.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.waymark.followup.CountsFrom;
import org.waymark.followup.FollowUpState;
import org.waymark.followup.FollowUpStatus;
import org.waymark.followup.PlanPoint;

class FollowUpDatesTests {

  @Test
  void aMomentIsTheDayItWasInEngland() {
    // British Summer Time: 23:30 UTC is 00:30 the next day.
    assertThat(FollowUpDates.day(Instant.parse("2027-03-31T23:30:00Z")))
        .isEqualTo(LocalDate.of(2027, 4, 1));
    // Greenwich Mean Time: the same day.
    assertThat(FollowUpDates.day(Instant.parse("2027-11-30T23:30:00Z")))
        .isEqualTo(LocalDate.of(2027, 11, 30));
    // The night the clocks go back: 00:30 UTC on 31 October 2027 is 01:30 BST that day.
    assertThat(FollowUpDates.day(Instant.parse("2027-10-30T23:30:00Z")))
        .isEqualTo(LocalDate.of(2027, 10, 31));
  }

  @Test
  void monthsAreCalendarMonthsEndingOnTheLastDayOfAShorterMonth() {
    FollowUpDates.Window w =
        FollowUpDates.window(
            new PlanPoint("1 to 3 months", CountsFrom.CLOSURE, 1, 2, 3), LocalDate.of(2027, 1, 31));
    assertThat(w.opensOn()).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(w.targetOn()).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(w.closesOn()).isEqualTo(LocalDate.of(2027, 4, 30));
  }

  @Test
  void theStateFollowsTheDatesWithTheTargetAndClosingDaysIncluded() {
    LocalDate opens = LocalDate.of(2027, 6, 1);
    LocalDate target = LocalDate.of(2027, 7, 1);
    LocalDate closes = LocalDate.of(2027, 9, 1);
    FollowUpStatus open = FollowUpStatus.OPEN;
    assertThat(FollowUpState.of(open, opens, target, closes, opens.minusDays(1)))
        .isEqualTo(FollowUpState.UPCOMING);
    assertThat(FollowUpState.of(open, opens, target, closes, opens)).isEqualTo(FollowUpState.DUE);
    assertThat(FollowUpState.of(open, opens, target, closes, target)).isEqualTo(FollowUpState.DUE);
    assertThat(FollowUpState.of(open, opens, target, closes, target.plusDays(1)))
        .isEqualTo(FollowUpState.OVERDUE);
    assertThat(FollowUpState.of(open, opens, target, closes, closes))
        .isEqualTo(FollowUpState.OVERDUE);
    assertThat(FollowUpState.of(open, opens, target, closes, closes.plusDays(1)))
        .isEqualTo(FollowUpState.MISSED);
    assertThat(
            FollowUpState.of(FollowUpStatus.COMPLETED, opens, target, closes, closes.plusDays(1)))
        .isEqualTo(FollowUpState.DONE);
  }
}
