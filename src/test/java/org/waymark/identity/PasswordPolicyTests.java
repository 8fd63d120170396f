package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

  private final PasswordPolicy policy = new PasswordPolicy();

  @Test
  void acceptsALongUncommonPassword() {
    assertThat(policy.problem("heather-kettle-mountain-7", "lee@example.org")).isEmpty();
  }

  @Test
  void refusesFewerThanTwelveCharacters() {
    assertThat(policy.problem("short-pass1", null)).hasValue("password.tooShort");
    assertThat(policy.problem(null, null)).hasValue("password.tooShort");
  }

  @Test
  void refusesCommonPasswordsWhateverTheirCase() {
    assertThat(policy.problem("password1234", null)).hasValue("password.common");
    assertThat(policy.problem("Qwertyuiop123", null)).hasValue("password.common");
    assertThat(policy.problem("aaaaaaaaaaaaaaaa", null)).hasValue("password.common");
  }

  @Test
  void refusesAPasswordContainingTheEmailName() {
    assertThat(policy.problem("maya.manager-2026!", "maya.manager@example.org"))
        .hasValue("password.containsEmail");
  }

  @Test
  void refusesOverlongPasswords() {
    assertThat(policy.problem("x".repeat(60) + "y".repeat(69), null)).hasValue("password.tooLong");
  }
}
