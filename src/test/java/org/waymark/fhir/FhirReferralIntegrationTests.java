package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseFile;
import org.waymark.casework.DischargeDraft;
import org.waymark.casework.Triage;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.UserAccount;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * A GP system refers by FHIR and follows the referral to its end: the ServiceRequest (alone or in a
 * transaction Bundle with its Patient) becomes a referral waiting for triage, with a Task that
 * moves through the Gravity states as the service works, and the discharge summary readable when
 * the case closes. Every resource read back is validated against the base R4 definitions.
 */
@WaymarkIntegrationTest
class FhirReferralIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired FhirClients clients;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired CaseClosures closures;
  @Autowired AuditLog audit;

  FhirFixture f;
  FhirHttp gp;

  @BeforeEach
  void setUp() {
    f = new FhirFixture(identity, curation, clients, port);
    gp = f.gp();
  }

  /** A valid NHS number from the 999 test range. */
  static String nhsNumber() {
    while (true) {
      String digits = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (digits.charAt(i) - '0') * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        return digits + check;
      }
    }
  }

  private UserAccount systemAccount() {
    return identity.user(f.gpSystem.systemUserId()).orElseThrow();
  }

  private List<Referral> referralsOfTheGpSystem() {
    return TestUsers.as(systemAccount(), () -> referrals.mine(null, null, null, null, 500));
  }

  @Test
  void aServiceRequestWithItsPatientContainedBecomesAReferralWaitingForTriage() {
    String nhs = nhsNumber();
    FhirHttp.Answer created =
        gp.post(
            "/fhir/ServiceRequest",
            f.withContainedPatient("SR-1", f.patient("Maud", "Fhirtest", nhs)));
    assertThat(created.status()).isEqualTo(201);
    ServiceRequest sr = created.valid(ServiceRequest.class);
    assertThat(sr.getIdElement().getIdPart()).startsWith("referral-");
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .contains("/fhir/ServiceRequest/" + sr.getIdElement().getIdPart());
    assertThat(sr.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
    assertThat(sr.getCode().getCodingFirstRep().getCode()).isEqualTo("871731000000106");

    Referral referral = referralsOfTheGpSystem().get(0);
    assertThat(referral.status()).isEqualTo(ReferralStatus.RECEIVED);
    assertThat(referral.organisationId()).isEqualTo(f.org.pcn.id());
    assertThat(referral.personAsReferred().nhsNumber()).isEqualTo(nhs);
    assertThat(referral.needs()).containsExactly("LONELINESS");
    assertThat(referral.source()).isEqualTo("GP");
    assertThat(referral.referrer().name()).isEqualTo("Dr Ada Okafor");
    assertThat(referral.consentToShare()).isTrue();
    assertThat(TestUsers.as(f.org.manager, () -> referrals.awaitingTriage()))
        .extracting(Referral::id)
        .contains(referral.id());

    Task task = gp.get("/fhir/Task/referral-" + referral.id()).valid(Task.class);
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
    assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
    assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("fulfill");
    assertThat(task.getFocus().getReference())
        .isEqualTo("ServiceRequest/referral-" + referral.id());
    assertThat(task.getFor().getReference()).isEqualTo("Patient/" + referral.personId());

    assertThat(sr.getSupportingInfo())
        .extracting(Reference::getReference)
        .containsExactly("Consent/referral-" + referral.id());
    Consent consent = gp.get("/fhir/Consent/referral-" + referral.id()).valid(Consent.class);
    assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
    assertThat(consent.getPatient().getReference()).isEqualTo("Patient/" + referral.personId());
    assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);

    Patient patient = gp.get("/fhir/Patient/" + referral.personId()).valid(Patient.class);
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(nhs);
    Bundle byNhsNumber =
        gp.get("/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + nhs)
            .valid(Bundle.class);
    assertThat(byNhsNumber.getEntry()).hasSize(1);
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        null, referral.personId(), "FHIR_PATIENT_READ", null, null, 0, 50))
                .events())
        .hasSizeGreaterThanOrEqualTo(2);

    Bundle search =
        gp.get("/fhir/ServiceRequest?patient=Patient/" + referral.personId() + "&status=active")
            .valid(Bundle.class);
    assertThat(search.getEntry()).hasSize(1);
  }

  @Test
  void aTransactionBundleWithThePatientMakesOneReferral() {
    String nhs = nhsNumber();
    FhirHttp.Answer answer =
        gp.post("/fhir", f.transaction("TX-1", f.patient("Edna", "Bundle", nhs)));
    assertThat(answer.status()).isEqualTo(200);
    Bundle response = answer.valid(Bundle.class);
    assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    assertThat(response.getEntry()).hasSize(2);
    assertThat(response.getEntry().get(1).getResponse().getStatus()).isEqualTo("201 Created");
    String location = response.getEntry().get(1).getResponse().getLocation();
    assertThat(location).startsWith("ServiceRequest/referral-");
    assertThat(response.getEntry().get(0).getResponse().getLocation()).startsWith("Patient/");

    List<Referral> mine = referralsOfTheGpSystem();
    assertThat(mine).hasSize(1);
    assertThat(mine.get(0).personAsReferred().givenName()).isEqualTo("Edna");
    gp.get("/fhir/" + location.substring(0, location.indexOf("/_history")))
        .valid(ServiceRequest.class);
  }

  @Test
  void aRetryMakesNoSecondReferralAndAReusedIdentifierIsRefused() {
    String nhs = nhsNumber();
    FhirHttp.Answer first =
        gp.post(
            "/fhir/ServiceRequest", f.withContainedPatient("R-1", f.patient("Ida", "Retry", nhs)));
    FhirHttp.Answer again =
        gp.post(
            "/fhir/ServiceRequest", f.withContainedPatient("R-1", f.patient("Ida", "Retry", nhs)));
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.valid(ServiceRequest.class).getIdElement().getIdPart())
        .isEqualTo(first.valid(ServiceRequest.class).getIdElement().getIdPart());

    FhirHttp.Answer reused =
        gp.post(
            "/fhir/ServiceRequest",
            f.withContainedPatient("R-1", f.patient("Other", "Person", nhsNumber())));
    assertThat(reused.status()).isEqualTo(422);
    assertThat(referralsOfTheGpSystem()).hasSize(1);
  }

  @Test
  void anInvalidReferralIsRefusedWithEachProblemAndNothingIsWritten() {
    ServiceRequest sr = f.withContainedPatient("BAD-1", f.patient("", "Nameless", "1234567890"));
    sr.getCode().getCodingFirstRep().setCode("183444007");
    sr.getSupportingInfo().clear();
    FhirHttp.Answer answer = gp.post("/fhir/ServiceRequest", sr);
    assertThat(answer.status()).isEqualTo(422);
    OperationOutcome outcome = answer.valid(OperationOutcome.class);
    assertThat(outcome.getIssue())
        .allSatisfy(
            i -> assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR))
        .flatExtracting(i -> i.getExpression().stream().map(StringType::getValue).toList())
        .contains("ServiceRequest.code");

    ServiceRequest rulesBroken =
        f.withContainedPatient("BAD-2", f.patient("", "Nameless", "1234567890"));
    rulesBroken.getSupportingInfo().clear();
    OperationOutcome rules =
        gp.post("/fhir/ServiceRequest", rulesBroken).valid(OperationOutcome.class);
    assertThat(rules.getIssue())
        .flatExtracting(i -> i.getExpression().stream().map(StringType::getValue).toList())
        .contains("Patient.identifier", "Patient.name.given", "ServiceRequest.supportingInfo");

    Bundle noPatient = f.transaction("BAD-3", f.patient("Ok", "Person", nhsNumber()));
    noPatient.getEntry().get(1).getResource().setId("x");
    ((ServiceRequest) noPatient.getEntry().get(1).getResource())
        .getSubject()
        .setReference("urn:uuid:00000000-0000-0000-0000-000000000001");
    FhirHttp.Answer tx = gp.post("/fhir", noPatient);
    assertThat(tx.status()).isEqualTo(422);
    assertThat(tx.valid(OperationOutcome.class).getIssue())
        .flatExtracting(i -> i.getExpression().stream().map(StringType::getValue).toList())
        .contains("ServiceRequest.subject");

    assertThat(referralsOfTheGpSystem()).isEmpty();
  }

  @Test
  void theGpSystemFollowsTheReferralToItsDischargeSummary() {
    ServiceRequest sent =
        gp.post(
                "/fhir/ServiceRequest",
                f.withContainedPatient("LOOP-1", f.patient("Vera", "Roundtrip", nhsNumber())))
            .valid(ServiceRequest.class);
    String id = sent.getIdElement().getIdPart();
    Referral referral = referralsOfTheGpSystem().get(0);

    CaseFile opened =
        TestUsers.as(
            f.org.manager,
            () -> triage.accept(referral.id(), referral.version(), f.org.linkWorker.id()));
    Task accepted = gp.get("/fhir/Task/" + id).valid(Task.class);
    assertThat(accepted.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);

    TestUsers.as(
        f.org.linkWorker,
        () -> {
          CaseFile c = closures.caseToClose(opened.id());
          DischargeDraft draft = closures.draft(c.id(), "GOALS_MET", "Carry on with the group.");
          return closures.close(c.id(), c.version(), "GOALS_MET", draft.text());
        });

    Task completed = gp.get("/fhir/Task/" + id).valid(Task.class);
    assertThat(completed.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
    assertThat(completed.getOutputFirstRep().getValue())
        .isInstanceOfSatisfying(
            org.hl7.fhir.r4.model.Reference.class,
            r ->
                assertThat(r.getReference())
                    .isEqualTo("DocumentReference/discharge-" + referral.id()));
    assertThat(gp.get("/fhir/ServiceRequest/" + id).valid(ServiceRequest.class).getStatus())
        .isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);

    DocumentReference summary =
        gp.get("/fhir/DocumentReference/discharge-" + referral.id()).valid(DocumentReference.class);
    assertThat(summary.getType().getCodingFirstRep().getCode()).isEqualTo("373942005");
    assertThat(summary.getContext().getEvent())
        .flatExtracting(e -> e.getCoding())
        .extracting(c -> c.getSystem() + "|" + c.getCode())
        .contains("http://snomed.info/sct|871731000000106");
    assertThat(new String(summary.getContentFirstRep().getAttachment().getData())).contains("Vera");

    Bundle changed =
        gp.get("/fhir/Task?status=completed&_lastUpdated=ge" + referral.receivedAt().toString())
            .valid(Bundle.class);
    assertThat(changed.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactly(id);
  }

  @Test
  void aClientOfAnotherOrganisationGetsNothing() {
    ServiceRequest sent =
        gp.post(
                "/fhir/ServiceRequest",
                f.withContainedPatient("OTHER-1", f.patient("Nell", "Private", nhsNumber())))
            .valid(ServiceRequest.class);
    String id = sent.getIdElement().getIdPart();
    Referral referral = referralsOfTheGpSystem().get(0);

    FhirFixture elsewhere = new FhirFixture(identity, curation, clients, port);
    FhirHttp stranger = elsewhere.gp();
    assertThat(stranger.get("/fhir/ServiceRequest/" + id).status()).isEqualTo(403);
    assertThat(stranger.get("/fhir/Task/" + id).status()).isEqualTo(403);
    assertThat(stranger.get("/fhir/Consent/" + id).status()).isEqualTo(403);
    assertThat(stranger.get("/fhir/Patient/" + referral.personId()).status()).isEqualTo(404);
    assertThat(stranger.get("/fhir/DocumentReference/discharge-" + referral.id()).status())
        .isEqualTo(403);
    assertThat(stranger.get("/fhir/Task").valid(Bundle.class).getEntry()).isEmpty();
    assertThat(stranger.get("/fhir/ServiceRequest").valid(Bundle.class).getEntry()).isEmpty();
    assertThat(
            audit
                .search(new AuditQuery(null, referral.personId(), null, null, null, 0, 50))
                .events())
        .filteredOn(e -> e.outcome().name().equals("REFUSED"))
        .extracting(e -> e.action())
        .contains("REFERRAL_READ", "FHIR_PATIENT_READ");
  }

  private Task cancellation(String id, String version, String reason) {
    Task t = new Task();
    t.setId(id);
    if (version != null) {
      t.getMeta().setVersionId(version);
    }
    t.setStatus(Task.TaskStatus.CANCELLED);
    t.setIntent(Task.TaskIntent.ORDER);
    if (reason != null) {
      t.setStatusReason(new org.hl7.fhir.r4.model.CodeableConcept().setText(reason));
    }
    return t;
  }

  @Test
  void theGpSystemCancelsAReferralTheServiceHasNotDecidedOn() {
    FhirHttp gpWriting = f.client(f.gpSystem, null);
    ServiceRequest sent =
        gpWriting
            .post(
                "/fhir/ServiceRequest",
                f.withContainedPatient("CANCEL-1", f.patient("Cora", "Cancel", nhsNumber())))
            .valid(ServiceRequest.class);
    String id = sent.getIdElement().getIdPart();
    Referral referral = referralsOfTheGpSystem().get(0);
    String path = "/fhir/Task/" + id;
    String version = gp.get(path).valid(Task.class).getMeta().getVersionId();

    assertThat(gp.put(path, cancellation(id, null, "Sent in error")).status()).isEqualTo(412);
    FhirHttp.Answer noReason = gp.put(path, cancellation(id, version, null));
    assertThat(noReason.status()).isEqualTo(422);
    assertThat(noReason.valid(OperationOutcome.class).getIssueFirstRep().getExpression())
        .extracting(StringType::getValue)
        .containsExactly("Task.statusReason");
    Task completedByTheReferrer = cancellation(id, version, "Done");
    completedByTheReferrer.setStatus(Task.TaskStatus.COMPLETED);
    assertThat(gp.put(path, completedByTheReferrer).status()).isEqualTo(422);
    assertThat(gp.put(path, cancellation(id, "99", "Sent in error")).status()).isEqualTo(409);
    FhirHttp otherSystem =
        f.client(f.register(clients, f.org.practice, List.of("system/Task.*"), "GP"), null);
    assertThat(otherSystem.put(path, cancellation(id, version, "Sent in error")).status())
        .isEqualTo(403);

    FhirHttp.Answer cancelled = gp.put(path, cancellation(id, version, "She has moved away"));
    assertThat(cancelled.status()).isEqualTo(200);
    Task task = gp.get(path).valid(Task.class);
    assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
    assertThat(task.getStatusReason().getText()).isEqualTo("She has moved away");
    assertThat(gp.get("/fhir/ServiceRequest/" + id).valid(ServiceRequest.class).getStatus())
        .isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
    assertThat(referralsOfTheGpSystem().get(0).status()).isEqualTo(ReferralStatus.WITHDRAWN);
    assertThat(TestUsers.as(f.org.manager, () -> referrals.awaitingTriage()))
        .extracting(Referral::id)
        .doesNotContain(referral.id());
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        null, referral.personId(), "REFERRAL_WITHDRAWN", null, null, 0, 10))
                .events())
        .extracting(e -> e.outcome().name())
        .containsExactlyInAnyOrder("ALLOWED", "REFUSED");
  }

  @Test
  void onceAcceptedTheReferralIsTheServicesToClose() {
    ServiceRequest sent =
        gp.post(
                "/fhir/ServiceRequest",
                f.withContainedPatient("CANCEL-2", f.patient("Ada", "Accepted", nhsNumber())))
            .valid(ServiceRequest.class);
    String id = sent.getIdElement().getIdPart();
    Referral referral = referralsOfTheGpSystem().get(0);
    TestUsers.as(
        f.org.manager,
        () -> triage.accept(referral.id(), referral.version(), f.org.linkWorker.id()));
    String version = gp.get("/fhir/Task/" + id).valid(Task.class).getMeta().getVersionId();
    assertThat(gp.put("/fhir/Task/" + id, cancellation(id, version, "No longer needed")).status())
        .isEqualTo(409);
    assertThat(gp.get("/fhir/Task/" + id).valid(Task.class).getStatus())
        .isEqualTo(Task.TaskStatus.ACCEPTED);
  }
}
