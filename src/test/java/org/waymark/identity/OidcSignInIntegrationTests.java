package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.audit.AuditLog;
import org.waymark.identity.internal.SignInThrottle;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Staff sign-in through OpenID Connect, against mock-oauth2-server as a real provider: discovery,
 * the authorization endpoint, the token endpoint and its published keys. Every test goes through
 * the whole authorization code flow over HTTP, as a browser would. The only test class with a
 * provider configured, so its application context (and its cost) is paid once.
 */
@WaymarkIntegrationTest
class OidcSignInIntegrationTests {

  static final String ISSUER_ID = "nhs";
  static final String CLIENT_ID = "waymark-test-client";
  static final Map<String, Object> MULTI_FACTOR = Map.of("amr", List.of("pwd", "mfa"));

  // MockWebServer underneath lets a test put its own answer in place of the token endpoint's, to
  // hand the application a forged token from the provider's own token endpoint.
  static final MockOAuth2Server provider =
      new MockOAuth2Server(
          new OAuth2Config(
              false,
              null,
              null,
              false,
              new OAuth2TokenProvider(),
              Set.of(),
              new MockWebServerWrapper()));

  /** An answer the provider's token endpoint gives once instead of its own, or null. */
  static final AtomicReference<MockResponse> nextTokenResponse = new AtomicReference<>();

