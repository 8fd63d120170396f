package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class SecurityHeadersTests {

  @LocalServerPort int port;

  @Test
  void pagesCarryAStrictContentSecurityPolicyAndNoStore() {
    WebSession.Page login = new WebSession(port).get("/login");
    String csp = login.header("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(login.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.header("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
    assertThat(login.header("X-Frame-Options")).hasValue("DENY");
    assertThat(login.header("Cache-Control").orElseThrow()).contains("no-store");
  }

  @Test
  void signedInPagesWithPersonalDataAreNotCached() {
    WebSession browser = new WebSession(port).signedInAs(Role.SERVICE_MANAGER);
    WebSession.Page home = browser.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.header("Cache-Control").orElseThrow()).contains("no-store");
  }

  @Test
  void apiAnswersAreNotCached() {
    WebSession.Page problem =
        new WebSession(port).json("GET", "/api/people/00000000-0000-0000-0000-000000000001", null);
    assertThat(problem.header("Cache-Control").orElseThrow()).contains("no-store");
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSite() {
    WebSession.Page login = new WebSession(port).get("/login");
    String cookie = login.header("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("WAYMARK_SESSION=")
        .contains("HttpOnly")
        .contains("SameSite=Lax")
        .doesNotContain("Secure");
    String overTls =
        new WebSession(port)
            .header("X-Forwarded-Proto", "https")
            .get("/login")
            .header("Set-Cookie")
            .orElseThrow();
    assertThat(overTls).contains("Secure");
  }

  @Test
  void strictTransportSecurityIsSentOverHttpsOnly() {
    WebSession.Page plain = new WebSession(port).get("/login");
    assertThat(plain.header("Strict-Transport-Security")).isEmpty();
    // Behind a TLS-terminating proxy the request is secure, and HSTS is sent.
    WebSession.Page overTls =
        new WebSession(port).header("X-Forwarded-Proto", "https").get("/login");
    assertThat(overTls.header("Strict-Transport-Security").orElseThrow()).contains("max-age=");
  }

  @Test
  void errorPagesShowNoStackTraceOrExceptionText() {
    WebSession browser = new WebSession(port).signedInAs(Role.SERVICE_MANAGER);
    WebSession.Page missing = browser.get("/no-such-page");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.h1()).isEqualTo("Page not found");
    assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at org.");
  }
}
