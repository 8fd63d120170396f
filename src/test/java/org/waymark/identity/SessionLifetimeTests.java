package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class SessionLifetimeTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityManagement identity;

  private WebSession signedInFreshUser() {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    WebSession browser = new WebSession(port);
    assertThat(browser.signIn(user.email(), TestUsers.PASSWORD).location()).endsWith("/");
    assertThat(browser.get("/").status()).isEqualTo(200);
    return browser;
  }

  @Test
  void signInGivesANewSessionId() {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    WebSession browser = new WebSession(port);
    browser.get("/login");
    String before = browser.sessionCookie();
    browser.signIn(user.email(), TestUsers.PASSWORD);
    assertThat(browser.sessionCookie()).isNotNull().isNotEqualTo(before);
    // The old id is worth nothing to whoever planted it.
    assertThat(new WebSession(port).withSessionCookie(before).get("/").status()).isEqualTo(302);
  }

  @Test
  void sessionsAreStoredInPostgresWithAThirtyMinuteIdleLimit() {
    WebSession browser = signedInFreshUser();
    Integer idle =
        jdbc.sql(
                "SELECT max_inactive_interval FROM spring_session WHERE principal_name IS NOT NULL ORDER BY last_access_time DESC LIMIT 1")
            .query(Integer.class)
            .single();
    assertThat(Duration.ofSeconds(idle)).isEqualTo(Duration.ofMinutes(30));
    assertThat(browser.get("/").status()).isEqualTo(200);
  }

  @Test
  void anIdleSessionEndsAfterThirtyMinutes() {
    WebSession browser = signedInFreshUser();
    String principal = principalOf(browser);
    long thirtyOneMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(31).toMillis();
    jdbc.sql(
            "UPDATE spring_session SET last_access_time = ?, expiry_time = ? WHERE principal_name = ?")
        .params(
            thirtyOneMinutesAgo, thirtyOneMinutesAgo + Duration.ofMinutes(30).toMillis(), principal)
        .update();
    WebSession.Page answer = browser.get("/");
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).contains("/login");
  }

  @Test
  void anActiveSessionEndsAfterTwelveHoursAnyway() {
    WebSession browser = signedInFreshUser();
    String principal = principalOf(browser);
    long thirteenHoursAgo = System.currentTimeMillis() - Duration.ofHours(13).toMillis();
    jdbc.sql("UPDATE spring_session SET creation_time = ? WHERE principal_name = ?")
        .params(thirteenHoursAgo, principal)
        .update();
    WebSession.Page answer = browser.get("/");
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/login?expired");
    assertThat(browser.get("/").location()).contains("/login");
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    WebSession browser = signedInFreshUser();
    String principal = principalOf(browser);
    String cookie = browser.sessionCookie();
    browser.signOut();
    assertThat(
            jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
                .param(principal)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(new WebSession(port).withSessionCookie(cookie).get("/").status()).isEqualTo(302);
  }

  private String principalOf(WebSession browser) {
    // The account's email is the session's principal name; read it back from the page header.
    return jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = ?")
        .param(new String(java.util.Base64.getDecoder().decode(browser.sessionCookie())))
        .query(String.class)
        .single();
  }
}