  static {
    provider.start();
    MockWebServer server =
        ((MockWebServerWrapper) provider.getConfig().getHttpServer()).getMockWebServer();
    Dispatcher usual = server.getDispatcher();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            MockResponse canned =
                request.getPath() != null && request.getPath().endsWith("/token")
                    ? nextTokenResponse.getAndSet(null)
                    : null;
            return canned != null ? canned : usual.dispatch(request);
          }
        });
  }

  @DynamicPropertySource
  static void openIdConnect(DynamicPropertyRegistry properties) {
    properties.add("waymark.oidc.issuer-uri", () -> issuer());
    properties.add("waymark.oidc.client-id", () -> CLIENT_ID);
    properties.add("waymark.oidc.client-secret", () -> "a-test-client-secret");
    properties.add("waymark.oidc.name", () -> "NHS Care Identity");
    properties.add("waymark.oidc.match", () -> "email");
    properties.add("waymark.oidc.require-mfa", () -> "true");
    properties.add("waymark.oidc.mfa-acr-values", () -> "AAL3_ANY");
    properties.add("waymark.oidc.mfa-amr-values", () -> "mfa");
  }

  @AfterAll
  static void stopProvider() {
    provider.shutdown();
  }

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired JdbcClient jdbc;
  @Autowired SignInThrottle throttle;

  private final HttpClient toProvider =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  static String issuer() {
    return provider.issuerUrl(ISSUER_ID).toString();
  }

  @Test
  void signsInThroughTheProviderAsThePreProvisionedAccountWithPkceStateAndNonce() throws Exception {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    String subject = UUID.randomUUID().toString();
    WebSession browser = new WebSession(port);

    WebSession.Page start = browser.get("/oauth2/authorization/oidc");
    String sessionBefore = browser.sessionCookie();
    assertThat(start.status()).isEqualTo(302);
    assertThat(start.location()).startsWith(issuer() + "/authorize?");
    Map<String, String> authorization = query(start.location());
    assertThat(authorization)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("code_challenge", "state", "nonce", "redirect_uri");
    assertThat(authorization.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(authorization.get("scope").split(" ")).contains("openid", "email");
    assertThat(authorization.get("redirect_uri"))
        .isEqualTo("http://localhost:" + port + "/login/oauth2/code/oidc");
    assertThat(authorization).containsEntry("acr_values", "AAL3_ANY");

    provider.enqueueCallback(token(subject, user.email(), true, MULTI_FACTOR));
    String callback = authorize(start.location());
    drainRecordedRequests();
    WebSession.Page signedIn = browser.get(pathOf(callback));

    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(signedIn.location()).endsWith("/");
    // A new session id at sign-in, as with the form.
    assertThat(browser.sessionCookie()).isNotNull().isNotEqualTo(sessionBefore);
    WebSession.Page home = browser.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.document().select("[data-testid=acting-organisation]").text())
        .contains("Administrator");
    assertThat(identity.oidcSubject(user.id())).contains(new OidcSubject(issuer(), subject));
    // The code was redeemed with the PKCE verifier and the client's secret.
    RecordedRequest tokenRequest = recordedTokenRequest();
    assertThat(tokenRequest.getBody().readUtf8()).contains("code_verifier=");
    assertThat(tokenRequest.getHeader("Authorization")).startsWith("Basic ");
    assertThat(lastAudit(user.id().toString())).isEqualTo("SIGN_IN ALLOWED OpenID Connect");

    // Later sign-ins go by subject alone, whatever email the provider then gives.
    WebSession again = new WebSession(port);
    WebSession.Page secondTime =
        signInThroughProvider(again, token(subject, null, false, MULTI_FACTOR));
    assertThat(secondTime.location()).endsWith("/");
    assertThat(again.get("/").status()).isEqualTo(200);
  }

  @Test
  void signingOutAlsoEndsTheSessionAtTheProvider() throws Exception {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    WebSession browser = new WebSession(port);
    signInThroughProvider(
        browser, token(UUID.randomUUID().toString(), user.email(), true, MULTI_FACTOR));
    assertThat(browser.get("/").status()).isEqualTo(200);

    WebSession.Page out = browser.post("/logout", Map.of());
    assertThat(out.status()).isEqualTo(302);
    assertThat(out.location()).startsWith(issuer() + "/endsession?");
    Map<String, String> endSession = query(out.location());
    assertThat(endSession)
        .containsEntry("client_id", CLIENT_ID)
        .containsEntry("post_logout_redirect_uri", "http://localhost:" + port + "/login?signedOut");
    assertThat(SignedJWT.parse(endSession.get("id_token_hint")).getJWTClaimsSet().getAudience())
        .containsExactly(CLIENT_ID);
    // Waymark's session has ended already; the provider sends the browser back to sign-in.
    assertNotSignedIn(browser);
    HttpResponse<String> atProvider =
        toProvider.send(
            HttpRequest.newBuilder(URI.create(out.location())).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(atProvider.headers().firstValue("Location"))
        .contains("http://localhost:" + port + "/login?signedOut");

    // Someone who signed in with a password signs out of Waymark only.
    WebSession local = new WebSession(port);
    local.signIn(user.email(), TestUsers.PASSWORD);
    WebSession.Page localOut = local.post("/logout", Map.of());
    assertThat(localOut.location()).isEqualTo("http://localhost:" + port + "/login?signedOut");
  }

  @Test
  void tooManyFailedSignInsFromAnAddressStopBeforeTheProvider() throws Exception {
    String address = TestUsers.freshAddress();
    WebSession refused = new WebSession(port).from(address);
    WebSession.Page start = refused.get("/oauth2/authorization/oidc");
    String callback = authorize(start.location());
    refused.get(pathOf(callback).replaceAll("state=[^&]+", "state=forged"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM sign_in_attempt WHERE remote_address = ? AND NOT succeeded")
                .param(address)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    for (int i = 0; i < 60; i++) {
      throttle.recordFailure("nobody-" + i + "@example.org", address);
    }
    drainRecordedRequests();

    WebSession browser = new WebSession(port).from(address);
    WebSession.Page blocked = browser.get("/oauth2/authorization/oidc");
    assertThat(blocked.status()).isEqualTo(302);
    assertThat(blocked.location()).endsWith("/login?throttled");
    WebSession.Page blockedCallback = browser.get("/login/oauth2/code/oidc?code=abc&state=def");
    assertThat(blockedCallback.location()).endsWith("/login?throttled");
    assertThat(nextRecordedRequest(200)).as("nothing reached the provider").isNull();
    assertThat(browser.get("/login?throttled").document().select(".nhsuk-error-summary").text())
        .isNotBlank();
    assertThat(lastAudit(null))
        .isEqualTo(
            "SIGN_IN_FAILED REFUSED OpenID Connect: too many failed sign-ins from this address");

    // Another address is not held back.
    WebSession.Page elsewhere =
        new WebSession(port).from(TestUsers.freshAddress()).get("/oauth2/authorization/oidc");
    assertThat(elsewhere.location()).startsWith(issuer() + "/authorize?");
  }

  @Test
  void userWithSeveralMembershipsChoosesAnOrganisationAfterSigningIn() {
    List<Organisation> pcns = identity.organisations(OrganisationType.PCN);
    UserAccount user = TestUsers.create(identity, pcns.get(0).id(), Role.LINK_WORKER);
    identity.addMembership(user.id(), pcns.get(1).id(), Role.LINK_WORKER);
    WebSession browser = new WebSession(port);

    WebSession.Page signedIn =
        signInThroughProvider(
            browser, token(UUID.randomUUID().toString(), user.email(), true, MULTI_FACTOR));

    assertThat(signedIn.location()).endsWith("/choose-organisation");
    assertThat(browser.get("/choose-organisation").status()).isEqualTo(200);
  }

  @Test
  void answerWithAnotherStateIsRefused() throws Exception {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    WebSession browser = new WebSession(port);
    WebSession.Page start = browser.get("/oauth2/authorization/oidc");
    // No token is asked for: the answer is refused before the code is redeemed.
    String callback = authorize(start.location());
    Map<String, String> parameters = query(callback);
    String state = parameters.get("state");
    parameters.put("state", "forged" + state);
    String forged =
        "/login/oauth2/code/oidc?"
            + parameters.entrySet().stream()
                .map(
                    p ->
                        URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));

    WebSession.Page answer = browser.get(forged);

    assertThat(answer.location()).endsWith("/login?oidcFailed");
    assertNotSignedIn(browser);
    // Nor is the genuine answer accepted in a session that never asked for it.
    WebSession other = new WebSession(port);
    assertThat(other.get(pathOf(callback)).location()).endsWith("/login?oidcFailed");
    assertNotSignedIn(other);
    // The same answer with its own state, in the session that asked, is accepted: the state alone
    // made the difference.
    provider.enqueueCallback(token(UUID.randomUUID().toString(), user.email(), true, MULTI_FACTOR));
    assertThat(browser.get(pathOf(callback)).location()).endsWith("/");
  }

  @Test
  void idTokenForAnotherAudienceIsRefused() {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    Map<String, Object> claims = new LinkedHashMap<>(MULTI_FACTOR);
    claims.put("aud", List.of("another-service"));
    WebSession browser = new WebSession(port);

    WebSession.Page answer =
        signInThroughProvider(
            browser, token(UUID.randomUUID().toString(), user.email(), true, claims));

    assertThat(answer.location()).endsWith("/login?oidcFailed");
    assertNotSignedIn(browser);
    assertThat(identity.oidcSubject(user.id())).isEmpty();
    assertThat(lastAudit(null))
        .startsWith("SIGN_IN_FAILED REFUSED OpenID Connect: invalid_id_token");
  }

  @Test
  void forgedIdTokensFromTheTokenEndpointAreRefused() throws Exception {
    UserAccount victim = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    String victimSubject = UUID.randomUUID().toString();
    // The victim has signed in before, so their account is bound to their subject.
    assertThat(
            signInThroughProvider(
                    new WebSession(port), token(victimSubject, victim.email(), true, MULTI_FACTOR))
                .location())
        .endsWith("/");

    // Signed by the provider: accepted, which shows this way of answering works.
    WebSession genuine = new WebSession(port);
    WebSession.Page accepted =
        signInWithTokenResponse(
            genuine,
            nonce -> provider.issueToken(ISSUER_ID, CLIENT_ID, claims(victimSubject, nonce)));
    assertThat(accepted.location()).endsWith("/");

    // The same claims signed with another key under the provider's key id.
    WebSession resigned = new WebSession(port);
    WebSession.Page resignedAnswer =
        signInWithTokenResponse(
            resigned, nonce -> signedWithAnotherKey(claims(victimSubject, nonce)));
    assertThat(resignedAnswer.location()).endsWith("/login?oidcFailed");
    assertNotSignedIn(resigned);

    // A genuine token for someone else, its payload changed to name the victim.
    WebSession altered = new WebSession(port);
    WebSession.Page alteredAnswer =
        signInWithTokenResponse(
            altered,
            nonce -> {
              SignedJWT real =
                  provider.issueToken(
                      ISSUER_ID, CLIENT_ID, claims(UUID.randomUUID().toString(), nonce));
              String[] parts = real.serialize().split("\\.");
              String payload =
                  real.getPayload()
                      .toString()
                      .replace(real.getJWTClaimsSet().getSubject(), victimSubject);
              return SignedJWT.parse(
                  parts[0]
                      + "."
                      + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8))
                      + "."
                      + parts[2]);
            });
    assertThat(alteredAnswer.location()).endsWith("/login?oidcFailed");
    assertNotSignedIn(altered);
    assertThat(lastAudit(null))
        .startsWith("SIGN_IN_FAILED REFUSED OpenID Connect: invalid_id_token");
  }

  @Test
  void unknownDisabledAndUnverifiedUsersAreRefusedAlikeAndNoAccountIsCreated() {
    String unknownEmail = "nobody-" + UUID.randomUUID() + "@example.org";
    long accounts = accountCount();
    WebSession unknown = new WebSession(port);
    WebSession.Page unknownAnswer =
        signInThroughProvider(
            unknown, token(UUID.randomUUID().toString(), unknownEmail, true, MULTI_FACTOR));

    UserAccount disabledUser = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    identity.disableUser(disabledUser.id());
    WebSession.Page disabledAnswer =
        signInThroughProvider(
            new WebSession(port),
            token(UUID.randomUUID().toString(), disabledUser.email(), true, MULTI_FACTOR));

    UserAccount unverified = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    WebSession.Page unverifiedAnswer =
        signInThroughProvider(
            new WebSession(port),
            token(UUID.randomUUID().toString(), unverified.email(), false, MULTI_FACTOR));

    assertThat(unknownAnswer.location()).endsWith("/login?oidcRefused");
    assertThat(disabledAnswer.location()).isEqualTo(unknownAnswer.location());
    assertThat(unverifiedAnswer.location()).isEqualTo(unknownAnswer.location());
    assertNotSignedIn(unknown);
    assertThat(accountCount()).isEqualTo(accounts + 2);
    assertThat(identity.searchUsers(unknownEmail)).isEmpty();
    assertThat(identity.oidcSubject(disabledUser.id())).isEmpty();
    assertThat(identity.oidcSubject(unverified.id())).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_FAILED' AND username = ?")
                .param(unknownEmail)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(unknown.get("/login?oidcRefused").document().select(".nhsuk-error-summary").text())
        .contains(
            "You signed in with NHS Care Identity, but it is not linked to a Waymark account");
  }

  @Test
  void accountBoundToAnotherSubjectIsRefusedUntilAnAdministratorUnlinksIt() {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    signInThroughProvider(new WebSession(port), token(first, user.email(), true, MULTI_FACTOR));

    WebSession.Page other =
        signInThroughProvider(
            new WebSession(port), token(second, user.email(), true, MULTI_FACTOR));
    assertThat(other.location()).endsWith("/login?oidcRefused");

    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    WebSession.Page page = admin.get("/admin/users/" + user.id());
    assertThat(page.document().select("[data-testid=oidc-subject]").text()).contains(first);
    assertThat(admin.get("/admin/users/" + user.id() + "/oidc-subject/clear").status())
        .isEqualTo(200);
    WebSession.Page cleared =
        admin.post("/admin/users/" + user.id() + "/oidc-subject/clear", Map.of());
    assertThat(cleared.location()).endsWith("/admin/users/" + user.id());
    assertThat(identity.oidcSubject(user.id())).isEmpty();
    assertThat(
            admin
                .get("/admin/users/" + user.id())
                .document()
                .select("[data-testid=oidc-subject]")
                .text())
        .contains("Not linked");

    WebSession.Page rebound =
        signInThroughProvider(
            new WebSession(port), token(second, user.email(), true, MULTI_FACTOR));
    assertThat(rebound.location()).endsWith("/");
    assertThat(identity.oidcSubject(user.id())).contains(new OidcSubject(issuer(), second));
  }

  @Test
  void multiFactorRuleRefusesTokensWithoutTheAcceptedAcrOrAmr() {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    String subject = UUID.randomUUID().toString();

    WebSession passwordOnly = new WebSession(port);
    WebSession.Page refused =
        signInThroughProvider(
            passwordOnly,
            token(subject, user.email(), true, Map.of("amr", List.of("pwd"), "acr", "AAL1")));
    assertThat(refused.location()).endsWith("/login?oidcMfa");
    assertNotSignedIn(passwordOnly);
    assertThat(identity.oidcSubject(user.id())).isEmpty();
    assertThat(passwordOnly.get("/login?oidcMfa").document().select(".nhsuk-error-summary").text())
        .contains("second factor");

    WebSession byAcr = new WebSession(port);
    assertThat(
            signInThroughProvider(
                    byAcr, token(subject, user.email(), true, Map.of("acr", "AAL3_ANY")))
                .location())
        .endsWith("/");
    assertThat(byAcr.get("/").status()).isEqualTo(200);

    WebSession byAmr = new WebSession(port);
    assertThat(signInThroughProvider(byAmr, token(subject, null, false, MULTI_FACTOR)).location())
        .endsWith("/");
  }

  @Test
  void formSignInStillWorksBesideTheProvider() {
    UserAccount user = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    WebSession browser = new WebSession(port);

    WebSession.Page login = browser.get("/login");
    assertThat(login.document().select("a#oidc-sign-in").text())
        .isEqualTo("Sign in with NHS Care Identity");
    assertThat(login.document().select("a#oidc-sign-in").attr("href"))
        .isEqualTo("/oauth2/authorization/oidc");
    assertThat(login.document().select("input[name=password]")).hasSize(1);

    WebSession.Page signedIn = browser.signIn(user.email(), TestUsers.PASSWORD);
    assertThat(signedIn.location()).endsWith("/");
    assertThat(browser.get("/").status()).isEqualTo(200);
  }

  // --- the flow, as a browser follows it

  /** Starts sign-in, lets the provider answer with this token, and returns Waymark's answer. */
  private WebSession.Page signInThroughProvider(
      WebSession browser, DefaultOAuth2TokenCallback token) {
    try {
      WebSession.Page start = browser.get("/oauth2/authorization/oidc");
      assertThat(start.status()).isEqualTo(302);
      provider.enqueueCallback(token);
      return browser.get(pathOf(authorize(start.location())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  interface IdToken {
    SignedJWT make(String nonce) throws Exception;
  }

  /**
   * Starts sign-in; the provider's authorization endpoint answers as usual, but its token endpoint
   * answers once with this ID token (for the nonce Waymark sent).
   */
  private WebSession.Page signInWithTokenResponse(WebSession browser, IdToken idToken)
      throws Exception {
    WebSession.Page start = browser.get("/oauth2/authorization/oidc");
    String nonce = query(start.location()).get("nonce");
    String callback = authorize(start.location());
    SignedJWT id = idToken.make(nonce);
    SignedJWT access =
        provider.issueToken(ISSUER_ID, CLIENT_ID, claims(id.getJWTClaimsSet().getSubject(), null));
    nextTokenResponse.set(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"openid email\","
                    + "\"access_token\":\""
                    + access.serialize()
                    + "\",\"id_token\":\""
                    + id.serialize()
                    + "\"}"));
    return browser.get(pathOf(callback));
  }

  private DefaultOAuth2TokenCallback claims(String subject, String nonce) {
    Map<String, Object> claims = new LinkedHashMap<>(MULTI_FACTOR);
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    return new DefaultOAuth2TokenCallback(
        ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600);
  }

  private SignedJWT signedWithAnotherKey(DefaultOAuth2TokenCallback callback) throws Exception {
    SignedJWT real = provider.issueToken(ISSUER_ID, CLIENT_ID, callback);
    RSAKey forger = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder(real.getJWTClaimsSet())
            .issueTime(Date.from(Instant.now()))
            .build();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forger.getKeyID()).build(), claims);
    forged.sign(new RSASSASigner(forger));
    return forged;
  }

  private static DefaultOAuth2TokenCallback token(
      String subject, String email, boolean emailVerified, Map<String, Object> more) {
    Map<String, Object> claims = new LinkedHashMap<>(more);
    if (email != null) {
      claims.put("email", email);
      claims.put("email_verified", emailVerified);
    }
    return new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600);
  }

  /** Follows the redirect to the provider's authorization endpoint; returns where it sends back. */
  private String authorize(String authorizationUrl) throws Exception {
    HttpResponse<String> answer =
        toProvider.send(
            HttpRequest.newBuilder(URI.create(authorizationUrl)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(302);
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("http://localhost:" + port + "/login/oauth2/code/oidc?");
    return location;
  }

  /** Forgets the requests the provider has had so far. */
  private void drainRecordedRequests() {
    while (nextRecordedRequest(10) != null) {
      // requests before the one a test looks for
    }
  }

  private RecordedRequest recordedTokenRequest() {
    RecordedRequest request;
    while ((request = nextRecordedRequest(1000)) != null) {
      if (request.getPath().endsWith("/token")) {
        return request;
      }
    }
    throw new AssertionError("No token request reached the provider");
  }

  private static RecordedRequest nextRecordedRequest(long millis) {
    try {
      return provider.takeRequest(millis, TimeUnit.MILLISECONDS);
    } catch (RuntimeException none) {
      return null;
    }
  }

  private void assertNotSignedIn(WebSession browser) {
    WebSession.Page home = browser.get("/");
    assertThat(home.status()).isEqualTo(302);
    assertThat(home.location()).endsWith("/login");
  }

  private long accountCount() {
    return jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single();
  }

  /** The newest audit entry for this user id (or of anonymous actors, for null). */
  private String lastAudit(String userId) {
    return jdbc.sql(
            userId == null
                ? "SELECT action || ' ' || outcome || ' ' || coalesce(detail, '') FROM audit_event WHERE user_id IS NULL AND action LIKE 'SIGN_IN%' ORDER BY id DESC LIMIT 1"
                : "SELECT action || ' ' || outcome || ' ' || coalesce(detail, '') FROM audit_event WHERE user_id = ?::uuid AND action LIKE 'SIGN_IN%' ORDER BY id DESC LIMIT 1")
        .params(userId == null ? List.of() : List.of(userId))
        .query(String.class)
        .single();
  }

  private static String pathOf(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static Map<String, String> query(String url) {
    String raw = URI.create(url).getRawQuery();
    return Arrays.stream(raw.split("&"))
        .map(p -> p.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "",
                (a, b) -> a,
                LinkedHashMap::new));
  }
}
