package org.waymark.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTests {

  @Test
  void bankHolidaysOfEnglandAndWalesMatchThePublishedLists() {
    // From GOV.UK's list of bank holidays for England and Wales.
    assertThat(WorkingDays.bankHolidays(2026))
        .containsExactlyInAnyOrder(
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 4, 3),
            LocalDate.of(2026, 4, 6),
            LocalDate.of(2026, 5, 4),
            LocalDate.of(2026, 5, 25),
            LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 28));
    assertThat(WorkingDays.bankHolidays(2027))
        .containsExactlyInAnyOrder(
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 3, 26),
            LocalDate.of(2027, 3, 29),
            LocalDate.of(2027, 5, 3),
            LocalDate.of(2027, 5, 31),
            LocalDate.of(2027, 8, 30),
            LocalDate.of(2027, 12, 27),
            LocalDate.of(2027, 12, 28));
    assertThat(WorkingDays.bankHolidays(2022))
        .contains(LocalDate.of(2022, 6, 2), LocalDate.of(2022, 6, 3), LocalDate.of(2022, 9, 19))
        .doesNotContain(LocalDate.of(2022, 5, 30));
    assertThat(WorkingDays.bankHolidays(2023)).contains(LocalDate.of(2023, 5, 8));
    assertThat(WorkingDays.bankHolidays(2028)).contains(LocalDate.of(2028, 1, 3));
  }

  @Test
  void countsOnlyWeekdaysThatAreNotBankHolidays() {
    LocalDate friday = LocalDate.of(2026, 11, 27);
    assertThat(WorkingDays.plus(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(WorkingDays.plus(friday, 10)).isEqualTo(LocalDate.of(2026, 12, 11));
    // Over Christmas 2026: the 25th (Friday) and the 28th (Monday, for Boxing Day) are holidays.
    assertThat(WorkingDays.plus(LocalDate.of(2026, 12, 24), 1))
        .isEqualTo(LocalDate.of(2026, 12, 29));
    // Over Easter 2026: Good Friday 3 April and Easter Monday 6 April.
    assertThat(WorkingDays.plus(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
    assertThat(WorkingDays.minus(LocalDate.of(2026, 4, 7), 1)).isEqualTo(LocalDate.of(2026, 4, 2));
    assertThat(WorkingDays.between(LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 7)))
        .isEqualTo(1);
    assertThat(WorkingDays.between(friday, friday)).isZero();
    // From a Saturday, the first working day is Monday.
    assertThat(WorkingDays.plus(LocalDate.of(2026, 11, 28), 1))
        .isEqualTo(LocalDate.of(2026, 11, 30));
  }
}
