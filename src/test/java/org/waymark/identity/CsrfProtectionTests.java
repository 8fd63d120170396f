package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.support.DemoAccounts;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class CsrfProtectionTests {

  @LocalServerPort int port;

  @Test
  void refusesSignInWithoutACsrfToken() {
    WebSession browser = new WebSession(port);
    browser.get("/login");
    WebSession.Page answer =
        browser.postRaw(
            "/login",
            Map.of(
                "username",
                DemoAccounts.email(Role.RESEARCHER),
                "password",
                DemoAccounts.PASSWORD));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(browser.get("/").status()).isEqualTo(302);
  }

  @Test
  void refusesAStateChangeWithoutAValidCsrfToken() {
    WebSession browser = new WebSession(port).signedInAs(Role.LINK_WORKER);
    String aireValley =
        browser
            .get("/choose-organisation")
            .document()
            .select("input[name=membership]")
            .get(0)
            .attr("value");
    assertThat(browser.postRaw("/choose-organisation", Map.of("membership", aireValley)).status())
        .isEqualTo(403);
    assertThat(
            browser
                .postRaw(
                    "/choose-organisation", Map.of("membership", aireValley, "_csrf", "forged"))
                .status())
        .isEqualTo(403);
    assertThat(browser.post("/choose-organisation", Map.of("membership", aireValley)).status())
        .isEqualTo(302);
  }

  @Test
  void signingOutNeedsAPostWithAToken() {
    WebSession browser = new WebSession(port).signedInAs(Role.RESEARCHER);
    browser.get("/logout");
    assertThat(browser.get("/").status()).isEqualTo(200);
    assertThat(browser.postRaw("/logout", Map.of()).status()).isEqualTo(403);
    assertThat(browser.get("/").status()).isEqualTo(200);
    assertThat(browser.signOut().location()).endsWith("/login?signedOut");
    assertThat(browser.get("/").status()).isEqualTo(302);
  }
}
