package org.waymark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CasePlanFixtures.OpenCase;
import org.waymark.casework.internal.CaseStore;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.referral.ReferralConflictException;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
@RecordApplicationEvents
class CaseClosureIntegrationTests {

  /**
   * Test values, not real concepts: the code lists carry no SNOMED CT codes until an admin adds
   * them.
   */
  static final String LONELINESS_CODE = "1000000101";

  static final String GOALS_MET_CODE = "1000000202";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired IdentityManagement identity;
  @Autowired Referrals referrals;
  @Autowired CaseStore cases;
  @Autowired UserDetailsService users;
  @Autowired SupportPlans plans;
  @Autowired CaseRecords records;
  @Autowired CaseClosures closures;
  @Autowired ApplicationEvents events;

  CasePlanFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new CasePlanFixtures(identity, referrals, cases, users);
    snomed("NEED", "LONELINESS", LONELINESS_CODE);
    snomed("CLOSURE_REASON", "GOALS_MET", GOALS_MET_CODE);
  }

  @AfterEach
  void tearDown() {
    snomed("NEED", "LONELINESS", null);
    snomed("CLOSURE_REASON", "GOALS_MET", null);
  }

  void snomed(String list, String code, String snomed) {
    jdbc.sql("UPDATE code_list_entry SET snomed_code = ? WHERE list = ? AND code = ?")
        .params(snomed, list, code)
        .update();
  }

  WebSession signedIn(UserAccount account) {
    WebSession browser = new WebSession(port);
    assertThat(browser.signIn(account.email(), TestUsers.PASSWORD).status()).isEqualTo(302);
    return browser;
  }

  /** A case with two goals (one achieved and reviewed, one still active) and a step. */
  OpenCase caseWithPlan() {
    OpenCase c = fixtures.openCase(List.of("LONELINESS", "MONEY"));
    fixtures.as(
        c.linkWorker(),
        () -> {
          PlanGoal walk =
              plans.addGoal(
                  c.caseId(),
                  new GoalDraft(
                      "Get out of the house twice a week", List.of("LONELINESS"), null, null));
          plans.addStep(
              c.caseId(),
              walk.id(),
              new StepDraft("Join the walking group", StepOwner.PERSON, null, null, null));
          plans.addReview(
              c.caseId(),
              walk.id(),
              new ReviewDraft(LocalDate.now().minusDays(1), "I go every Tuesday now", 9));
          plans.updateGoal(
              c.caseId(),
              walk.id(),
              0,
              new GoalDraft(
                  "Get out of the house twice a week",
                  List.of("LONELINESS"),
                  GoalStatus.ACHIEVED,
                  null));
          return plans.addGoal(
              c.caseId(), new GoalDraft("Learn to cook on a budget", List.of("FOOD"), null, null));
        });
    return c;
  }

  String caseColumn(UUID caseId, String column) {
    return jdbc.sql("SELECT " + column + "::text FROM casework_case WHERE id = ?")
        .param(caseId)
        .query((rs, n) -> rs.getString(1))
        .list()
        .get(0);
  }

  String referralColumn(UUID referralId, String column) {
    return jdbc.sql("SELECT " + column + "::text FROM referral WHERE id = ?")
        .param(referralId)
        .query((rs, n) -> rs.getString(1))
        .list()
        .get(0);
  }

  long discharges(UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM casework_discharge WHERE case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  List<AuditEvent> audited(UUID personId, String action) {
    return audit.search(new AuditQuery(null, personId, action, null, null, 0, 50)).events();
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> f = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      f.put(pairs[i], pairs[i + 1]);
    }
    return f;
  }

  // ---- the generated summary ----

  @Test
  void theSummaryIsWrittenFromTheCaseWithTheCodesTheCodeListsCarry() {
    OpenCase c = caseWithPlan();
    WebSession browser = signedIn(c.linkWorker());
    String close = "/cases/" + c.caseId() + "/close";

    Document start = browser.get(close).document();
    assertThat(start.select("input[name=closureReason]").eachAttr("value"))
        .contains("GOALS_MET", "MOVED_AWAY");
    assertThat(start.select("input[name=version]").val()).isEqualTo("0");

    WebSession.Page drafted =
        browser.post(
            close,
            form("version", "0", "closureReason", "GOALS_MET", "nextSteps", "Review at 3 months"));
    assertThat(drafted.status()).isEqualTo(200);
    Document page = drafted.document();
    String text = page.select("textarea#summary").text();
    assertThat(text)
        .contains("Person: Morwenna " + c.familyName())
        .contains("Reference: " + c.reference())
        .contains("Referred: ")
        .contains("by Dr Asha Patel, Kirkgate Surgery")
        .contains("First contact: None recorded")
        .contains("Reason for closing: Goals met")
        .contains("Loneliness and social isolation")
        .contains("Money, debt and benefits")
        .contains("Healthy eating and food")
        .contains("\"Get out of the house twice a week\": Achieved")
        .contains("progress 9 out of 10: \"I go every Tuesday now\"")
        .contains("\"Learn to cook on a budget\": Still in progress")
        .contains("0 attended, 0 missed")
        .contains("Connections to services\nNone recorded")
        .contains("Next steps\nReview at 3 months");
    assertThat(page.select("[data-testid=discharge-code]").eachText())
        .containsExactly(
            "871731000000106 Referral to social prescribing service",
            LONELINESS_CODE + " Loneliness and social isolation",
            GOALS_MET_CODE + " Goals met");
    assertThat(audited(c.personId(), "DISCHARGE_DRAFTED")).isNotEmpty();
    assertThat(caseColumn(c.caseId(), "status")).isEqualTo("OPEN");
    assertThat(discharges(c.caseId())).isZero();
  }

  @Test
  void theSummaryCountsTheContactsRecordedOnTheCase() {
    OpenCase c = caseWithPlan();
    LocalDate lastWeek = LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(7);
    fixtures.as(
        c.linkWorker(),
        () -> {
          records.recordContact(
              c.caseId(),
              new ContactDetails(
                  "PHONE",
                  lastWeek,
                  java.time.LocalTime.of(10, 0),
                  30,
                  ContactOutcome.ATTENDED,
                  null));
          records.recordContact(
              c.caseId(),
              new ContactDetails(
                  "HOME_VISIT",
                  lastWeek.plusDays(2),
                  java.time.LocalTime.of(14, 0),
                  null,
                  ContactOutcome.DID_NOT_ATTEND,
                  null));
          return null;
        });
    String text =
        signedIn(c.linkWorker())
            .post(
                "/cases/" + c.caseId() + "/close",
                form("version", "0", "closureReason", "GOALS_MET", "nextSteps", ""))
            .document()
            .select("textarea#summary")
            .text();
    assertThat(text)
        .contains("1 attended, 1 missed")
        .doesNotContain("First contact: None recorded");
  }

  // ---- confirming ----

  @Test
  void confirmingClosesTheCaseAndTheReferralWithTheEditedSummary() {
    OpenCase c = caseWithPlan();
    WebSession browser = signedIn(c.linkWorker());
    String close = "/cases/" + c.caseId() + "/close";
    String edited = "Morwenna met her goals.\n\nShe walks with the group every Tuesday.";

    Document preview =
        browser
            .post(
                close + "/preview",
                form("version", "0", "closureReason", "GOALS_MET", "summary", edited))
            .document();
    assertThat(preview.select("[data-testid=discharge-text] p").eachText())
        .containsExactly("Morwenna met her goals.", "She walks with the group every Tuesday.");
    assertThat(preview.select("input[name=summary]").val()).isEqualTo(edited);

    WebSession.Page changeAgain =
        browser.post(
            close + "/confirm",
            form(
                "version",
                "0",
                "closureReason",
                "GOALS_MET",
                "summary",
                edited,
                "action",
                "change"));
    assertThat(changeAgain.document().select("textarea#summary").text()).isEqualTo(edited);
    assertThat(caseColumn(c.caseId(), "status")).isEqualTo("OPEN");

    WebSession.Page confirmed =
        browser.post(
            close + "/confirm",
            form(
                "version",
                "0",
                "closureReason",
                "GOALS_MET",
                "summary",
                edited,
                "action",
                "confirm"));
    assertThat(confirmed.status()).isEqualTo(302);
    assertThat(confirmed.location()).endsWith(close);

    assertThat(caseColumn(c.caseId(), "status")).isEqualTo("CLOSED");
    assertThat(caseColumn(c.caseId(), "closure_reason")).isEqualTo("GOALS_MET");
    assertThat(caseColumn(c.caseId(), "closed_at")).isNotNull();
    assertThat(referralColumn(c.referralId(), "status")).isEqualTo("CLOSED");
    assertThat(referralColumn(c.referralId(), "discharge_summary")).isEqualTo(edited);
    Discharge stored =
        fixtures.as(c.linkWorker(), () -> closures.discharge(c.caseId())).orElseThrow();
    assertThat(stored.summary()).isEqualTo(edited);
    assertThat(stored.sentBy()).isEqualTo(c.linkWorker().id());
    assertThat(stored.codes())
        .extracting(CodedEntry::snomedCode)
        .containsExactly("871731000000106", LONELINESS_CODE, GOALS_MET_CODE);
    assertThat(audited(c.personId(), "CASE_CLOSED")).hasSize(1);
    assertThat(audited(c.personId(), "REFERRAL_CLOSED")).hasSize(1);

    Document closed = browser.get(close).document();
    assertThat(closed.select("[data-testid=success]").text()).contains("Case closed");
    assertThat(closed.select("[data-testid=closure-reason]").text()).isEqualTo("Goals met");
    assertThat(closed.select("[data-testid=discharge-text]").text()).contains("met her goals");
    assertThat(closed.select("[data-testid=discharge-pdf]").attr("href"))
        .isEqualTo("/referrals/" + c.referralId() + "/discharge.pdf");
    assertThat(closed.select("textarea, form[action$=/close]")).isEmpty();

    WebSession.Page again =
        browser.post(
            close + "/confirm",
            form("version", "1", "closureReason", "MOVED_AWAY", "summary", "Second try"));
    assertThat(again.status()).isEqualTo(302);
    assertThat(browser.get(close).document().select(".nhsuk-error-summary").text())
        .contains("already closed");
    assertThat(caseColumn(c.caseId(), "closure_reason")).isEqualTo("GOALS_MET");
    assertThat(referralColumn(c.referralId(), "discharge_summary")).isEqualTo(edited);
    assertThat(discharges(c.caseId())).isEqualTo(1);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    c.linkWorker(),
                    () -> closures.close(c.caseId(), 1, "MOVED_AWAY", "Second try")))
        .isInstanceOf(CaseNotOpenException.class);
  }

  @Test
  void closingPublishesCaseClosed() {
    OpenCase c = fixtures.openCase(List.of("MONEY"));
    fixtures.as(
        c.linkWorker(), () -> closures.close(c.caseId(), 0, "MOVED_AWAY", "Moved to Cornwall."));

    assertThat(events.stream(CaseClosed.class).filter(e -> e.caseId().equals(c.caseId())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.organisationId()).isEqualTo(c.organisationId());
              assertThat(e.referralId()).isEqualTo(c.referralId());
              assertThat(e.personId()).isEqualTo(c.personId());
              assertThat(e.closureReason()).isEqualTo("MOVED_AWAY");
              assertThat(e.at()).isNotNull();
            });
  }

  // ---- failures write nothing ----

  @Test
  void whenTheReferralCannotCloseTheCaseStaysOpenAndNothingIsStored() {
    OpenCase c = fixtures.openCase(List.of("MONEY"));
    // The referral closes on its own first, so closing it again inside the case's closure fails.
    fixtures.as(
        c.linkWorker(), () -> referrals.recordDischarge(c.referralId(), "Closed elsewhere"));

    assertThatThrownBy(
            () ->
                fixtures.as(
                    c.linkWorker(), () -> closures.close(c.caseId(), 0, "GOALS_MET", "All done.")))
        .isInstanceOf(ReferralConflictException.class);
    assertThat(events.stream(CaseClosed.class).filter(e -> e.caseId().equals(c.caseId())))
        .isEmpty();

    WebSession.Page page =
        signedIn(c.linkWorker())
            .post(
                "/cases/" + c.caseId() + "/close/confirm",
                form("version", "0", "closureReason", "GOALS_MET", "summary", "All done."));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("[data-testid=referral-conflict]").text())
        .contains("Nothing was sent");
    assertThat(page.document().select("textarea#summary").text()).isEqualTo("All done.");

    assertThat(caseColumn(c.caseId(), "status")).isEqualTo("OPEN");
    assertThat(caseColumn(c.caseId(), "version")).isEqualTo("0");
    assertThat(caseColumn(c.caseId(), "closure_reason")).isNull();
    assertThat(referralColumn(c.referralId(), "discharge_summary")).isEqualTo("Closed elsewhere");
    assertThat(discharges(c.caseId())).isZero();
    assertThat(audited(c.personId(), "CASE_CLOSED")).isEmpty();
  }

  @Test
  void aClosureFromAStaleVersionOfTheCaseIsRefused() {
    OpenCase c = fixtures.openCase(List.of("MONEY"));
    WebSession.Page page =
        signedIn(c.linkWorker())
            .post(
                "/cases/" + c.caseId() + "/close/confirm",
                form("version", "3", "closureReason", "GOALS_MET", "summary", "All done."));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("[data-testid=edit-conflict]").text())
        .contains("The case changed while you were closing it");
    assertThat(page.document().select("input[name=version]").val()).isEqualTo("0");
    assertThat(caseColumn(c.caseId(), "status")).isEqualTo("OPEN");
    assertThat(referralColumn(c.referralId(), "status")).isEqualTo("ACCEPTED");
    assertThat(discharges(c.caseId())).isZero();
  }

  @Test
  void aClosureWithoutAReasonOrSummaryGivesFormErrorsAndWritesNothing() {
    OpenCase c = fixtures.openCase(List.of("MONEY"));
    WebSession browser = signedIn(c.linkWorker());
    String close = "/cases/" + c.caseId() + "/close";

    Document noReason = browser.post(close, form("version", "0")).document();
    assertThat(noReason.select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactly("#closureReason");
    assertThat(noReason.select(".nhsuk-error-summary").text())
        .contains("Select why the case is closing");

    Document unknown =
        browser.post(close, form("version", "0", "closureReason", "NOT_A_REASON")).document();
    assertThat(unknown.select(".nhsuk-error-summary").text())
        .contains("Select a reason from the list");

    Document empty =
        browser
            .post(
                close + "/preview",
                form("version", "0", "closureReason", "GOALS_MET", "summary", " \n "))
            .document();
    assertThat(empty.select(".nhsuk-error-summary a").eachAttr("href")).containsExactly("#summary");
    assertThat(empty.select(".nhsuk-error-summary").text()).contains("Enter the discharge summary");

    Document emptyConfirm =
        browser
            .post(
                close + "/confirm",
                form("version", "0", "closureReason", "GOALS_MET", "summary", ""))
            .document();
    assertThat(emptyConfirm.select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactly("#summary");
    assertThatThrownBy(
            () -> fixtures.as(c.linkWorker(), () -> closures.close(c.caseId(), 0, null, "Text")))
        .isInstanceOf(PlanValidationException.class);

    assertThat(caseColumn(c.caseId(), "status")).isEqualTo("OPEN");
    assertThat(referralColumn(c.referralId(), "status")).isEqualTo("ACCEPTED");
    assertThat(discharges(c.caseId())).isZero();
  }

  @Test
  void onlyTheLinkWorkerHoldingTheCaseAndManagersMayCloseIt() {
    OpenCase c = fixtures.openCase(List.of("MONEY"));
    String close = "/cases/" + c.caseId() + "/close";
    UserAccount other = fixtures.colleague(Role.LINK_WORKER);
    WebSession colleague = signedIn(other);
    assertThat(colleague.get(close).status()).isEqualTo(403);
    assertThat(
            colleague
                .post(
                    close + "/confirm",
                    form("version", "0", "closureReason", "GOALS_MET", "summary", "Not mine"))
                .status())
        .isEqualTo(403);
    assertThat(audited(c.personId(), "CASE_WRITE"))
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(e.userId()).isEqualTo(other.id());
            });
    for (Role role : List.of(Role.REFERRER, Role.VCS_COORDINATOR, Role.COMMISSIONER)) {
      WebSession outsider = new WebSession(port).signedInAs(role);
      assertThat(outsider.get(close).status()).as(role.name()).isEqualTo(403);
      assertThat(
              outsider
                  .post(
                      close + "/confirm",
                      form("version", "0", "closureReason", "GOALS_MET", "summary", "No"))
                  .status())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(caseColumn(c.caseId(), "status")).isEqualTo("OPEN");
    assertThat(signedIn(c.manager()).get(close).status()).isEqualTo(200);
  }
}
