package org.waymark.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DateInputTests {

  @Test
  void readsARealDate() {
    DateInput input = new DateInput(" 7 ", "03", "1984");
    assertThat(input.toDate()).isEqualTo(LocalDate.of(1984, 3, 7));
    assertThat(input.problem()).isNull();
    assertThat(input.isBlank()).isFalse();
  }

  @Test
  void namesWhatIsMissing() {
    assertThat(new DateInput("", " ", null).problem()).isEqualTo("required");
    assertThat(new DateInput("", " ", null).isBlank()).isTrue();
    assertThat(new DateInput("", "3", "1984").problem()).isEqualTo("missingDay");
    assertThat(new DateInput("7", null, "1984").problem()).isEqualTo("missingMonth");
    assertThat(new DateInput("7", "3", " ").problem()).isEqualTo("missingYear");
    assertThat(new DateInput("7", "3", " ").toDate()).isNull();
  }

  @Test
  void refusesWhatIsNotARealDate() {
    assertThat(new DateInput("31", "2", "2024").problem()).isEqualTo("invalid");
    assertThat(new DateInput("1", "13", "2024").problem()).isEqualTo("invalid");
    assertThat(new DateInput("1", "1", "84").problem()).isEqualTo("invalid");
    assertThat(new DateInput("first", "1", "1984").problem()).isEqualTo("invalid");
    assertThat(new DateInput("123", "1", "1984").toDate()).isNull();
    assertThat(new DateInput("29", "2", "2024").problem()).isNull();
  }

  @Test
  void fillsTheBoxesFromADate() {
    assertThat(DateInput.of(LocalDate.of(2024, 1, 5))).isEqualTo(new DateInput("5", "1", "2024"));
    assertThat(DateInput.of(null)).isEqualTo(new DateInput("", "", ""));
  }

  @Test
  void readsATime() {
    assertThat(DateInput.time("9", "05")).isEqualTo(LocalTime.of(9, 5));
    assertThat(DateInput.time(" 23 ", "59")).isEqualTo(LocalTime.of(23, 59));
    assertThat(DateInput.time("0", "0")).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(DateInput.time("24", "00")).isNull();
    assertThat(DateInput.time("12", "60")).isNull();
    assertThat(DateInput.time("12", "")).isNull();
    assertThat(DateInput.time(null, "30")).isNull();
    assertThat(DateInput.time("noon", "00")).isNull();
    assertThat(DateInput.time("123", "00")).isNull();
  }
}
