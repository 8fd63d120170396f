package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.identity.Role;
import org.waymark.support.DemoAccounts;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/** The home page offers each role the work it can do, and nothing it cannot. */
@WaymarkIntegrationTest
class HomePageTests {

  @LocalServerPort int port;

  List<String> cards(Role role) {
    WebSession browser = new WebSession(port);
    browser.signIn(DemoAccounts.email(role), DemoAccounts.PASSWORD);
    return browser.get("/").document().select(".nhsuk-card__link").eachAttr("href");
  }

  @Test
  void eachRoleIsOfferedItsOwnWork() {
    assertThat(cards(Role.SERVICE_MANAGER))
        .contains("/triage", "/caseload", "/referrals/new", "/referrals/import")
        .doesNotContain("/referrals/mine", "/admin/code-lists", "/admin/fhir-clients");
    assertThat(cards(Role.REFERRER))
        .contains("/referrals/new", "/referrals/mine")
        .doesNotContain("/triage", "/caseload", "/people");
    assertThat(cards(Role.ADMINISTRATOR))
        .contains("/admin/code-lists", "/admin/fhir-clients")
        .doesNotContain("/triage", "/caseload", "/referrals/new");
    assertThat(cards(Role.VCS_COORDINATOR))
        .contains("/vcs/referrals")
        .doesNotContain("/triage", "/caseload", "/referrals/new", "/referrals/mine");
  }

  @Test
  void theSignInPageOffersSelfReferralToThePublic() {
    assertThat(new WebSession(port).get("/login").document().select("a[href=/self-referral]"))
        .hasSize(1);
  }
}
