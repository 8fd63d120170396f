package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.audit.AuditLog;
import org.waymark.support.DemoAccounts;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class SignInIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;

  @Test
  void linkWorkerSignsInAndSeesTheirOrganisationInTheHeader() {
    WebSession browser = new WebSession(port);
    WebSession.Page afterSignIn =
        browser.signIn(DemoAccounts.email(Role.LINK_WORKER), DemoAccounts.PASSWORD);
    assertThat(afterSignIn.status()).isEqualTo(302);
    // The demo link worker works for two PCNs, so is asked which one they act for.
    assertThat(afterSignIn.location()).endsWith("/choose-organisation");
    WebSession.Page home = browser.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.document().select("[data-testid=acting-organisation]").text())
        .isEqualTo("Link worker, Aire Valley PCN");
  }

  @Test
  void wrongPasswordIsRefusedWithoutSayingWhetherTheAccountExists() {
    // A fresh account, so that failures here never lock a demo account other tests sign in with.
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    WebSession browser = new WebSession(port);
    WebSession.Page known = browser.signIn(user.email(), "not-the-password-at-all");
    WebSession.Page unknown =
        new WebSession(port)
            .signIn("nobody-" + user.id() + "@example.org", "not-the-password-at-all");
    identity.disableUser(user.id());
    WebSession.Page disabled = new WebSession(port).signIn(user.email(), TestUsers.PASSWORD);
    assertThat(known.location()).endsWith("/login?error");
    assertThat(unknown.location()).isEqualTo(known.location());
    assertThat(disabled.location()).isEqualTo(known.location());
    assertThat(browser.get("/login?error").document().select(".nhsuk-error-summary").text())
        .contains("Enter a correct email address and password");
  }

  @Test
  void withNoIdentityProviderConfiguredOnlyTheFormIsOffered() {
    WebSession browser = new WebSession(port);
    assertThat(browser.get("/login").document().select("a#oidc-sign-in")).isEmpty();
    // No OpenID Connect endpoint exists: the address is just a page that needs signing in.
    WebSession.Page start = browser.get("/oauth2/authorization/oidc");
    assertThat(start.status()).isEqualTo(302);
    assertThat(start.location()).endsWith("/login");
  }
}
