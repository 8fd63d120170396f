package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionFixture;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.Connections;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * A regional platform answers onward referrals for a community service by FHIR: it reads the
 * ServiceRequest (only what the link worker shared) and moves the Task through the Gravity states
 * by the connection's own rules; other organisations get nothing.
 */
@WaymarkIntegrationTest
class FhirOnwardReferralIntegrationTests {

  static final List<String> PERFORMER_SCOPES =
      List.of("system/ServiceRequest.read", "system/Task.read", "system/Task.write");

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired FhirClients clients;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired Connections connections;

  FhirFixture f;
  Connection connection;
  FhirHttp platform;

  @BeforeEach
  void setUp() {
    f = new FhirFixture(identity, curation, clients, port);
    CaseFile c = f.org.openCase(referrals, triage, "Olive", "Onward");
    connection = f.org.refer(connections, c, f.org.waymarkService.id());
    platform = f.client(f.register(clients, f.org.vcs, PERFORMER_SCOPES, null), null);
  }

  private Task change(Task read, Task.TaskStatus to) {
    Task t = read.copy();
    t.setStatus(to);
    return t;
  }

  @Test
  void thePerformerReadsTheReferralAndMovesItsTaskOn() {
    String id = "connection-" + connection.id();
    ServiceRequest sr = platform.get("/fhir/ServiceRequest/" + id).valid(ServiceRequest.class);
    assertThat(sr.getSubject().getReference()).isNull();
    assertThat(sr.getSubject().getDisplay()).isEqualTo(connection.shared().name());
    Task requested = platform.get("/fhir/Task/" + id).valid(Task.class);
    assertThat(requested.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(requested.getFocus().getReference()).isEqualTo("ServiceRequest/" + id);
    assertThat(
            platform.get("/fhir/Task?status=requested").valid(Bundle.class).getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart()))
        .containsExactly(id);
    assertThat(platform.get("/fhir/ServiceRequest").valid(Bundle.class).getEntry()).hasSize(1);

    FhirHttp.Answer accepted =
        platform.put("/fhir/Task/" + id, change(requested, Task.TaskStatus.ACCEPTED));
    assertThat(accepted.status()).isEqualTo(200);
    Task nowAccepted = accepted.valid(Task.class);
    assertThat(nowAccepted.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
    assertThat(
            ConnectionFixture.as(f.org.linkWorker, () -> connections.find(connection.id()))
                .status())
        .isEqualTo(ConnectionStatus.ACCEPTED);

    FhirHttp.Answer stale =
        platform.put("/fhir/Task/" + id, change(requested, Task.TaskStatus.INPROGRESS));
    assertThat(stale.status()).isEqualTo(409);

    Task current = platform.get("/fhir/Task/" + id).valid(Task.class);
    FhirHttp.Answer noReason =
        platform.put("/fhir/Task/" + id, change(current, Task.TaskStatus.ONHOLD));
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.valid(OperationOutcome.class).getIssue())
        .flatExtracting(i -> i.getExpression().stream().map(StringType::getValue).toList())
        .contains("Task.statusReason");

    Task onHold = change(current, Task.TaskStatus.ONHOLD);
    onHold.setStatusReason(
        new CodeableConcept(
            new Coding(
                "https://waymark.org.uk/fhir/CodeSystem/connection-status-reason",
                "WAITING_LIST",
                null)));
    Task held = platform.put("/fhir/Task/" + id, onHold).valid(Task.class);
    assertThat(held.getStatus()).isEqualTo(Task.TaskStatus.ONHOLD);
    assertThat(held.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("WAITING_LIST");

    Task done = change(held, Task.TaskStatus.COMPLETED);
    done.setStatusReason(null);
    done.addOutput()
        .setType(new CodeableConcept().setText("What was done"))
        .setValue(new StringType("Joined the Tuesday group; comes every week."));
    Task completed = platform.put("/fhir/Task/" + id, done).valid(Task.class);
    assertThat(completed.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    assertThat(completed.getOutputFirstRep().getValue().primitiveValue()).contains("Tuesday group");
    assertThat(platform.get("/fhir/ServiceRequest/" + id).valid(ServiceRequest.class).getStatus())
        .isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
    assertThat(platform.get("/fhir/Task?status=requested").valid(Bundle.class).getEntry())
        .isEmpty();
    assertThat(
            platform
                .get(
                    "/fhir/Task?_lastUpdated=ge"
                        + completed
                            .getMeta()
                            .getLastUpdatedElement()
                            .getValueAsString()
                            .replace("+", "%2B"))
                .valid(Bundle.class)
                .getEntry())
        .hasSize(1);
  }

  @Test
  void anotherOrganisationNeitherReadsNorChangesTheReferral() {
    String id = "connection-" + connection.id();
    Task requested = platform.get("/fhir/Task/" + id).valid(Task.class);
    FhirFixture elsewhere = new FhirFixture(identity, curation, clients, port);
    FhirHttp stranger =
        elsewhere.client(
            elsewhere.register(clients, elsewhere.org.vcs, PERFORMER_SCOPES, null), null);
    assertThat(stranger.get("/fhir/Task/" + id).status()).isEqualTo(403);
    assertThat(stranger.get("/fhir/ServiceRequest/" + id).status()).isEqualTo(403);
    assertThat(stranger.get("/fhir/Task").valid(Bundle.class).getEntry()).isEmpty();
    assertThat(
            stranger.put("/fhir/Task/" + id, change(requested, Task.TaskStatus.ACCEPTED)).status())
        .isEqualTo(403);
    assertThat(
            ConnectionFixture.as(f.org.linkWorker, () -> connections.find(connection.id()))
                .status())
        .isEqualTo(ConnectionStatus.REQUESTED);
  }

  @Test
  void theDirectoryIsReadAsHealthcareServices() {
    FhirHttp gp =
        f.client(
            f.register(clients, f.org.practice, List.of("system/HealthcareService.read"), "GP"),
            null);
    HealthcareService service =
        gp.get("/fhir/HealthcareService/" + f.org.waymarkService.id())
            .valid(HealthcareService.class);
    assertThat(service.getName()).isEqualTo(f.org.waymarkService.details().name());
    assertThat(service.getProvidedBy().getDisplay()).isNotBlank();
    Bundle found =
        gp.get(
                "/fhir/HealthcareService?name="
                    + f.org.waymarkService.details().name().replace(" ", "%20"))
            .valid(Bundle.class);
    assertThat(found.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .contains(f.org.waymarkService.id().toString());
    assertThat(gp.get("/fhir/HealthcareService/" + java.util.UUID.randomUUID()).status())
        .isEqualTo(404);
    assertThat(platform.get("/fhir/HealthcareService").status()).isEqualTo(403);
  }

  @Test
  void theOutcomeInstrumentsAreReadAsQuestionnaires() {
    FhirHttp gp =
        f.client(
            f.register(clients, f.org.practice, List.of("system/Questionnaire.read"), "GP"), null);
    Bundle all = gp.get("/fhir/Questionnaire").valid(Bundle.class);
    assertThat(all.getEntry()).hasSizeGreaterThanOrEqualTo(3);
    for (Bundle.BundleEntryComponent e : all.getEntry()) {
      org.waymark.support.FhirValidation.assertValid(e.getResource());
    }
    Questionnaire swemwbs =
        all.getEntry().stream()
            .map(e -> (Questionnaire) e.getResource())
            .filter(q -> q.getUrl().endsWith("/SWEMWBS"))
            .findFirst()
            .orElseThrow();
    assertThat(swemwbs.getItem()).hasSize(7);
    Questionnaire read =
        gp.get("/fhir/Questionnaire/" + swemwbs.getIdElement().getIdPart())
            .valid(Questionnaire.class);
    assertThat(read.getTitle()).isEqualTo(swemwbs.getTitle());
    assertThat(gp.get("/fhir/Questionnaire/no-such-1").status()).isEqualTo(404);
  }

  @Test
  void aReferringSystemCannotCancelAReferralItDidNotMake() {
    FhirHttp gp =
        f.client(f.register(clients, f.org.practice, List.of("system/Task.*"), "GP"), null);
    Task t = new Task();
    t.setId("referral-" + connection.referralId());
    t.getMeta().setVersionId("0");
    t.setStatus(Task.TaskStatus.CANCELLED);
    t.setStatusReason(new org.hl7.fhir.r4.model.CodeableConcept().setText("Sent in error"));
    t.setIntent(Task.TaskIntent.ORDER);
    assertThat(gp.put("/fhir/Task/referral-" + connection.referralId(), t).status()).isEqualTo(403);
  }
}
