package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.audit.AuditLog;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Systems reach the JSON API with HTTP Basic: checked and throttled like the sign-in form, no
 * session, never a challenge a browser would answer; browser sessions keep needing CSRF tokens.
 */
@WaymarkIntegrationTest
class ApiBasicAuthenticationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpRequest.Builder basic(String path, String username, String password, String address) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("X-Forwarded-For", address)
        .header("Accept", "application/json");
  }

  UUID organisation(String odsCode) {
    return identity.organisations().stream()
        .filter(o -> odsCode.equals(o.odsCode()))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void theRightPasswordIsLetInWithoutASession() throws Exception {
    UserAccount manager = TestUsers.create(identity, organisation("U12345"), Role.SERVICE_MANAGER);
    HttpResponse<String> answer =
        send(
            basic(
                "/api/people?nhsNumber=9990000018",
                manager.email(),
                TestUsers.PASSWORD,
                TestUsers.freshAddress()));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(answer.body()).contains("9990000018");
  }

  @Test
  void aWrongPasswordIsA401ProblemWithoutAChallenge() throws Exception {
    UserAccount manager = TestUsers.create(identity, organisation("U12345"), Role.SERVICE_MANAGER);
    HttpResponse<String> answer =
        send(
            basic(
                "/api/people?nhsNumber=9990000018",
                manager.email(),
                "not-the-password",
                TestUsers.freshAddress()));
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(answer.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(answer.body()).contains("\"status\":401").doesNotContain("9990000018");

    // Nor is there a challenge when no credentials come at all.
    HttpResponse<String> anonymous =
        send(
            HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/people?nhsNumber=9990000018")));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void repeatedFailuresThrottleTheAccountAsTheSignInFormDoes() throws Exception {
    UserAccount manager = TestUsers.create(identity, organisation("U12345"), Role.SERVICE_MANAGER);
    String address = TestUsers.freshAddress();
    for (int i = 0; i < 5; i++) {
      assertThat(
              send(basic(
                      "/api/referrals/" + UUID.randomUUID(),
                      manager.email(),
                      "wrong-" + i,
                      address))
                  .statusCode())
          .isEqualTo(401);
    }
    HttpResponse<String> throttled =
        send(
            basic(
                "/api/referrals/" + UUID.randomUUID(),
                manager.email(),
                TestUsers.PASSWORD,
                address));
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(throttled.body()).contains("Too many failed sign-in attempts");
    // The form is refused too: it is one account.
    assertThat(
            new WebSession(port)
                .from(TestUsers.freshAddress())
                .signIn(manager.email(), TestUsers.PASSWORD)
                .location())
        .endsWith("/login?throttled");
  }

  @Test
  void aUserWithSeveralMembershipsNamesTheOrganisation() throws Exception {
    UserAccount worker = TestUsers.create(identity, organisation("U12345"), Role.LINK_WORKER);
    identity.addMembership(worker.id(), organisation("U67890"), Role.LINK_WORKER);
    String path = "/api/people?nhsNumber=9990000018";

    HttpResponse<String> ambiguous =
        send(basic(path, worker.email(), TestUsers.PASSWORD, TestUsers.freshAddress()));
    assertThat(ambiguous.statusCode()).isEqualTo(400);
    assertThat(ambiguous.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(ambiguous.body()).contains("Waymark-Organisation");

    // Zoë (9990000018) is recorded by Aire Valley PCN, not Moorland.
    HttpResponse<String> aire =
        send(
            basic(path, worker.email(), TestUsers.PASSWORD, TestUsers.freshAddress())
                .header("Waymark-Organisation", organisation("U12345").toString()));
    assertThat(aire.statusCode()).isEqualTo(200);
    assertThat(aire.body()).contains("9990000018");
    HttpResponse<String> moorland =
        send(
            basic(path, worker.email(), TestUsers.PASSWORD, TestUsers.freshAddress())
                .header("Waymark-Organisation", organisation("U67890").toString()));
    assertThat(moorland.statusCode()).isEqualTo(200);
    assertThat(moorland.body()).doesNotContain("9990000018");

    HttpResponse<String> notTheirs =
        send(
            basic(path, worker.email(), TestUsers.PASSWORD, TestUsers.freshAddress())
                .header("Waymark-Organisation", AuditLog.DEPLOYMENT.toString()));
    assertThat(notTheirs.statusCode()).isEqualTo(403);
    HttpResponse<String> garbled =
        send(
            basic(path, worker.email(), TestUsers.PASSWORD, TestUsers.freshAddress())
                .header("Waymark-Organisation", "Aire Valley"));
    assertThat(garbled.statusCode()).isEqualTo(400);
  }

  @Test
  void aSessionCookieStillNeedsACsrfTokenOnTheApi() throws Exception {
    WebSession browser = new WebSession(port).signedInAs(Role.REFERRER);
    HttpResponse<String> forged =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
                .header("Cookie", "WAYMARK_SESSION=" + browser.sessionCookie())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    // The same session with its token gets past CSRF (and then fails on the empty referral).
    WebSession.Page withToken =
        browser
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .json("POST", "/api/referrals", "{}");
    assertThat(withToken.status()).isEqualTo(400);
  }
}
