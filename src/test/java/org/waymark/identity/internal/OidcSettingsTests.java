package org.waymark.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OidcSettingsTests {

  static final String ISSUER = "https://login.example.org/realms/staff";

  @Test
  void alwaysAsksForTheOpenidScope() {
    OidcSettings settings =
        OidcSettings.of(ISSUER, "waymark", "", "", "email profile", "email", false, "", "mfa");
    assertThat(settings.scopes()).containsExactlyInAnyOrder("openid", "email", "profile");
    assertThat(settings.clientSecret()).isNull();
    assertThat(settings.name()).isEqualTo("single sign-on");
    assertThat(settings.matchByEmail()).isTrue();
  }

  @Test
  void refusesToStartWithoutAClientIdOrWithAnUnknownWayOfMatching() {
    assertThatThrownBy(() -> OidcSettings.of(ISSUER, " ", "", "", "", "email", false, "", ""))
        .hasMessageContaining("WAYMARK_OIDC_CLIENT_ID");
    assertThatThrownBy(() -> OidcSettings.of(ISSUER, "waymark", "", "", "", "name", false, "", ""))
        .hasMessageContaining("WAYMARK_OIDC_MATCH");
    assertThatThrownBy(
            () ->
                OidcSettings.of(
                    "login.example.org", "waymark", "", "", "", "subject", false, "", ""))
        .hasMessageContaining("WAYMARK_OIDC_ISSUER_URI");
  }

  @Test
  void multiFactorRuleNeedsValuesToAccept() {
    assertThatThrownBy(
            () -> OidcSettings.of(ISSUER, "waymark", "", "", "", "subject", true, "", ""))
        .hasMessageContaining("WAYMARK_OIDC_REQUIRE_MFA");
    OidcSettings settings =
        OidcSettings.of(ISSUER, "waymark", "", "", "", "subject", true, "AAL3_ANY, AAL2", "");
    assertThat(settings.acrValues()).containsExactlyInAnyOrder("AAL3_ANY", "AAL2");
    assertThat(settings.matchByEmail()).isFalse();
  }
}
