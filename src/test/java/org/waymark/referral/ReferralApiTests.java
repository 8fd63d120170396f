package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.referral.ReferralFixtures.BasicClient;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WaymarkIntegrationTest
class ReferralApiTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  /** A fresh referrer acting for Hillside Health Centre (Moorland PCN), signing in with Basic. */
  UserAccount hillsideReferrer() {
    return TestUsers.create(identity, ReferralFixtures.practice(identity, "B83001"), Role.REFERRER);
  }

  BasicClient basic(UserAccount user) {
    return new BasicClient(port, user.email(), TestUsers.PASSWORD);
  }

  static JsonNode json(WebSession.Page page) {
    return JSON.readTree(page.body());
  }

  static List<String> errorFields(WebSession.Page page) {
    List<String> fields = new ArrayList<>();
    json(page).path("errors").forEach(e -> fields.add(e.path("field").asString()));
    return fields;
  }

  @Test
  void createsAReferralWithItsLocationAndReferenceForAReferrer() {
    UserAccount referrer = hillsideReferrer();
    String nhs = ReferralFixtures.nhsNumber();
    WebSession.Page answer =
        basic(referrer)
            .post("/api/referrals", UUID.randomUUID().toString(), ReferralFixtures.body(nhs));

    assertThat(answer.status()).isEqualTo(201);
    JsonNode referral = json(answer);
    String id = referral.path("id").asString();
    assertThat(answer.location()).isEqualTo("/api/referrals/" + id);
    assertThat(answer.header("Idempotent-Replayed")).isEmpty();
    assertThat(referral.path("reference").asString()).matches("WM-[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(referral.path("status").asString()).isEqualTo("RECEIVED");
    assertThat(referral.path("channel").asString()).isEqualTo("API");
    assertThat(referral.path("receivedAt").asString()).isNotBlank();
    assertThat(referral.path("person").path("nhsNumber").asString()).isEqualTo(nhs);
    assertThat(referral.path("person").path("sex").asString()).isEqualTo("NOT_KNOWN");
    assertThat(referral.path("receivingOrganisationId").asString())
        .isEqualTo(ReferralFixtures.organisation(identity, "U67890").id().toString());

    assertThat(
            jdbc.sql("SELECT channel FROM referral WHERE id = ? AND referrer_user_id = ?")
                .params(UUID.fromString(id), referrer.id())
                .query(String.class)
                .single())
        .isEqualTo("API");
    assertThat(
            audit
                .search(
                    new AuditQuery(referrer.email(), null, "REFERRAL_CREATED", null, null, 0, 10))
                .events())
        .singleElement()
        .satisfies(e -> assertThat(e.recordId()).isEqualTo(id));

    // The person agreed to be contacted: the new person record carries consent on each route given.
    assertThat(
            jdbc.sql(
                    """
                    SELECT p.phone_consent AND p.email_consent AND NOT p.sms_consent FROM person p
                    JOIN referral r ON r.person_id = p.id WHERE r.id = ?
                    """)
                .param(UUID.fromString(id))
                .query(Boolean.class)
                .single())
        .isTrue();

    WebSession.Page read = basic(referrer).get("/api/referrals/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(json(read).path("reference").asString())
        .isEqualTo(referral.path("reference").asString());
    assertThat(
            audit
                .search(new AuditQuery(referrer.email(), null, "REFERRAL_READ", null, null, 0, 10))
                .total())
        .isEqualTo(1);
  }

  @Test
  void aRetryWithTheSameKeyAndBodyAnswersTheSameReferral() {
    UserAccount referrer = hillsideReferrer();
    String key = UUID.randomUUID().toString();
    String body = ReferralFixtures.body(ReferralFixtures.nhsNumber());
    WebSession.Page first = basic(referrer).post("/api/referrals", key, body);
    // The same request with its properties in another order and other spacing is the same request.
    String reordered =
        body.replace("\"source\": \"GP\", ", "")
            .replace("{\"person\"", "{\"source\":\"GP\",\"person\"");
    WebSession.Page again = basic(referrer).post("/api/referrals", key, reordered);

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.location()).isEqualTo(first.location());
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(json(again).path("id").asString()).isEqualTo(json(first).path("id").asString());
    assertThat(referralsBy(referrer)).isEqualTo(1);
  }

  @Test
  void parallelRetriesWithOneKeyMakeExactlyOneReferral() throws Exception {
    UserAccount referrer = hillsideReferrer();
    String key = UUID.randomUUID().toString();
    String body = ReferralFixtures.body(ReferralFixtures.nhsNumber());
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<WebSession.Page>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        BasicClient client = basic(referrer);
        answers.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return client.post("/api/referrals", key, body);
                }));
      }
      ready.await(10, TimeUnit.SECONDS);
      go.countDown();
      List<String> ids = new ArrayList<>();
      for (Future<WebSession.Page> f : answers) {
        WebSession.Page answer = f.get(60, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        ids.add(json(answer).path("id").asString());
      }
      assertThat(ids).hasSize(threads).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(referralsBy(referrer)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM referral_idempotency_key WHERE client_user_id = ?")
                .param(referrer.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedAndWritesNothing() {
    UserAccount referrer = hillsideReferrer();
    String key = UUID.randomUUID().toString();
    String nhs = ReferralFixtures.nhsNumber();
    assertThat(basic(referrer).post("/api/referrals", key, ReferralFixtures.body(nhs)).status())
        .isEqualTo(201);

    WebSession.Page reuse =
        basic(referrer)
            .post("/api/referrals", key, ReferralFixtures.body(nhs, "A different reason"));
    assertThat(reuse.status()).isEqualTo(422);
    assertThat(reuse.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(json(reuse).path("detail").asString())
        .contains("Idempotency-Key reused with a different request");
    assertThat(referralsBy(referrer)).isEqualTo(1);

    // Another client's same key is its own.
    UserAccount other = hillsideReferrer();
    assertThat(basic(other).post("/api/referrals", key, ReferralFixtures.body(nhs)).status())
        .isEqualTo(201);
  }

  @Test
  void anIdempotencyKeyIsRequiredAndAtMost200Characters() {
    UserAccount referrer = hillsideReferrer();
    String body = ReferralFixtures.body(ReferralFixtures.nhsNumber());
    WebSession.Page missing = basic(referrer).post("/api/referrals", null, body);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(json(missing).path("detail").asString()).contains("Idempotency-Key");

    WebSession.Page tooLong = basic(referrer).post("/api/referrals", "k".repeat(201), body);
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(json(tooLong).path("detail").asString()).contains("200 characters");
    assertThat(basic(referrer).post("/api/referrals", "k".repeat(200), body).status())
        .isEqualTo(201);
    assertThat(referralsBy(referrer)).isEqualTo(1);
  }

  @Test
  void listsEveryInvalidFieldWithAReadableMessage() {
    UserAccount referrer = hillsideReferrer();
    String body =
        """
        {"person": {"nhsNumber": "1234567890", "givenName": "", "familyName": "Testperson",
                    "dateOfBirth": "1950-02-03", "email": "not-an-email"},
         "source": "NOT_A_SOURCE", "needs": [], "consentToShare": false, "urgency": "ROUTINE",
         "referrer": {"name": "Dr Test", "phone": "12"}}
        """;
    WebSession.Page answer =
        basic(referrer).post("/api/referrals", UUID.randomUUID().toString(), body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(errorFields(answer))
        .contains(
            "person.nhsNumber",
            "person.givenName",
            "person.email",
            "source",
            "needs",
            "consentToShare",
            "referrer.phone");
    JsonNode nhs = null;
    for (JsonNode e : json(answer).path("errors")) {
      if (e.path("field").asString().equals("person.nhsNumber")) {
        nhs = e;
      }
    }
    assertThat(nhs.path("message").asString()).startsWith("Enter a valid NHS number");
    assertThat(json(answer).path("requestId").asString()).isNotBlank();
    assertThat(answer.body()).doesNotContain("Exception");
    assertThat(referralsBy(referrer)).isZero();
  }

  @Test
  void unreadableValuesAreProblemsNamingTheFieldNeverErrors() {
    UserAccount referrer = hillsideReferrer();
    String nhs = ReferralFixtures.nhsNumber();
    BasicClient client = basic(referrer);

    WebSession.Page notJson =
        client.post("/api/referrals", UUID.randomUUID().toString(), "{\"person\": ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(notJson.body()).doesNotContain("Exception").doesNotContain("tools.jackson");

    WebSession.Page wrongType =
        client.post(
            "/api/referrals",
            UUID.randomUUID().toString(),
            ReferralFixtures.body(nhs)
                .replace("\"consentToShare\": true", "\"consentToShare\": [1]"));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(errorFields(wrongType)).containsExactly("consentToShare");

    WebSession.Page badEnumAndDate =
        client.post(
            "/api/referrals",
            UUID.randomUUID().toString(),
            ReferralFixtures.body(nhs)
                .replace("\"ROUTINE\"", "\"WHENEVER\"")
                .replace("1950-02-03", "03/02/1950")
                .replace("\"PHONE\"", "\"PIGEON\""));
    assertThat(badEnumAndDate.status()).isEqualTo(400);
    assertThat(errorFields(badEnumAndDate))
        .containsExactlyInAnyOrder("urgency", "person.dateOfBirth", "preferredContactMethod");

    WebSession.Page badPractice =
        client.post(
            "/api/referrals",
            UUID.randomUUID().toString(),
            ReferralFixtures.body(nhs)
                .replace(
                    "\"postcode\"", "\"registeredPracticeOdsCode\": \"ZZZ999\", \"postcode\""));
    assertThat(badPractice.status()).isEqualTo(400);
    assertThat(errorFields(badPractice)).containsExactly("person.registeredPracticeOdsCode");

    WebSession.Page badUuid =
        client.post(
            "/api/referrals",
            UUID.randomUUID().toString(),
            ReferralFixtures.body(nhs)
                .replace("\"postcode\"", "\"registeredPracticeId\": \"nope\", \"postcode\""));
    assertThat(badUuid.status()).isEqualTo(400);
    assertThat(errorFields(badUuid)).containsExactly("person.registeredPracticeId");
    assertThat(referralsBy(referrer)).isZero();
  }

  @Test
  void theReferrerOfAnotherPracticeIsRefusedTheReferralAndTheRefusalIsAudited() {
    UserAccount referrer = hillsideReferrer();
    WebSession.Page created =
        basic(referrer)
            .post(
                "/api/referrals",
                UUID.randomUUID().toString(),
                ReferralFixtures.body(ReferralFixtures.nhsNumber()));
    String id = json(created).path("id").asString();

    UserAccount canalRoad =
        TestUsers.create(identity, ReferralFixtures.practice(identity, "B83002"), Role.REFERRER);
    WebSession.Page refused = basic(canalRoad).get("/api/referrals/" + id);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(refused.body()).doesNotContain("Testperson");
    assertThat(
            audit.search(new AuditQuery(canalRoad.email(), null, null, null, null, 0, 20)).events())
        .anySatisfy(
            e -> {
              assertThat(e.outcome().name()).isEqualTo("REFUSED");
              assertThat(e.recordId()).isEqualTo(id);
            });

    // Staff of the receiving PCN read it; staff of another PCN do not.
    UserAccount moorlandWorker =
        TestUsers.create(
            identity, ReferralFixtures.organisation(identity, "U67890").id(), Role.LINK_WORKER);
    assertThat(basic(moorlandWorker).get("/api/referrals/" + id).status()).isEqualTo(200);
    UserAccount aireManager =
        TestUsers.create(
            identity, ReferralFixtures.organisation(identity, "U12345").id(), Role.SERVICE_MANAGER);
    assertThat(basic(aireManager).get("/api/referrals/" + id).status()).isEqualTo(403);

    WebSession.Page unknown = basic(referrer).get("/api/referrals/" + UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
  }

  @Test
  void theReferrerSeesTheDeclineReasonAndSignposting() {
    UserAccount referrer = hillsideReferrer();
    String id =
        json(basic(referrer)
                .post(
                    "/api/referrals",
                    UUID.randomUUID().toString(),
                    ReferralFixtures.body(ReferralFixtures.nhsNumber())))
            .path("id")
            .asString();
    jdbc.sql(
            """
            UPDATE referral SET status = 'DECLINED', decline_reason = 'Already supported elsewhere',
              signposting = 'Moorland Befriending' WHERE id = ?
            """)
        .param(UUID.fromString(id))
        .update();
    JsonNode read = json(basic(referrer).get("/api/referrals/" + id));
    assertThat(read.path("status").asString()).isEqualTo("DECLINED");
    assertThat(read.path("declineReason").asString()).isEqualTo("Already supported elsewhere");
    assertThat(read.path("signposting").asString()).isEqualTo("Moorland Befriending");
  }

  @Test
  void commissionersAndVcsCoordinatorsMayNotRefer() {
    for (Role role : List.of(Role.COMMISSIONER, Role.VCS_COORDINATOR, Role.RESEARCHER)) {
      WebSession session = new WebSession(port).signedInAs(role);
      WebSession.Page answer =
          session
              .header("Idempotency-Key", UUID.randomUUID().toString())
              .json("POST", "/api/referrals", ReferralFixtures.body(ReferralFixtures.nhsNumber()));
      assertThat(answer.status()).as(role.name()).isEqualTo(403);
      assertThat(answer.header("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
    }
  }

  @Test
  void aSignedInLinkWorkerRefersThroughTheApiWithTheSessionAndItsCsrfToken() {
    WebSession session = new WebSession(port).signedInAs(Role.LINK_WORKER);
    WebSession.Page answer =
        session
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .json("POST", "/api/referrals", ReferralFixtures.body(ReferralFixtures.nhsNumber()));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    // Acting for Aire Valley PCN, its first membership: the referral is received there.
    assertThat(json(answer).path("receivingOrganisationId").asString())
        .isEqualTo(ReferralFixtures.organisation(identity, "U12345").id().toString());
  }

  @Test
  void theOpenApiDocumentDescribesTheReferralApi() {
    WebSession.Page docs = new WebSession(port).get("/v3/api-docs");
    JsonNode api = json(docs);
    JsonNode post = api.path("paths").path("/api/referrals").path("post");
    assertThat(post.isMissingNode()).isFalse();
    assertThat(post.path("responses").has("201")).isTrue();
    assertThat(post.path("responses").has("422")).isTrue();
    List<String> headers = new ArrayList<>();
    post.path("parameters")
        .forEach(
            p -> headers.add(p.path("name").asString() + ":" + p.path("required").asBoolean()));
    assertThat(headers).contains("Idempotency-Key:true");
    assertThat(api.path("paths").path("/api/referrals/{id}").path("get").isMissingNode()).isFalse();
    assertThat(
            api.path("components").path("securitySchemes").path("basic").path("scheme").asString())
        .isEqualTo("basic");
  }

  private long referralsBy(UserAccount user) {
    return jdbc.sql("SELECT count(*) FROM referral WHERE referrer_user_id = ?")
        .param(user.id())
        .query(Long.class)
        .single();
  }
}
