package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CaseFile;
import org.waymark.casework.GoalDraft;
import org.waymark.casework.GoalStatus;
import org.waymark.casework.PlanGoal;
import org.waymark.casework.ReviewDraft;
import org.waymark.casework.StepDraft;
import org.waymark.casework.StepOwner;
import org.waymark.casework.StepStatus;
import org.waymark.casework.SupportPlans;
import org.waymark.casework.Triage;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.Outcomes;
import org.waymark.outcome.Response;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * The link worker service's own system (a client acting for the PCN) reads the outcome answers,
 * their scores and the support plan of the PCN's cases as QuestionnaireResponse, Observation,
 * CarePlan and Goal; a GP system, a community service's system and another PCN's system are
 * refused, and every read is audited. Every resource is validated against the base R4 definitions.
 */
@WaymarkIntegrationTest
class FhirCaseworkResourcesTests {

  static final List<String> CASEWORK_SCOPES =
      List.of(
          "system/Patient.read",
          "system/QuestionnaireResponse.read",
          "system/Observation.read",
          "system/CarePlan.read",
          "system/Goal.read");

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired FhirClients clients;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired Outcomes outcomes;
  @Autowired SupportPlans plans;
  @Autowired AuditLog audit;

  FhirFixture f;
  CaseFile c;
  Response baseline;
  PlanGoal goal;
  FhirHttp pcnSystem;

  @BeforeEach
  void setUp() {
    f = new FhirFixture(identity, curation, clients, port);
    c = f.org.openCase(referrals, triage, "Olive", "Outcomes");
    Map<String, String> answers = new LinkedHashMap<>();
    for (String item :
        List.of(
            "optimistic",
            "useful",
            "relaxed",
            "dealing_with_problems",
            "thinking_clearly",
            "close_to_others",
            "own_mind")) {
      answers.put(item, "3");
    }
    baseline =
        TestUsers.as(
            f.org.linkWorker,
            () -> outcomes.record(c.id(), "SWEMWBS", Occasion.BASELINE, LocalDate.now(), answers));
    goal =
        TestUsers.as(
            f.org.linkWorker,
            () -> {
              PlanGoal g =
                  plans.addGoal(
                      c.id(),
                      new GoalDraft(
                          "Get out of the house twice a week",
                          List.of("LONELINESS"),
                          GoalStatus.ACTIVE,
                          LocalDate.now().plusMonths(2)));
              plans.addStep(
                  c.id(),
                  g.id(),
                  new StepDraft(
                      "Try the Tuesday walking group",
                      StepOwner.PERSON,
                      null,
                      LocalDate.now().plusWeeks(1),
                      StepStatus.NOT_STARTED));
              plans.addReview(
                  c.id(), g.id(), new ReviewDraft(LocalDate.now(), "Went once, liked it", 4));
              return g;
            });
    FhirClient client = f.register(clients, f.org.pcn, CASEWORK_SCOPES, null);
    pcnSystem = f.client(client, null);
  }

  @Test
  void thePcnsSystemReadsTheAnswersScoresAndPlan() {
    String patient = "Patient/" + c.personId();

    Patient person = pcnSystem.get("/fhir/" + patient).valid(Patient.class);
    assertThat(person.getNameFirstRep().getFamily()).isEqualTo("Outcomes");

    Bundle answers =
        pcnSystem.get("/fhir/QuestionnaireResponse?patient=" + patient).valid(Bundle.class);
    assertThat(answers.getEntry()).hasSize(1);
    QuestionnaireResponse qr =
        pcnSystem
            .get("/fhir/QuestionnaireResponse/" + baseline.id())
            .valid(QuestionnaireResponse.class);
    assertThat(qr.getQuestionnaire())
        .isEqualTo("https://waymark.org.uk/fhir/Questionnaire/SWEMWBS|1");
    assertThat(qr.getSubject().getReference()).isEqualTo(patient);
    assertThat(qr.getItem()).hasSize(7);
    assertThat(qr.getItemFirstRep().getAnswerFirstRep().getValueCoding().getCode()).isEqualTo("3");
    assertThat(qr.getMeta().getTagFirstRep().getCode()).isEqualTo("baseline");

    Bundle scores =
        pcnSystem
            .get("/fhir/Observation?patient=" + patient + "&code=swemwbs.metric")
            .valid(Bundle.class);
    assertThat(scores.getEntry()).hasSize(1);
    Observation metric = (Observation) scores.getEntryFirstRep().getResource();
    assertThat(metric.getValueQuantity().getValue()).isEqualByComparingTo("19.25");
    assertThat(metric.getDerivedFromFirstRep().getReference())
        .isEqualTo("QuestionnaireResponse/" + baseline.id());
    Observation read =
        pcnSystem
            .get("/fhir/Observation/" + metric.getIdElement().getIdPart())
            .valid(Observation.class);
    assertThat(read.getCode().getCodingFirstRep().getCode()).isEqualTo("swemwbs.metric");
    assertThat(pcnSystem.get("/fhir/Observation?patient=" + patient).valid(Bundle.class).getEntry())
        .hasSize(baseline.scores().size());

    CarePlan plan = pcnSystem.get("/fhir/CarePlan/" + c.id()).valid(CarePlan.class);
    assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
    assertThat(plan.getGoal())
        .extracting(Reference::getReference)
        .containsExactly("Goal/" + goal.id());
    assertThat(plan.getActivityFirstRep().getDetail().getDescription())
        .isEqualTo("Try the Tuesday walking group");
    assertThat(
            pcnSystem
                .get("/fhir/CarePlan?patient=" + patient + "&status=active")
                .valid(Bundle.class)
                .getEntry())
        .hasSize(1);
    assertThat(
            pcnSystem
                .get("/fhir/CarePlan?patient=" + patient + "&status=completed")
                .valid(Bundle.class)
                .getEntry())
        .isEmpty();

    Goal g = pcnSystem.get("/fhir/Goal/" + goal.id()).valid(Goal.class);
    assertThat(g.getLifecycleStatus()).isEqualTo(Goal.GoalLifecycleStatus.ACTIVE);
    assertThat(g.getDescription().getText()).isEqualTo("Get out of the house twice a week");
    assertThat(g.getNoteFirstRep().getText())
        .isEqualTo("Progress 4 out of 10: Went once, liked it");
    assertThat(pcnSystem.get("/fhir/Goal?patient=" + patient).valid(Bundle.class).getEntry())
        .hasSize(1);

    assertThat(
            audit
                .search(new AuditQuery(null, c.personId(), "PLAN_READ", null, null, 0, 50))
                .events())
        .isNotEmpty();
    assertThat(
            audit
                .search(new AuditQuery(null, c.personId(), "PERSON_READ", null, null, 0, 50))
                .events())
        .isNotEmpty();
  }

