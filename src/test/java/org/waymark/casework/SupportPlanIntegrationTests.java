package org.waymark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CasePlanFixtures.OpenCase;
import org.waymark.casework.internal.CaseStore;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class SupportPlanIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired IdentityManagement identity;
  @Autowired Referrals referrals;
  @Autowired CaseStore cases;
  @Autowired UserDetailsService users;
  @Autowired SupportPlans plans;
  @Autowired CaseClosures closures;

  CasePlanFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new CasePlanFixtures(identity, referrals, cases, users);
  }

  WebSession signedIn(UserAccount account) {
    WebSession browser = new WebSession(port);
    WebSession.Page answer = browser.signIn(account.email(), TestUsers.PASSWORD);
    assertThat(answer.status()).isEqualTo(302);
    return browser;
  }

  static Map<String, String> goal(String text, String... needs) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("text", text);
    // A browser posts one "needs" field per ticked box; the test session posts one value per
    // field, so the codes go comma-separated, which binds to the same list.
    f.put("needs", String.join(",", needs));
    return f;
  }

  long goalsOf(UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM casework_plan_goal WHERE case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  long rowsOf(String table, UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  List<AuditEvent> audited(UUID personId, String action) {
    return audit.search(new AuditQuery(null, personId, action, null, null, 0, 50)).events();
  }

  static List<String> errorLinks(Document page) {
    return page.select(".nhsuk-error-summary a").eachAttr("href");
  }

  // ---- adding goals, steps and reviews ----

  @Test
  void linkWorkerAgreesGoalsWithStepsAndReviewsThem() {
    OpenCase c = fixtures.openCase(List.of("LONELINESS", "MONEY"));
    WebSession browser = signedIn(c.linkWorker());
    String plan = "/cases/" + c.caseId() + "/plan";

    assertThat(browser.get(plan).document().select("[data-testid=no-goals]")).hasSize(1);
    assertThat(browser.get(plan + "/goals/new").status()).isEqualTo(200);
    Map<String, String> form = goal("I want to get out of the house twice a week", "LONELINESS");
    form.put("targetDateDay", "30");
    form.put("targetDateMonth", "9");
    form.put("targetDateYear", "2026");
    WebSession.Page added = browser.post(plan + "/goals", form);
    assertThat(added.status()).isEqualTo(302);
    assertThat(added.location()).endsWith(plan);
    browser.post(plan + "/goals", goal("Sort out my council tax arrears", "MONEY", "HOUSING"));

    List<PlanGoal> goals = fixtures.as(c.linkWorker(), () -> plans.goals(c.caseId()));
    assertThat(goals)
        .extracting(PlanGoal::text)
        .containsExactly(
            "I want to get out of the house twice a week", "Sort out my council tax arrears");
    PlanGoal first = goals.get(0);
    assertThat(first.needs()).containsExactly("LONELINESS");
    assertThat(goals.get(1).needs()).containsExactly("MONEY", "HOUSING");
    assertThat(first.status()).isEqualTo(GoalStatus.ACTIVE);
    assertThat(first.targetDate()).isEqualTo(LocalDate.of(2026, 9, 30));

    Map<String, String> step = new LinkedHashMap<>();
    step.put("text", "Try the Tuesday walking group");
    step.put("owner", "SOMEONE_ELSE");
    step.put("ownerName", "Her daughter Jen");
    assertThat(browser.post(plan + "/goals/" + first.id() + "/steps", step).status())
        .isEqualTo(302);
    Map<String, String> mine = new LinkedHashMap<>();
    mine.put("text", "Find the group's meeting place");
    mine.put("owner", "LINK_WORKER");
    mine.put("ownerName", "ignored when the link worker takes it");
    assertThat(browser.post(plan + "/goals/" + first.id() + "/steps", mine).status())
        .isEqualTo(302);

    Map<String, String> review = new LinkedHashMap<>();
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    review.put("reviewedOnDay", String.valueOf(today.getDayOfMonth()));
    review.put("reviewedOnMonth", String.valueOf(today.getMonthValue()));
    review.put("reviewedOnYear", String.valueOf(today.getYear()));
    review.put("inTheirWords", "Went twice last week, felt good");
    review.put("progress", "7");
    assertThat(browser.post(plan + "/goals/" + first.id() + "/reviews", review).status())
        .isEqualTo(302);

    Document page = browser.get(plan).document();
    assertThat(page.select("[data-testid=goal]")).hasSize(2);
    assertThat(page.select("[data-testid=step]").eachText())
        .anySatisfy(
            t -> assertThat(t).contains("Try the Tuesday walking group", "Her daughter Jen"))
        .anySatisfy(t -> assertThat(t).contains("Find the group's meeting place", "Link worker"));
    assertThat(page.select("[data-testid=review]").text())
        .contains("Went twice last week, felt good")
        .contains("Progress 7 out of 10");
    // The case summary shows the plan's goals with their status and last review.
    Document summary = browser.get("/cases/" + c.caseId()).document();
    assertThat(summary.select("[data-testid=plan-summary] tbody tr")).hasSize(2);
    assertThat(summary.select("[data-testid=plan-summary]").text())
        .contains("progress 7 out of 10");

    PlanStep stored =
        fixtures.as(c.linkWorker(), () -> plans.goals(c.caseId())).get(0).steps().get(1);
    assertThat(stored.ownerName()).as("a name only for someone else").isNull();

    assertThat(audited(c.personId(), "PLAN_GOAL_ADDED")).hasSize(2);
    assertThat(audited(c.personId(), "PLAN_STEP_ADDED")).hasSize(2);
    assertThat(audited(c.personId(), "PLAN_REVIEW_ADDED")).hasSize(1);
    assertThat(audited(c.personId(), "PLAN_READ")).isNotEmpty();
  }

  @Test
  void aGoalOrStepEditedFromAStaleVersionIsRefusedAndNothingIsOverwritten() {
    OpenCase c = fixtures.openCase(List.of("LONELINESS"));
    PlanGoal g =
        fixtures.as(
            c.linkWorker(),
            () ->
                plans.addGoal(
                    c.caseId(),
                    new GoalDraft("Meet new people", List.of("LONELINESS"), null, null)));
    String edit = "/cases/" + c.caseId() + "/plan/goals/" + g.id() + "/edit";
    WebSession holder = signedIn(c.linkWorker());
    WebSession manager = signedIn(c.manager());
    assertThat(holder.get(edit).document().select("input[name=version]").val()).isEqualTo("0");

    Map<String, String> first = goal("Meet new people at the library", "LONELINESS");
    first.put("status", "ACHIEVED");
    first.put("version", "0");
    assertThat(manager.post(edit, first).status()).isEqualTo(302);

    Map<String, String> second = goal("Meet people at church", "LONELINESS");
    second.put("status", "NOT_ACHIEVED");
    second.put("version", "0");
    WebSession.Page refused = holder.post(edit, second);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.document().select("[data-testid=edit-conflict]").text())
        .contains("Someone else changed this");
    assertThat(refused.document().select("input[name=version]").val()).isEqualTo("1");
    assertThat(refused.document().select("textarea#text").text())
        .isEqualTo("Meet people at church");

    PlanGoal now = fixtures.as(c.linkWorker(), () -> plans.goals(c.caseId())).get(0);
    assertThat(now.text()).isEqualTo("Meet new people at the library");
    assertThat(now.status()).isEqualTo(GoalStatus.ACHIEVED);
    assertThat(audited(c.personId(), "PLAN_GOAL_UPDATED")).hasSize(1);

    PlanStep s =
        fixtures.as(
            c.linkWorker(),
            () ->
                plans.addStep(
                    c.caseId(),
                    g.id(),
                    new StepDraft("Call the library", StepOwner.PERSON, null, null, null)));
    StepDraft done =
        new StepDraft("Call the library", StepOwner.PERSON, null, null, StepStatus.DONE);
    fixtures.as(c.manager(), () -> plans.updateStep(c.caseId(), s.id(), 0, done));
    StepDraft stale =
        new StepDraft("Email the library", StepOwner.PERSON, null, null, StepStatus.IN_PROGRESS);
    assertThatThrownBy(
            () -> fixtures.as(c.linkWorker(), () -> plans.updateStep(c.caseId(), s.id(), 0, stale)))
        .isInstanceOf(PlanEditConflictException.class);
    PlanStep stored = fixtures.as(c.linkWorker(), () -> plans.stepToChange(c.caseId(), s.id()));
    assertThat(stored.status()).isEqualTo(StepStatus.DONE);
    assertThat(stored.text()).isEqualTo("Call the library");
    assertThat(stored.version()).isEqualTo(1);
  }

  // ---- bad input ----

  @Test
  void aGoalWithoutWordsOrWithAnImpossibleTargetDateIsNotSaved() {
    OpenCase c = fixtures.openCase(List.of("LONELINESS"));
    WebSession browser = signedIn(c.linkWorker());
    String plan = "/cases/" + c.caseId() + "/plan";

    Map<String, String> form = new LinkedHashMap<>();
    form.put("text", "   ");
    form.put("targetDateDay", "31");
    form.put("targetDateMonth", "2");
    form.put("targetDateYear", "2026");
    WebSession.Page page = browser.post(plan + "/goals", form);
    assertThat(page.status()).isEqualTo(200);
    Document doc = page.document();
    assertThat(errorLinks(doc)).containsExactly("#text", "#needs", "#targetDate");
    assertThat(doc.select(".nhsuk-error-summary").text())
        .contains("Enter the goal in the person's own words")
        .contains("Select at least one need")
        .contains("The target date must be a real date");
    assertThat(doc.select("#targetDate").val()).isEqualTo("31");

    Map<String, String> unknownNeed = goal("Feel less alone", "NOT_A_NEED");
    assertThat(errorLinks(browser.post(plan + "/goals", unknownNeed).document()))
        .containsExactly("#needs");
    assertThat(goalsOf(c.caseId())).isZero();

    PlanGoal g =
        fixtures.as(
            c.linkWorker(),
            () ->
                plans.addGoal(
                    c.caseId(),
                    new GoalDraft("Feel less alone", List.of("LONELINESS"), null, null)));
    Map<String, String> step = new LinkedHashMap<>();
    step.put("text", "");
    step.put("owner", "SOMEONE_ELSE");
    assertThat(errorLinks(browser.post(plan + "/goals/" + g.id() + "/steps", step).document()))
        .containsExactly("#text", "#ownerName");
    Map<String, String> review = new LinkedHashMap<>();
    review.put("reviewedOnDay", "12");
    review.put("reviewedOnYear", "2026");
    review.put("progress", "11");
    assertThat(errorLinks(browser.post(plan + "/goals/" + g.id() + "/reviews", review).document()))
        .containsExactly("#reviewedOn", "#inTheirWords", "#progress");
    assertThat(rowsOf("casework_plan_step", c.caseId())).isZero();
    assertThat(rowsOf("casework_plan_review", c.caseId())).isZero();
    assertThat(goalsOf(c.caseId())).isEqualTo(1);
  }

  // ---- closed cases and access ----

  @Test
  void aClosedCasesPlanCanBeReadButNotChanged() {
    OpenCase c = fixtures.openCase(List.of("LONELINESS"));
    PlanGoal g =
        fixtures.as(
            c.linkWorker(),
            () ->
                plans.addGoal(
                    c.caseId(), new GoalDraft("Join a choir", List.of("LONELINESS"), null, null)));
    fixtures.as(
        c.linkWorker(),
        () -> closures.close(c.caseId(), 0, "PERSON_CHOSE_TO_STOP", "Stopped at her request."));
    WebSession browser = signedIn(c.linkWorker());
    String plan = "/cases/" + c.caseId() + "/plan";

    Document page = browser.get(plan).document();
    assertThat(page.select("[data-testid=plan-read-only]")).hasSize(1);
    assertThat(page.select("[data-testid=goal]").text()).contains("Join a choir");
    assertThat(page.select("[data-testid=add-goal]")).isEmpty();
    assertThat(page.select("a[href$=/edit]")).isEmpty();

    WebSession.Page refused = browser.post(plan + "/goals", goal("Sing solo", "LONELINESS"));
    assertThat(refused.status()).isEqualTo(302);
    assertThat(refused.location()).endsWith(plan);
    assertThat(browser.get(plan).document().select(".nhsuk-error-summary").text())
        .contains("This case is closed");
    Map<String, String> edit = goal("Sing solo", "LONELINESS");
    edit.put("status", "ACHIEVED");
    edit.put("version", "0");
    assertThat(browser.post(plan + "/goals/" + g.id() + "/edit", edit).status()).isEqualTo(302);
    assertThat(browser.get(plan + "/goals/" + g.id() + "/reviews/new").status()).isEqualTo(302);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    c.linkWorker(),
                    () ->
                        plans.addStep(
                            c.caseId(),
                            g.id(),
                            new StepDraft("Buy music", StepOwner.PERSON, null, null, null))))
        .isInstanceOf(CaseNotOpenException.class);

    assertThat(goalsOf(c.caseId())).isEqualTo(1);
    assertThat(fixtures.as(c.linkWorker(), () -> plans.goals(c.caseId())).get(0).text())
        .isEqualTo("Join a choir");
    assertThat(rowsOf("casework_plan_step", c.caseId())).isZero();
  }

  @Test
  void onlyTheLinkWorkerHoldingTheCaseAndManagersReachThePlan() {
    OpenCase c = fixtures.openCase(List.of("LONELINESS"));
    String plan = "/cases/" + c.caseId() + "/plan";
    assertThat(signedIn(c.manager()).get(plan).status()).isEqualTo(200);

    UserAccount other = fixtures.colleague(Role.LINK_WORKER);
    WebSession colleague = signedIn(other);
    assertThat(colleague.get(plan).status()).isEqualTo(403);
    assertThat(colleague.get(plan + "/goals/new").status()).isEqualTo(403);
    assertThat(colleague.post(plan + "/goals", goal("Not mine to add", "LONELINESS")).status())
        .isEqualTo(403);
    assertThat(audited(c.personId(), "CASE_READ"))
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(e.userId()).isEqualTo(other.id());
              assertThat(e.recordId()).isEqualTo(c.caseId().toString());
            });
    assertThat(audited(c.personId(), "CASE_WRITE"))
        .anySatisfy(e -> assertThat(e.userId()).isEqualTo(other.id()));

    for (Role role : List.of(Role.REFERRER, Role.VCS_COORDINATOR, Role.COMMISSIONER)) {
      WebSession outsider = new WebSession(port).signedInAs(role);
      assertThat(outsider.get(plan).status()).as(role.name()).isEqualTo(403);
      assertThat(outsider.post(plan + "/goals", goal("Nope", "LONELINESS")).status())
          .as(role.name())
          .isEqualTo(403);
      assertThat(
              audit
                  .search(
                      new AuditQuery(
                          org.waymark.support.DemoAccounts.email(role),
                          null,
                          "ACCESS_REFUSED",
                          null,
                          null,
                          0,
                          50))
                  .events())
          .anySatisfy(e -> assertThat(e.recordId()).isEqualTo("GET " + plan));
    }
    assertThat(goalsOf(c.caseId())).isZero();
  }
}
