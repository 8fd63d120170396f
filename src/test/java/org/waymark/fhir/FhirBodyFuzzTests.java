package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.Connection;
import org.waymark.connection.Connections;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.referral.Referrals;
import org.waymark.support.JsonMutations;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * Fuzzing the FHIR server's request bodies with mutants of good ones (a ServiceRequest with its
 * Patient contained, a transaction Bundle, a Task update by the community service, a Subscription)
 * and of their content type: every answer is a valid resource (2xx) or an OperationOutcome (4xx),
 * never a server error or an HTML page; and nothing is half-written: referrals, people and
 * subscriptions grow only by whole creations the answer reports, and a refused Task update leaves
 * the Task and its connection as they were.
 */
@WaymarkIntegrationTest
class FhirBodyFuzzTests {

  static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 405, 409, 412, 413, 415, 422);
  static final List<String> CONTENT_TYPES =
      List.of(
          "application/fhir+json",
          "application/fhir+json; charset=UTF-8",
          "application/json",
          "application/json; charset=ISO-8859-1",
          "application/fhir+xml",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/fhir+json; fhirVersion=3.0");

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired FhirClients clients;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired Connections connections;
  @Autowired JdbcClient jdbc;

  FhirFixture f;
  HttpServer endpoint;

  @BeforeEach
  void setUp() throws IOException {
    f = new FhirFixture(identity, curation, clients, port);
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext(
        "/notify",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    endpoint.start();
  }

  @AfterEach
  void stop() {
    endpoint.stop(0);
  }

  /** Mostly FHIR JSON, sometimes another type or none. */
  static String contentType(Random random) {
    int n = random.nextInt(3 * CONTENT_TYPES.size());
    if (n == 0) {
      return null;
    }
    return n < CONTENT_TYPES.size() ? CONTENT_TYPES.get(n) : CONTENT_TYPES.get(0);
  }

  /**
   * A 2xx answer is a valid resource of the type expected; anything else is a refusal explained in
   * an OperationOutcome, never a server error, an HTML page or an exception's text.
   */
  static boolean accepted(FhirHttp.Answer answer, Class<? extends IBaseResource> type, String as) {
    String body = answer.body();
    as = as + " -> " + answer.status() + " " + body;
    assertThat(answer.status()).as(as).isLessThan(500);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .as(as)
        .doesNotContain("html");
    assertThat(body).as(as).doesNotContain("Exception", "\tat org.", "at ca.uhn.");
    if (answer.status() >= 200 && answer.status() < 300) {
      answer.valid(type);
      return true;
    }
    assertThat(answer.status()).as(as).isIn(REFUSALS);
    assertThat(answer.resource()).as(as).isInstanceOf(OperationOutcome.class);
    return false;
  }

  long count(String sql, UUID value) {
    return jdbc.sql(sql).param(value).query(Long.class).single();
  }

  long fhirReferrals(FhirClient client) {
    return count("SELECT count(*) FROM fhir_referral WHERE client_id = ?", client.id());
  }

  long referralsOfPcn() {
    return count("SELECT count(*) FROM referral WHERE organisation_id = ?", f.org.pcn.id());
  }

  long peopleOfPcn() {
    return count("SELECT count(*) FROM person WHERE organisation_id = ?", f.org.pcn.id());
  }

  /** A new referral creates one referral and at most one person; anything else creates nothing. */
  void assertWholeReferral(boolean created, long[] before, String as) {
    long referralsAdded = fhirReferrals(f.gpSystem) - before[0];
    long inPcn = referralsOfPcn() - before[1];
    long people = peopleOfPcn() - before[2];
    assertThat(referralsAdded).as(as + ": referrals the client made").isEqualTo(inPcn);
    if (created) {
      assertThat(referralsAdded).as(as).isLessThanOrEqualTo(1);
      assertThat(people).as(as).isBetween(0L, referralsAdded);
    } else {
      assertThat(referralsAdded).as(as + ": a refused referral writes nothing").isZero();
      assertThat(people).as(as + ": a refused referral writes nobody").isZero();
    }
  }

  long[] referralCounts() {
    return new long[] {fhirReferrals(f.gpSystem), referralsOfPcn(), peopleOfPcn()};
  }

  @Test
  void serviceRequestMutantsCreateAWholeReferralOrNothing() {
    FhirHttp gp = f.gp();
    JsonMutations mutations = new JsonMutations(3301);
    int taken = 0;
    Random random = new Random(3301);
    for (int i = 0; i < 120; i++) {
      String good =
          FhirHttp.encode(
              f.withContainedPatient(
                  "FUZZ-SR-" + UUID.randomUUID(), f.patient("Fuzz" + i, "Request", null)));
      String mutant = mutations.mutate(good);
      String type = contentType(random);
      long[] before = referralCounts();
      FhirHttp.Answer answer =
          gp.raw("POST", "/fhir/ServiceRequest", type, mutations.encode(mutant));
      String as = "mutant " + i + " (" + type + "): " + mutant;
      boolean created = accepted(answer, ServiceRequest.class, as);
      assertWholeReferral(created, before, as);
      taken += created ? 1 : 0;
    }
    assertThat(taken).as("mutants near enough to good ones are accepted").isPositive();
  }

  @Test
  void transactionMutantsCreateAWholeReferralOrNothing() {
    FhirHttp gp = f.gp();
    JsonMutations mutations = new JsonMutations(3302);
    int taken = 0;
    Random random = new Random(3302);
    for (int i = 0; i < 100; i++) {
      String good =
          FhirHttp.encode(
              f.transaction("FUZZ-TX-" + UUID.randomUUID(), f.patient("Fuzz" + i, "Bundle", null)));
      String mutant = mutations.mutate(good);
      String type = contentType(random);
      long[] before = referralCounts();
      FhirHttp.Answer answer = gp.raw("POST", "/fhir", type, mutations.encode(mutant));
      String as = "mutant " + i + " (" + type + "): " + mutant;
      boolean created = accepted(answer, Bundle.class, as);
      assertWholeReferral(created, before, as);
      taken += created ? 1 : 0;
    }
    assertThat(taken).as("mutants near enough to good ones are accepted").isPositive();
  }

  /** A good change of an onward referral's Task from the state it is in. */
  static Task goodChange(Task current, Random random) {
    Task t = current.copy();
    switch (current.getStatus()) {
      case REQUESTED ->
          t.setStatus(random.nextBoolean() ? Task.TaskStatus.ACCEPTED : Task.TaskStatus.REJECTED);
      case ACCEPTED -> t.setStatus(Task.TaskStatus.INPROGRESS);
      case INPROGRESS -> {
        if (random.nextBoolean()) {
          t.setStatus(Task.TaskStatus.ONHOLD);
          t.setStatusReason(
              new CodeableConcept(
                  new Coding(
                      "https://waymark.org.uk/fhir/CodeSystem/connection-status-reason",
                      "WAITING_LIST",
                      null)));
        } else {
          t.setStatus(Task.TaskStatus.COMPLETED);
          t.addOutput()
              .setType(new CodeableConcept().setText("What was done"))
              .setValue(new StringType("Joined the Tuesday group."));
        }
      }
      case ONHOLD -> {
        t.setStatus(Task.TaskStatus.INPROGRESS);
        t.setStatusReason(null);
      }
      default -> t.setStatus(Task.TaskStatus.FAILED);
    }
    return t;
  }

  @Test
  void taskUpdateMutantsChangeTheTaskWholeOrLeaveItAsItWas() {
    FhirHttp platform =
        f.client(
            f.register(
                clients, f.org.vcs, FhirOnwardReferralIntegrationTests.PERFORMER_SCOPES, null),
            null);
    JsonMutations mutations = new JsonMutations(3303);
    int taken = 0;
    Random random = new Random(3303);
    Connection connection = null;
    for (int i = 0; i < 100; i++) {
      String id = connection == null ? null : "connection-" + connection.id();
      Task current = id == null ? null : platform.get("/fhir/Task/" + id).valid(Task.class);
      if (current == null
          || Set.of(Task.TaskStatus.COMPLETED, Task.TaskStatus.REJECTED, Task.TaskStatus.FAILED)
              .contains(current.getStatus())) {
        CaseFile c = f.org.openCase(referrals, triage, "Fuzz" + i, "Onward");
        connection = f.org.refer(connections, c, f.org.waymarkService.id());
        id = "connection-" + connection.id();
        current = platform.get("/fhir/Task/" + id).valid(Task.class);
      }
      String mutant = mutations.mutate(FhirHttp.encode(goodChange(current, random)));
      String type = contentType(random);
      String before = taskState(id);
      FhirHttp.Answer answer =
          platform.raw("PUT", "/fhir/Task/" + id, type, mutations.encode(mutant));
      String as = "mutant " + i + " of " + current.getStatus() + " (" + type + "): " + mutant;
      boolean changed = accepted(answer, Task.class, as);
      String after = taskState(id);
      if (changed) {
        Task answered = (Task) answer.resource();
        assertThat(after).as(as).startsWith(answered.getStatus().toCode() + "|");
      } else {
        assertThat(after).as(as + ": a refused update changes nothing").isEqualTo(before);
      }
      taken += changed ? 1 : 0;
    }
    assertThat(taken).as("mutants near enough to good ones are accepted").isPositive();
  }

  /** The Task's status and version, and its connection's status and version, as stored. */
  String taskState(String id) {
    String connectionId = id.substring("connection-".length());
    String connection =
        jdbc.sql(
                "SELECT replace(lower(status), '_', '-') || '|' || version FROM connection"
                    + " WHERE id = ?")
            .param(UUID.fromString(connectionId))
            .query(String.class)
            .single();
    return connection;
  }

  @Test
  void subscriptionMutantsCreateAWholeSubscriptionOrNothing() {
    FhirClient client = f.register(clients, f.org.practice, List.of("system/*.*"), "GP");
    FhirHttp gp = f.client(client, null);
    JsonMutations mutations = new JsonMutations(3304);
    int taken = 0;
    Random random = new Random(3304);
    String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/notify";
    for (int i = 0; i < 100; i++) {
      Subscription s = new Subscription();
      s.setStatus(Subscription.SubscriptionStatus.REQUESTED);
      s.setReason("Follow our social prescribing referrals");
      s.setCriteria(random.nextBoolean() ? "Task" : "Task?status=accepted,rejected");
      s.getChannel()
          .setType(Subscription.SubscriptionChannelType.RESTHOOK)
          .setEndpoint(url)
          .addHeader("Authorization: Bearer endpoint-secret");
      String mutant = mutations.mutate(FhirHttp.encode(s));
      String type = contentType(random);
      long before = subscriptions(client);
      FhirHttp.Answer answer = gp.raw("POST", "/fhir/Subscription", type, mutations.encode(mutant));
      String as = "mutant " + i + " (" + type + "): " + mutant;
      boolean created = accepted(answer, Subscription.class, as);
      assertThat(subscriptions(client) - before).as(as).isEqualTo(created ? 1 : 0);
      taken += created ? 1 : 0;
    }
    assertThat(taken).as("mutants near enough to good ones are accepted").isPositive();
  }

  long subscriptions(FhirClient client) {
    return count("SELECT count(*) FROM fhir_subscription WHERE client_id = ?", client.id());
  }

  @Test
  void aBodySentAsAFormThatIsNotUtf8IsABadRequestNotAServerError() {
    FhirHttp gp = f.gp();
    byte[] body =
        "{\"resourceType\":\"Subscription\",\"reason\":\"caf\u00e9\"}"
            .getBytes(StandardCharsets.ISO_8859_1);
    FhirHttp.Answer answer =
        gp.raw("POST", "/fhir/Subscription", "application/x-www-form-urlencoded", body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.resource()).isInstanceOf(OperationOutcome.class);
    assertThat(gp.get("/fhir/Patient?name=%FF%FE").status()).isEqualTo(400);
    // A form body whose first "parameter name" starts with a byte order mark: the firewall refuses
    // the name.
    FhirHttp.Answer bom =
        gp.raw(
            "POST",
            "/fhir/ServiceRequest",
            "application/x-www-form-urlencoded",
            "\uFEFF{\"resourceType\":\"ServiceRequest\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(bom.status()).isEqualTo(400);
    assertThat(bom.resource()).isInstanceOf(OperationOutcome.class);
  }

  @Test
  void bodiesThatAreNotJsonAtAllAreRefusedWithAnOperationOutcome() {
    FhirHttp gp = f.gp();
    for (String body :
        List.of(
            "",
            "null",
            "[]",
            "{}",
            "<ServiceRequest xmlns=\"http://hl7.org/fhir\"/>",
            "{\"resourceType\": \"Patient\"}",
            "{\"resourceType\": \"ServiceRequest\", \"resourceType\": \"Bundle\"}",
            "{\"resourceType\": 42}",
            "\uFEFF{\"resourceType\": \"ServiceRequest\"}",
            "[".repeat(5000))) {
      for (String path : List.of("/fhir/ServiceRequest", "/fhir", "/fhir/Subscription")) {
        FhirHttp.Answer answer =
            gp.raw("POST", path, "application/fhir+json", body.getBytes(StandardCharsets.UTF_8));
        accepted(answer, IBaseResource.class, path + ": " + body);
      }
    }
  }
}