  @Test
  void referrersCommunityServicesAndOtherPcnsAreRefused() {
    String patient = "Patient/" + c.personId();
    FhirHttp gp = f.client(f.register(clients, f.org.practice, CASEWORK_SCOPES, "GP"), null);
    FhirHttp vcs = f.client(f.register(clients, f.org.vcs, CASEWORK_SCOPES, null), null);
    FhirFixture elsewhere = new FhirFixture(identity, curation, clients, port);
    FhirHttp otherPcn =
        elsewhere.client(
            elsewhere.register(clients, elsewhere.org.pcn, CASEWORK_SCOPES, null), null);
    List<String> reads =
        List.of(
            "/fhir/QuestionnaireResponse/" + baseline.id(),
            "/fhir/Observation/" + baseline.id() + "-s0",
            "/fhir/CarePlan/" + c.id(),
            "/fhir/Goal/" + goal.id());
    for (FhirHttp stranger : List.of(gp, vcs, otherPcn)) {
      for (String read : reads) {
        assertThat(stranger.get(read).status()).as(read).isEqualTo(403);
      }
    }
    for (FhirHttp referrer : List.of(gp, vcs)) {
      for (String type : List.of("QuestionnaireResponse", "Observation", "CarePlan", "Goal")) {
        assertThat(referrer.get("/fhir/" + type + "?patient=" + patient).status())
            .as(type)
            .isEqualTo(403);
      }
    }
    for (String type : List.of("QuestionnaireResponse", "Observation", "CarePlan", "Goal")) {
      assertThat(
              otherPcn.get("/fhir/" + type + "?patient=" + patient).valid(Bundle.class).getEntry())
          .as(type)
          .isEmpty();
    }
    assertThat(otherPcn.get("/fhir/" + patient).status()).isEqualTo(403);
    assertThat(audit.search(new AuditQuery(null, c.personId(), null, null, null, 0, 200)).events())
        .filteredOn(e -> e.outcome().name().equals("REFUSED"))
        .extracting(e -> e.action())
        .contains("CASE_READ", "READ_CASEWORK");
  }

  @Test
  void aMissingScopeOrAnUnknownIdIsAnswered() {
    FhirHttp planOnly =
        f.client(f.register(clients, f.org.pcn, List.of("system/CarePlan.read"), null), null);
    assertThat(planOnly.get("/fhir/Goal/" + goal.id()).status()).isEqualTo(403);
    assertThat(planOnly.get("/fhir/CarePlan/" + java.util.UUID.randomUUID()).status())
        .isEqualTo(404);
    assertThat(pcnSystem.get("/fhir/Observation/not-an-id").status()).isEqualTo(404);
    assertThat(pcnSystem.get("/fhir/Observation/" + baseline.id() + "-s99").status())
        .isEqualTo(404);
    assertThat(pcnSystem.get("/fhir/Goal?patient=Practitioner/x").status()).isEqualTo(400);
    assertThat(pcnSystem.get("/fhir/Goal").status()).isEqualTo(400);
  }
}
