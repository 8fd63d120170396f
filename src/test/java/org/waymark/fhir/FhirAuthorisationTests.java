package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.support.DemoAccounts;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * The FHIR server's front door: the CapabilityStatement is public and says how to get a token;
 * registered clients get client-credentials tokens from Waymark's authorisation server over HTTP;
 * everything else needs a valid token whose client is still enabled and whose scopes allow the
 * operation.
 */
@WaymarkIntegrationTest
class FhirAuthorisationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired FhirClients clients;
  @Autowired AuditLog audit;

  FhirFixture f;

  @BeforeEach
  void setUp() {
    f = new FhirFixture(identity, curation, clients, port);
  }

  @Test
  void capabilityStatementIsPublicAndListsWhatIsServed() {
    FhirHttp.Answer answer = new FhirHttp(port).get("/fhir/metadata");
    assertThat(answer.status()).isEqualTo(200);
    CapabilityStatement cs = answer.valid(CapabilityStatement.class);
    assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
    CapabilityStatement.CapabilityStatementRestComponent rest = cs.getRestFirstRep();
    assertThat(rest.getResource())
        .extracting(r -> r.getType())
        .contains("ServiceRequest", "Task", "Patient", "DocumentReference");
    assertThat(
            rest.getResource().stream()
                .filter(r -> r.getType().equals("ServiceRequest"))
                .flatMap(r -> r.getInteraction().stream())
                .map(i -> i.getCode().toCode()))
        .contains("create", "read", "search-type");
    assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode()).contains("transaction");
    assertThat(rest.getSecurity().getDescription())
        .contains("http://localhost:" + port + "/oauth2/token");
  }

  @Test
  void aRegisteredClientGetsATokenAndReadsWithIt() {
    FhirHttp gp = new FhirHttp(port);
    FhirHttp.Answer token = gp.token(f.gpSystem.clientId(), FhirFixture.SECRET, null);
    assertThat(token.status()).isEqualTo(200);
    assertThat(token.body()).contains("\"token_type\":\"Bearer\"").contains("system/Task.read");

    FhirHttp.Answer search = gp.get("/fhir/Task");
    assertThat(search.status()).isEqualTo(200);
    Bundle bundle = search.valid(Bundle.class);
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
  }

  @Test
  void withoutAValidTokenNothingIsServed() {
    FhirHttp.Answer none = new FhirHttp(port).get("/fhir/Task");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    FhirHttp.Answer forged =
        new FhirHttp(port).withToken("eyJhbGciOiJub25lIn0.e30.").get("/fhir/Task");
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.resource()).isInstanceOf(OperationOutcome.class);

    FhirHttp.Answer wrongSecret =
        new FhirHttp(port).token(f.gpSystem.clientId(), "not-the-secret-at-all", null);
    assertThat(wrongSecret.status()).isEqualTo(401);
  }

  @Test
  void aDisabledClientsTokenStopsWorkingAtOnce() {
    FhirHttp gp = f.gp();
    assertThat(gp.get("/fhir/Task").status()).isEqualTo(200);
    TestUsers.as(
        f.admin,
        () -> {
          clients.disable(f.gpSystem.id());
          return null;
        });
    assertThat(gp.get("/fhir/Task").status()).isEqualTo(401);
    assertThat(new FhirHttp(port).token(f.gpSystem.clientId(), FhirFixture.SECRET, null).status())
        .isEqualTo(401);
  }

  @Test
  void aTokenWithoutTheScopeIsRefusedAndAudited() {
    FhirHttp readOnly = f.client(f.gpSystem, "system/Task.read");
    FhirHttp.Answer write =
        readOnly.post(
            "/fhir/ServiceRequest",
            f.withContainedPatient("scope-1", f.patient("Iris", "Scope", null)));
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.resource()).isInstanceOf(OperationOutcome.class);
    assertThat(readOnly.get("/fhir/Patient?identifier=9990000018").status()).isEqualTo(403);
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        "fhir-" + f.gpSystem.clientId().toLowerCase(),
                        null,
                        "FHIR_SCOPE",
                        null,
                        null,
                        0,
                        50))
                .events())
        .extracting(e -> e.recordId())
        .contains("POST ServiceRequest", "GET Patient");
  }

  @Test
  void aClientAsksOnlyForScopesItWasGiven() {
    FhirHttp.Answer answer =
        new FhirHttp(port).token(f.gpSystem.clientId(), FhirFixture.SECRET, "system/Goal.read");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).contains("invalid_scope");
  }

  @Test
  void theDemoGpSystemIsRegistered() {
    FhirHttp demo = new FhirHttp(port);
    assertThat(
            demo.token("hillside-gp-system", DemoAccounts.PASSWORD + "-fhir-client", null).status())
        .isEqualTo(200);
    assertThat(demo.get("/fhir/ServiceRequest").valid(Bundle.class).getType())
        .isEqualTo(Bundle.BundleType.SEARCHSET);
  }

  @Test
  void theDemoPcnSystemReadsZoesSupportPlan() {
    FhirHttp demo = new FhirHttp(port);
    assertThat(
            demo.token("aire-valley-pcn-system", DemoAccounts.PASSWORD + "-fhir-client", null)
                .status())
        .isEqualTo(200);
    Bundle zoe =
        demo.get("/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9990000018")
            .valid(Bundle.class);
    assertThat(zoe.getEntry()).hasSize(1);
    String patient = "Patient/" + zoe.getEntryFirstRep().getResource().getIdElement().getIdPart();
    Bundle plans = demo.get("/fhir/CarePlan?patient=" + patient).valid(Bundle.class);
    assertThat(plans.getEntry()).isNotEmpty();
    Bundle goals = demo.get("/fhir/Goal?patient=" + patient).valid(Bundle.class);
    assertThat(goals.getEntry())
        .extracting(e -> ((org.hl7.fhir.r4.model.Goal) e.getResource()).getDescription().getText())
        .contains("Go to an art group every week and get to know one or two people there");
    assertThat(demo.get("/fhir/ServiceRequest").status()).isEqualTo(403);
  }

  @Test
  void onlyAnAdministratorRegistersClients() {
    var manager = f.org.manager;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                TestUsers.as(
                    manager,
                    () ->
                        clients.register(
                            f.org.practice.id(), "Sneaky", List.of("system/Task.read"), null)))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
  }
}
