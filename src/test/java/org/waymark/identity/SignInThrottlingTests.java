package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class SignInThrottlingTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  @Test
  void refusesAnAccountForFifteenMinutesAfterFiveFailures() {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    String address = TestUsers.freshAddress();
    for (int i = 0; i < 5; i++) {
      assertThat(
              new WebSession(port)
                  .from(address)
                  .signIn(user.email(), "wrong-password-" + i)
                  .location())
          .endsWith("/login?error");
    }
    // Even the right password is refused now, with a clear message.
    WebSession browser = new WebSession(port).from(address);
    assertThat(browser.signIn(user.email(), TestUsers.PASSWORD).location())
        .endsWith("/login?throttled");
    assertThat(browser.get("/login?throttled").document().select(".nhsuk-error-summary").text())
        .contains("too many failed attempts");
    // From another address too: the lock is on the account.
    assertThat(
            new WebSession(port)
                .from(TestUsers.freshAddress())
                .signIn(user.email(), TestUsers.PASSWORD)
                .location())
        .endsWith("/login?throttled");
    assertThat(
            audit
                .search(new AuditQuery(user.email(), null, "SIGN_IN_THROTTLED", null, null, 0, 10))
                .total())
        .isPositive();

    // Fifteen minutes after the fifth failure, the account may try again.
    jdbc.sql(
            "UPDATE sign_in_attempt SET attempted_at = attempted_at - interval '16 minutes' WHERE lower(username) = lower(?)")
        .param(user.email())
        .update();
    assertThat(
            new WebSession(port).from(address).signIn(user.email(), TestUsers.PASSWORD).location())
        .endsWith("/");
  }

  @Test
  void failuresBeforeASuccessfulSignInDoNotCount() {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    for (int i = 0; i < 4; i++) {
      new WebSession(port)
          .from(TestUsers.freshAddress())
          .signIn(user.email(), "wrong-password-" + i);
    }
    assertThat(new WebSession(port).signIn(user.email(), TestUsers.PASSWORD).location())
        .endsWith("/");
    new WebSession(port).from(TestUsers.freshAddress()).signIn(user.email(), "wrong-again");
    assertThat(new WebSession(port).signIn(user.email(), TestUsers.PASSWORD).location())
        .endsWith("/");
  }

  @Test
  void refusesAnAddressThatHasFailedTooOften() {
    String address = TestUsers.freshAddress();
    for (int i = 0; i < 50; i++) {
      new WebSession(port).from(address).signIn("nobody-" + i + "@example.org", "wrong-password");
    }
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    assertThat(
            new WebSession(port).from(address).signIn(user.email(), TestUsers.PASSWORD).location())
        .endsWith("/login?throttled");
    assertThat(
            new WebSession(port)
                .from(TestUsers.freshAddress())
                .signIn(user.email(), TestUsers.PASSWORD)
                .location())
        .endsWith("/");
  }

  @Test
  void signInsAndFailuresAreAudited() {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    String address = TestUsers.freshAddress();
    new WebSession(port).from(address).signIn(user.email(), "not-the-right-one");
    new WebSession(port).from(address).signIn(user.email(), TestUsers.PASSWORD);
    var failed =
        audit
            .search(new AuditQuery(user.email(), null, "SIGN_IN_FAILED", null, null, 0, 10))
            .events();
    var succeeded =
        audit.search(new AuditQuery(user.email(), null, "SIGN_IN", null, null, 0, 10)).events();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).remoteAddress()).isEqualTo(address);
    assertThat(failed.get(0).requestId()).isNotBlank();
    assertThat(succeeded).hasSize(1);
    assertThat(succeeded.get(0).userId()).isEqualTo(user.id());
    assertThat(succeeded.get(0).role()).isEqualTo("ADMINISTRATOR");
    assertThat(succeeded.get(0).organisationId()).isEqualTo(AuditLog.DEPLOYMENT);
  }
}
