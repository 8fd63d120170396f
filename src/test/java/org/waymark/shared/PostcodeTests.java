package org.waymark.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostcodeTests {

  @Test
  void normalisesCaseAndSpacing() {
    assertThat(Postcode.normalise("ls1 4ap")).isEqualTo("LS1 4AP");
    assertThat(Postcode.normalise("  SW1A1AA ")).isEqualTo("SW1A 1AA");
    assertThat(Postcode.normalise("bd3   9da")).isEqualTo("BD3 9DA");
  }

  @Test
  void refusesWhatIsNotAPostcode() {
    assertThat(Postcode.isValid("LS1")).isFalse();
    assertThat(Postcode.isValid("12345")).isFalse();
    assertThat(Postcode.isValid(null)).isFalse();
    assertThatThrownBy(() -> Postcode.normalise("not a postcode"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
