package org.waymark.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTests {

  @Test
  void acceptsANumberWhoseTenthDigitIsTheModulus11CheckDigit() {
    // 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 1*2 = 299; 299 % 11 = 2; 11 - 2 = 9.
    assertThat(NhsNumber.isValid("9434765919")).isTrue();
    assertThat(NhsNumber.isValid("9990000018")).isTrue();
  }

  @Test
  void acceptsACheckDigitOfZeroWhenTheRemainderIsZero() {
    // 9*10 + 9*9 + 9*8 + 5*2 = 253 = 11 * 23, so 11 - 0 = 11, which is written as 0.
    assertThat(NhsNumber.isValid("9990000050")).isTrue();
    assertThat(NhsNumber.isValid("9990000051")).isFalse();
  }

  @Test
  void refusesAWrongCheckDigit() {
    assertThat(NhsNumber.isValid("9434765918")).isFalse();
    assertThat(NhsNumber.isValid("9990000019")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"9990000140", "9990000141", "9990000145", "9990000149"})
  void refusesEveryNumberWhoseCheckDigitWouldBeTen(String number) {
    // 9*10 + 9*9 + 9*8 + 1*3 + 4*2 = 254; 254 % 11 = 1; 11 - 1 = 10: such numbers are never issued.
    assertThat(NhsNumber.isValid(number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"943 476 5919", "943-476-5919", " 9434765919 ", "943 4765 919"})
  void ignoresSpacesAndHyphens(String text) {
    assertThat(NhsNumber.isValid(text)).isTrue();
    assertThat(NhsNumber.of(text).toString()).isEqualTo("9434765919");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "943476591", "94347659190", "943476591X", "9434.765919", "nine"})
  void refusesAnythingButTenDigits(String text) {
    assertThat(NhsNumber.isValid(text)).isFalse();
  }

  @Test
  void refusesNull() {
    assertThat(NhsNumber.isValid(null)).isFalse();
  }

  @Test
  void formatsAsThreeThreeFour() {
    assertThat(NhsNumber.of("9434765919").formatted()).isEqualTo("943 476 5919");
  }

  @Test
  void parsingAnInvalidNumberThrows() {
    assertThatThrownBy(() -> NhsNumber.of("9434765918"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersWithTheSameDigitsAreEqualHoweverTheyWereWritten() {
    assertThat(NhsNumber.of("943 476 5919")).isEqualTo(NhsNumber.of("9434765919"));
    assertThat(NhsNumber.of("943 476 5919")).hasSameHashCodeAs(NhsNumber.of("9434765919"));
  }
}
