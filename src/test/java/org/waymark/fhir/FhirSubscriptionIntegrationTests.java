package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.casework.Triage;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * Rest-hook subscriptions: a GP system is told (an empty POST to its endpoint, with the headers it
 * chose) when its referral's Task changes, after the change committed; a subscription belongs to
 * the client that made it.
 */
@WaymarkIntegrationTest
class FhirSubscriptionIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired FhirClients clients;
  @Autowired Referrals referrals;
  @Autowired Triage triage;

  record Received(String method, String authorization, int bodyLength) {}

  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  HttpServer endpoint;
  FhirFixture f;
  FhirClient gpClient;
  FhirHttp gp;

  @BeforeEach
  void setUp() throws IOException {
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext(
        "/notify",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  body.length));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    endpoint.start();
    f = new FhirFixture(identity, curation, clients, port);
    gpClient = f.register(clients, f.org.practice, List.of("system/*.*"), "GP");
    gp = f.client(gpClient, null);
  }

  @AfterEach
  void stop() {
    endpoint.stop(0);
  }

  private String endpointUrl() {
    return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/notify";
  }

  private Subscription subscription(String criteria, String url) {
    Subscription s = new Subscription();
    s.setStatus(Subscription.SubscriptionStatus.REQUESTED);
    s.setReason("Follow our social prescribing referrals");
    s.setCriteria(criteria);
    s.getChannel()
        .setType(Subscription.SubscriptionChannelType.RESTHOOK)
        .setEndpoint(url)
        .addHeader("Authorization: Bearer endpoint-secret");
    return s;
  }

  @Test
  void theReferringSystemIsToldWhenItsTaskChanges() throws InterruptedException {
    FhirHttp.Answer created = gp.post("/fhir/Subscription", subscription("Task", endpointUrl()));
    assertThat(created.status()).isEqualTo(201);
    Subscription s = created.valid(Subscription.class);
    assertThat(s.getStatus()).isEqualTo(Subscription.SubscriptionStatus.ACTIVE);
    assertThat(s.getChannel().getHeader()).isEmpty();

    ServiceRequest sr =
        gp.post(
                "/fhir/ServiceRequest",
                f.withContainedPatient("SUB-1", f.patient("Alma", "Subscriber", null)))
            .valid(ServiceRequest.class);
    assertThat(sr.getIdentifier())
        .extracting(i -> i.getSystem() + "|" + i.getValue())
        .contains("https://gp-system.example/referrals|SUB-1");
    Received first = received.poll(20, TimeUnit.SECONDS);
    assertThat(first).isEqualTo(new Received("POST", "Bearer endpoint-secret", 0));

    Referral referral =
        TestUsers.as(
            identity.user(gpClient.systemUserId()).orElseThrow(),
            () -> referrals.mine(null, null, null, null, 1).get(0));
    TestUsers.as(
        f.org.manager,
        () -> triage.accept(referral.id(), referral.version(), f.org.linkWorker.id()));
    assertThat(received.poll(20, TimeUnit.SECONDS)).isNotNull();

    Bundle mine = gp.get("/fhir/Subscription").valid(Bundle.class);
    assertThat(mine.getEntry()).hasSize(1);

    FhirHttp other =
        f.client(f.register(clients, f.org.practice, List.of("system/Subscription.*"), "GP"), null);
    assertThat(other.get("/fhir/Subscription/" + s.getIdElement().getIdPart()).status())
        .isEqualTo(404);
    assertThat(other.delete("/fhir/Subscription/" + s.getIdElement().getIdPart()).status())
        .isEqualTo(404);
    assertThat(f.gp().get("/fhir/Subscription").status()).isEqualTo(403);

    assertThat(gp.delete("/fhir/Subscription/" + s.getIdElement().getIdPart()).status())
        .isIn(200, 204);
    assertThat(gp.get("/fhir/Subscription").valid(Bundle.class).getEntry()).isEmpty();
  }

  @Test
  void aSubscriptionOnlyToSomeStatusesIsToldOnlyOfThose() throws InterruptedException {
    gp.post("/fhir/Subscription", subscription("Task?status=accepted,rejected", endpointUrl()))
        .valid(Subscription.class);
    gp.post(
            "/fhir/ServiceRequest",
            f.withContainedPatient("SUB-2", f.patient("Beth", "Selective", null)))
        .valid(ServiceRequest.class);
    assertThat(received.poll(3, TimeUnit.SECONDS)).isNull();
    Referral referral =
        TestUsers.as(
            identity.user(gpClient.systemUserId()).orElseThrow(),
            () -> referrals.mine(null, null, null, null, 1).get(0));
    TestUsers.as(
        f.org.manager,
        () -> referrals.decline(referral.id(), referral.version(), "Needs a debt adviser", null));
    assertThat(received.poll(20, TimeUnit.SECONDS)).isNotNull();
  }

  @Test
  void anUnusableSubscriptionIsRefusedWithEachProblem() {
    Subscription bad = subscription("Patient", "http://example.org/hook");
    bad.getChannel().setPayload("application/fhir+json").addHeader("Host: elsewhere");
    FhirHttp.Answer answer = gp.post("/fhir/Subscription", bad);
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.valid(OperationOutcome.class).getIssue())
        .flatExtracting(i -> i.getExpression().stream().map(StringType::getValue).toList())
        .contains(
            "Subscription.criteria",
            "Subscription.channel.endpoint",
            "Subscription.channel.payload",
            "Subscription.channel.header");
    assertThat(gp.get("/fhir/Subscription").valid(Bundle.class).getEntry()).isEmpty();
  }
}
