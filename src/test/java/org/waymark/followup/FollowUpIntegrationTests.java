package org.waymark.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waymark.connection.ConnectionFixture.as;
import static org.waymark.connection.ConnectionFixture.form;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CaseClosed;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseReassigned;
import org.waymark.casework.Casework;
import org.waymark.casework.Triage;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionFixture;
import org.waymark.connection.Connections;
import org.waymark.connection.Signposts;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.person.PersonsMerged;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
@RecordApplicationEvents
class FollowUpIntegrationTests {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired CaseClosures closures;
  @Autowired Casework casework;
  @Autowired Connections connections;
  @Autowired Signposts signposts;
  @Autowired FollowUps followUps;
  @Autowired FollowUpPlans plans;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired ApplicationEvents events;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired TransactionTemplate transactions;

  ConnectionFixture f;
  FollowUpFixture cases;
  LocalDate today;

  @BeforeEach
  void setUp() {
    f = new ConnectionFixture(identity, curation, port);
    cases = new FollowUpFixture(f, referrals, triage, closures);
    today = LocalDate.now(LONDON);
  }

  List<FollowUp> followUpsOf(CaseFile c) {
    return as(f.linkWorker, () -> followUps.forCase(c.id()));
  }

  FollowUp only(CaseFile c, CountsFrom from) {
    return followUpsOf(c).stream().filter(x -> x.countsFrom() == from).findFirst().orElseThrow();
  }

  // ---- scheduling ----

  @Test
  void openingACaseSchedulesTheReferralPointsFromTheDayTheReferralWasReceived() {
    LocalDate received = today.minusDays(40);
    CaseFile c = cases.openCase("Olive", "Firth", received);
    List<FollowUp> scheduled = followUpsOf(c);
    assertThat(scheduled).hasSize(1);
    FollowUp x = scheduled.get(0);
    assertThat(x.name()).isEqualTo("9 to 12 months after referral");
    assertThat(x.countsFrom()).isEqualTo(CountsFrom.REFERRAL);
    assertThat(x.countedFrom()).isEqualTo(received);
    assertThat(x.opensOn()).isEqualTo(received.plusMonths(9));
    assertThat(x.targetOn()).isEqualTo(received.plusMonths(10));
    assertThat(x.closesOn()).isEqualTo(received.plusMonths(12));
    assertThat(x.linkWorkerId()).isEqualTo(f.linkWorker.id());
    assertThat(x.personId()).isEqualTo(c.personId());
  }

  @Test
  void closingACaseSchedulesTheClosurePointsAndKeepsTheOthers() {
    CaseFile c = cases.openCase("Percy", "Gaunt", today.minusDays(20));
    cases.close(c, "GOALS_MET");
    FollowUp closure = only(c, CountsFrom.CLOSURE);
    assertThat(closure.name()).isEqualTo("3 months after closure");
    assertThat(closure.countedFrom()).isEqualTo(today);
    assertThat(closure.opensOn()).isEqualTo(today.plusMonths(3));
    assertThat(closure.targetOn()).isEqualTo(today.plusMonths(3));
    assertThat(closure.closesOn()).isEqualTo(today.plusMonths(4));
    assertThat(followUpsOf(c)).hasSize(2);
    assertThat(audited(c.personId(), "FOLLOW_UPS_SCHEDULED")).hasSize(2);
  }

  @Test
  void aClosureLateOnTheLastDayOfMarchInSummerTimeCountsFromTheFirstOfApril() {
    CaseFile c = cases.openCase("Queenie", "Holt", today.minusDays(5));
    // 23:30 UTC on 31 March 2027 is 00:30 on 1 April in British Summer Time (from 28 March).
    Instant lateEvening = Instant.parse("2027-03-31T23:30:00Z");
    as(
        f.linkWorker,
        () ->
            transactions.execute(
                s -> {
                  publisher.publishEvent(
                      new CaseClosed(
                          c.id(),
                          c.organisationId(),
                          c.referralId(),
                          c.personId(),
                          "GOALS_MET",
                          lateEvening));
                  return null;
                }));
    FollowUp closure = only(c, CountsFrom.CLOSURE);
    assertThat(closure.countedFrom()).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(closure.opensOn()).isEqualTo(LocalDate.of(2027, 7, 1));
    assertThat(closure.targetOn()).isEqualTo(LocalDate.of(2027, 7, 1));
    assertThat(closure.closesOn()).isEqualTo(LocalDate.of(2027, 8, 1));
    // In winter time the same clock time in UTC is still the same day.
    assertThat(
            org.waymark.followup.internal.FollowUpDates.day(Instant.parse("2027-01-31T23:30:00Z")))
        .isEqualTo(LocalDate.of(2027, 1, 31));
  }

  @Test
  void aCaseClosedBecauseThePersonDiedHasItsFollowUpsCancelledAndNoNewOnes() {
    CaseFile c = cases.openCase("Rita", "Ibbotson", today.minusDays(15));
    cases.close(c, "DIED");
    List<FollowUp> all = followUpsOf(c);
    assertThat(all).hasSize(1);
    assertThat(all.get(0).status()).isEqualTo(FollowUpStatus.CANCELLED);
  }

  @Test
  void followUpsMoveWithTheCaseAndWithAMergedPersonRecord() {
    CaseFile c = cases.openCase("Stan", "Jowett", today.minusDays(15));
    UUID kept = UUID.randomUUID();
    transactions.execute(
        s -> {
          publisher.publishEvent(
              new CaseReassigned(
                  c.id(),
                  c.organisationId(),
                  c.personId(),
                  f.linkWorker.id(),
                  f.otherLinkWorker.id(),
                  f.manager.id(),
                  "Leave",
                  Instant.now()));
          publisher.publishEvent(new PersonsMerged(c.organisationId(), kept, c.personId()));
          return null;
        });
    FollowUp moved = as(f.manager, () -> followUps.forCase(c.id())).get(0);
    assertThat(moved.linkWorkerId()).isEqualTo(f.otherLinkWorker.id());
    assertThat(moved.personId()).isEqualTo(kept);
  }

  // ---- the plan ----

  @Test
  void aManagerChangesThePlanAndOnlyCasesFromThenOnUseIt() {
    CaseFile before = cases.openCase("Tess", "Kilner", today.minusDays(10));
    WebSession manager = f.signedIn(f.manager);
    Document page = manager.get("/follow-ups/plan").document();
    assertThat(page.select("input[name=points[0].name]").attr("value"))
        .isEqualTo("3 months after closure");
    String version = page.select("input[name=version]").attr("value");

    WebSession.Page saved =
        manager.post(
            "/follow-ups/plan",
            form(
                "version", version,
                "points[0].name", "6 months after referral",
                "points[0].countsFrom", "REFERRAL",
                "points[0].opensAfter", "5",
                "points[0].targetAfter", "6",
                "points[0].closesAfter", "7"));
    assertThat(saved.status()).isEqualTo(302);
    FollowUpPlan plan = as(f.manager, () -> plans.current());
    assertThat(plan.points())
        .containsExactly(new PlanPoint("6 months after referral", CountsFrom.REFERRAL, 5, 6, 7));

    CaseFile after = cases.openCase("Ursula", "Lumb", today.minusDays(10));
    assertThat(followUpsOf(after))
        .extracting(FollowUp::name)
        .containsExactly("6 months after referral");
    FollowUp kept = followUpsOf(before).get(0);
    assertThat(kept.name()).isEqualTo("9 to 12 months after referral");
    assertThat(kept.targetOn()).isEqualTo(today.minusDays(10).plusMonths(10));

    // The same form again names a version that is gone: refused, nothing changed.
    WebSession.Page stale =
        manager.post(
            "/follow-ups/plan",
            form(
                "version", version,
                "points[0].name", "Something else",
                "points[0].countsFrom", "CLOSURE",
                "points[0].opensAfter", "1",
                "points[0].targetAfter", "1",
                "points[0].closesAfter", "2"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(as(f.manager, () -> plans.current()).points()).hasSize(1);
  }

  @Test
  void aPlanWithProblemsListsEachAndSavesNothing() {
    WebSession manager = f.signedIn(f.manager);
    Document page =
        manager
            .post(
                "/follow-ups/plan",
                form(
                    "version", "0",
                    "points[0].name", "",
                    "points[0].countsFrom", "REFERRAL",
                    "points[0].opensAfter", "6",
                    "points[0].targetAfter", "4",
                    "points[0].closesAfter", "8",
                    "points[1].name", "Later",
                    "points[1].countsFrom", "CLOSURE",
                    "points[1].opensAfter", "30",
                    "points[1].targetAfter", "x",
                    "points[1].closesAfter", "2"))
            .document();
    assertThat(page.select(".nhsuk-error-summary__list li").eachText())
        .contains(
            "Enter a name for the follow-up",
            "The target must be on or after the month the follow-up opens",
            "Enter the months as whole numbers from 0 to 24");
    assertThat(page.select(".nhsuk-error-summary__list a").eachAttr("href"))
        .contains("#points[0].name", "#points[0].targetAfter", "#points[1].targetAfter");
    assertThat(as(f.manager, () -> plans.current()).version()).isZero();
  }

  @Test
  void aPlanHasAtMostSixFollowUps() {
    WebSession manager = f.signedIn(f.manager);
    Map<String, String> fields = form("version", "0");
    for (int i = 0; i < 7; i++) {
      fields.put("points[" + i + "].name", "Point " + i);
      fields.put("points[" + i + "].countsFrom", "CLOSURE");
      fields.put("points[" + i + "].opensAfter", Integer.toString(i));
      fields.put("points[" + i + "].targetAfter", Integer.toString(i));
      fields.put("points[" + i + "].closesAfter", Integer.toString(i + 1));
    }
    Document page = manager.post("/follow-ups/plan", fields).document();
    assertThat(page.select(".nhsuk-error-summary__list li").eachText())
        .containsExactly("A plan can have at most 6 follow-ups");
    assertThat(as(f.manager, () -> plans.current()).version()).isZero();
  }

  @Test
  void onlyAManagerMayChangeThePlan() {
    assertThat(f.signedIn(f.linkWorker).get("/follow-ups/plan").status()).isEqualTo(403);
    assertThatThrownBy(() -> as(f.linkWorker, () -> plans.current()))
        .isInstanceOf(AccessDeniedException.class);
  }

  // ---- lists ----

  @Test
  void theListsShowDueOverdueMissedUpcomingAndDoneByTargetDate() {
    CaseFile due = cases.openCase("Vera", "Marsden", today.minusMonths(9).minusDays(5));
    CaseFile overdue = cases.openCase("Walter", "Naylor", today.minusMonths(10).minusDays(6));
    CaseFile missed = cases.openCase("Xenia", "Oldroyd", today.minusMonths(13));
    CaseFile upcoming = cases.openCase("Yvonne", "Pickles", today.minusMonths(9).plusDays(7));
    CaseFile later = cases.openCase("Zak", "Quarmby", today.minusDays(3));

    WebSession lw = f.signedIn(f.linkWorker);
    Document dueList = lw.get("/follow-ups").document();
    assertThat(ids(dueList)).containsExactly(only(due, CountsFrom.REFERRAL).id());
    assertThat(dueList.select("[data-testid=follow-up-row]").text()).contains("Vera Marsden");
    assertThat(dueList.select("[data-tab=due]").text()).isEqualTo("Due now (1)");
    assertThat(dueList.select("[data-tab=overdue]").text()).isEqualTo("Overdue (1)");
    assertThat(dueList.select("[data-testid=needing-attention]").text())
        .isEqualTo("2 follow-ups are due or overdue.");

    Document overdueList = lw.get("/follow-ups?show=overdue").document();
    assertThat(ids(overdueList)).containsExactly(only(overdue, CountsFrom.REFERRAL).id());
    assertThat(overdueList.select("[data-testid=days-overdue]").text()).isEqualTo("6");

    assertThat(ids(lw.get("/follow-ups?show=missed").document()))
        .containsExactly(only(missed, CountsFrom.REFERRAL).id());
    assertThat(ids(lw.get("/follow-ups?show=upcoming").document()))
        .containsExactly(only(upcoming, CountsFrom.REFERRAL).id());
    assertThat(ids(lw.get("/follow-ups?show=upcoming").document()))
        .doesNotContain(only(later, CountsFrom.REFERRAL).id());
    assertThat(ids(lw.get("/follow-ups?show=done").document())).isEmpty();

    // Another link worker of the same service sees none of them; the manager sees them all.
    WebSession other = f.signedIn(f.otherLinkWorker);
    assertThat(ids(other.get("/follow-ups?show=overdue").document())).isEmpty();
    assertThat(ids(other.get("/follow-ups?show=overdue&worker=" + f.linkWorker.id()).document()))
        .isEmpty();
    WebSession manager = f.signedIn(f.manager);
    assertThat(ids(manager.get("/follow-ups?show=overdue").document()))
        .containsExactly(only(overdue, CountsFrom.REFERRAL).id());
    assertThat(
            ids(
                manager
                    .get("/follow-ups?show=overdue&worker=" + f.otherLinkWorker.id())
                    .document()))
        .isEmpty();
    assertThat(ids(manager.get("/follow-ups?show=overdue&worker=" + f.linkWorker.id()).document()))
        .hasSize(1);
    // A link worker cannot ask the API for a colleague's list either.
    assertThatThrownBy(
            () ->
                as(
                    f.otherLinkWorker,
                    () -> followUps.list(f.linkWorker.id(), FollowUpState.DUE, 0, 25)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void theListIsPagedBySortedTargetDate() {
    for (int i = 0; i < 27; i++) {
      cases.openCase("Person" + (char) ('a' + i), "Paged", today.minusMonths(9).minusDays(i % 20));
    }
    WebSession lw = f.signedIn(f.linkWorker);
    Document first = lw.get("/follow-ups?show=due").document();
    assertThat(first.select("[data-testid=follow-up-row]")).hasSize(25);
    Document second = lw.get("/follow-ups?show=due&page=1").document();
    assertThat(second.select("[data-testid=follow-up-row]")).hasSize(2);
    List<LocalDate> targets =
        as(f.linkWorker, () -> followUps.list(null, FollowUpState.DUE, 0, 25)).rows().stream()
            .map(FollowUp::targetOn)
            .toList();
    assertThat(targets).isSorted();
  }

  // ---- recording ----

  @Test
  void theLinkWorkerRecordsAFollowUpOnAClosedCaseWithItsServicesPreFilled() {
    CaseFile c = cases.openCase("Agnes", "Robertshaw", today.minusMonths(9).minusDays(3));
    Connection referred = f.refer(connections, c, f.waymarkService.id());
    as(
        f.linkWorker,
        () ->
            signposts.record(
                c.id(), f.emailService.id(), "Walks on Tuesdays from the library", today));
    cases.close(c, "GOALS_MET");
    FollowUp x = only(c, CountsFrom.REFERRAL);

    WebSession lw = f.signedIn(f.linkWorker);
    WebSession.Page page = lw.get("/follow-ups/" + x.id());
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    Document d = page.document();
    assertThat(d.select("[data-testid=service]").eachText())
        .hasSize(2)
        .anySatisfy(t -> assertThat(t).contains(f.waymarkService.details().name(), "Referred"))
        .anySatisfy(t -> assertThat(t).contains(f.emailService.details().name(), "Signposted"));
    assertThat(d.select("input[name=services[0].sourceId]").attr("value"))
        .isEqualTo(referred.id().toString());
    assertThat(d.select("[data-testid=outcomes-link]").attr("href"))
        .isEqualTo("/cases/" + c.id() + "/outcomes");
    assertThat(d.select("[data-testid=follow-up-instruments] a").eachAttr("href"))
        .contains("/cases/" + c.id() + "/outcomes/new?instrument=SWEMWBS&occasion=FOLLOW_UP");
    assertThat(audited(c.personId(), "FOLLOW_UP_READ")).isNotEmpty();

    Map<String, String> answers = completed(d);
    WebSession.Page sent = lw.post("/follow-ups/" + x.id(), answers);
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    FollowUp done = as(f.linkWorker, () -> followUps.find(x.id()));
    assertThat(done.status()).isEqualTo(FollowUpStatus.COMPLETED);
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(as(f.linkWorker, () -> casework.find(c.id())).isOpen()).isFalse();
    List<FollowUpAttempt> attempts = as(f.linkWorker, () -> followUps.attempts(done));
    assertThat(attempts).hasSize(1);
    FollowUpAnswers saved = attempts.get(0).answers();
    assertThat(saved.howTheyHaveBeen()).isEqualTo("Much more settled and out most days.");
    assertThat(saved.wouldComeBack()).isEqualTo(Answer.YES);
    assertThat(saved.services())
        .extracting(ServiceAnswer::went, ServiceAnswer::helped)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Answer.YES, Helped.A_LOT),
            org.assertj.core.groups.Tuple.tuple(Answer.NO, null));
    assertThat(saved.services().get(1).barriers()).containsExactly(Barrier.TRANSPORT);
    assertThat(saved.services().get(0).serviceName()).isEqualTo(f.waymarkService.details().name());
    assertThat(audited(c.personId(), "FOLLOW_UP_RECORDED")).hasSize(1);

    Document after = lw.get("/follow-ups/" + x.id()).document();
    assertThat(after.select("[data-testid=record-form]")).isEmpty();
    assertThat(after.select("[data-testid=attempt]").text())
        .contains("Completed with the person", "Much more settled");
    assertThat(ids(lw.get("/follow-ups?show=done").document())).contains(x.id());
  }

  @Test
  void sendingTheSameFollowUpTwiceRecordsItOnce() {
    CaseFile c = cases.openCase("Beryl", "Sugden", today.minusMonths(9).minusDays(3));
    FollowUp x = only(c, CountsFrom.REFERRAL);
    WebSession lw = f.signedIn(f.linkWorker);
    Map<String, String> answers = completed(lw.get("/follow-ups/" + x.id()).document());
    assertThat(lw.post("/follow-ups/" + x.id(), answers).status()).isEqualTo(302);
    WebSession.Page again = lw.post("/follow-ups/" + x.id(), answers);
    assertThat(again.status()).isEqualTo(302);
    assertThat(
            lw.get(java.net.URI.create(again.location()).getPath())
                .document()
                .select("[data-testid=success]")
                .text())
        .contains("already been recorded");
    assertThat(attemptRows(x)).isEqualTo(1);
    assertThatThrownBy(
            () ->
                as(
                    f.linkWorker,
                    () ->
                        followUps.record(
                            x.id(),
                            x.version(),
                            new FollowUpAnswers(
                                AttemptOutcome.DECLINED, null, List.of(), null, null, null))))
        .isInstanceOf(FollowUpConflictException.class);
    assertThat(attemptRows(x)).isEqualTo(1);
  }

  @Test
  void completingAFollowUpPublishesFollowUpCompletedOnceWithTheAttemptsItTook() {
    CaseFile c = cases.openCase("Ada", "Sutcliffe", today.minusMonths(9).minusDays(3));
    FollowUp x = only(c, CountsFrom.REFERRAL);
    FollowUp tried =
        as(
            f.linkWorker,
            () ->
                followUps.record(
                    x.id(),
                    x.version(),
                    new FollowUpAnswers(
                        AttemptOutcome.NOT_REACHED, null, List.of(), null, null, "No answer")));
    assertThat(events.stream(FollowUpCompleted.class).filter(e -> e.followUpId().equals(x.id())))
        .isEmpty();
    as(
        f.linkWorker,
        () ->
            followUps.record(
                x.id(),
                tried.version(),
                new FollowUpAnswers(
                    AttemptOutcome.COMPLETED,
                    "Keeping well",
                    List.of(),
                    Answer.NOT_SURE,
                    null,
                    null)));
    assertThat(events.stream(FollowUpCompleted.class).filter(e -> e.followUpId().equals(x.id())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.caseId()).isEqualTo(c.id());
              assertThat(e.personId()).isEqualTo(c.personId());
              assertThat(e.organisationId()).isEqualTo(f.pcn.id());
              assertThat(e.attempts()).isEqualTo(2);
              assertThat(e.targetOn()).isEqualTo(x.targetOn());
            });
    assertThatThrownBy(
            () ->
                as(
                    f.linkWorker,
                    () ->
                        followUps.record(
                            x.id(),
                            tried.version(),
                            new FollowUpAnswers(
                                AttemptOutcome.COMPLETED,
                                "Keeping well",
                                List.of(),
                                Answer.NOT_SURE,
                                null,
                                null))))
        .isInstanceOf(FollowUpConflictException.class);
    assertThat(events.stream(FollowUpCompleted.class).filter(e -> e.followUpId().equals(x.id())))
        .hasSize(1);
  }

  @Test
  void couldNotReachThemKeepsTheFollowUpOpenAndRecordsTheAttempt() {
    CaseFile c = cases.openCase("Cyril", "Thwaite", today.minusMonths(10).minusDays(3));
    FollowUp x = only(c, CountsFrom.REFERRAL);
    WebSession lw = f.signedIn(f.linkWorker);
    WebSession.Page sent =
        lw.post(
            "/follow-ups/" + x.id(),
            form(
                "version", Long.toString(x.version()),
                "outcome", "NOT_REACHED",
                "note", "Rang twice, no answer; left no message"));
    assertThat(sent.status()).isEqualTo(302);
    FollowUp open = as(f.linkWorker, () -> followUps.find(x.id()));
    assertThat(open.status()).isEqualTo(FollowUpStatus.OPEN);
    assertThat(open.attempts()).isEqualTo(1);
    assertThat(open.lastAttemptAt()).isNotNull();
    assertThat(ids(lw.get("/follow-ups?show=overdue").document())).contains(x.id());
    Document page = lw.get("/follow-ups/" + x.id()).document();
    assertThat(page.select("[data-testid=attempt]").text())
        .contains("Could not reach them", "Rang twice");
    assertThat(page.select("[data-testid=record-form]")).hasSize(1);
  }

  @Test
  void aCompletedFollowUpWithoutItsAnswersListsEachProblemAndSavesNothing() {
    CaseFile c = cases.openCase("Doris", "Umpleby", today.minusMonths(9).minusDays(3));
    f.refer(connections, c, f.waymarkService.id());
    FollowUp x = only(c, CountsFrom.REFERRAL);
    WebSession lw = f.signedIn(f.linkWorker);
    Document d = lw.get("/follow-ups/" + x.id()).document();
    WebSession.Page sent =
        lw.post(
            "/follow-ups/" + x.id(),
            form(
                "version", Long.toString(x.version()),
                "outcome", "COMPLETED",
                "services[0].sourceId", d.select("input[name=services[0].sourceId]").attr("value"),
                "services[0].went", "YES",
                "services[0].barriers", "OTHER"));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(sent.document().select(".nhsuk-error-summary__list li").eachText())
        .containsExactlyInAnyOrder(
            "Enter how they have been",
            "Select whether they are still going",
            "Select whether it helped",
            "Enter what else got in the way",
            "Select whether they would come back to a link worker");
    assertThat(attemptRows(x)).isZero();
    Document none = lw.post("/follow-ups/" + x.id(), form("version", "0")).document();
    assertThat(none.select(".nhsuk-error-summary__list li").eachText())
        .containsExactly("Select how the follow-up went");
  }

  // ---- access ----

  @Test
  void anotherLinkWorkerAnotherServiceAndOtherRolesAreRefusedAndTheRefusalIsAudited() {
    CaseFile c = cases.openCase("Elsie", "Varley", today.minusMonths(9).minusDays(3));
    FollowUp x = only(c, CountsFrom.REFERRAL);
    String path = "/follow-ups/" + x.id();
    Map<String, String> declined = form("version", "0", "outcome", "DECLINED");

    WebSession other = f.signedIn(f.otherLinkWorker);
    assertThat(other.get(path).status()).isEqualTo(403);
    assertThat(other.post(path, declined).status()).isEqualTo(403);

    ConnectionFixture elsewhere = new ConnectionFixture(identity, curation, port);
    WebSession otherManager = elsewhere.signedIn(elsewhere.manager);
    assertThat(otherManager.get(path).status()).isEqualTo(403);
    assertThat(otherManager.post(path, declined).status()).isEqualTo(403);
    assertThat(ids(otherManager.get("/follow-ups?show=due").document())).doesNotContain(x.id());

    assertThat(f.signedIn(f.referrer).get(path).status()).isEqualTo(403);
    assertThat(f.signedIn(f.referrer).get("/follow-ups").status()).isEqualTo(403);
    assertThat(f.signedIn(f.coordinator).get(path).status()).isEqualTo(403);
    UserAccount researcher =
        TestUsers.create(
            identity,
            identity
                .createOrganisation(
                    org.waymark.identity.OrganisationType.UNIVERSITY,
                    "University " + UUID.randomUUID(),
                    null,
                    null,
                    null)
                .id(),
            Role.RESEARCHER);
    assertThat(f.signedIn(researcher).get(path).status()).isEqualTo(403);

    assertThat(as(f.linkWorker, () -> followUps.find(x.id())).status())
        .isEqualTo(FollowUpStatus.OPEN);
    assertThat(attemptRows(x)).isZero();
    assertThat(audit.search(new AuditQuery(null, c.personId(), null, null, null, 0, 200)).events())
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(e.username()).isEqualTo(f.otherLinkWorker.email());
            })
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(e.username()).isEqualTo(elsewhere.manager.email());
            });

    // The service's manager reaches it.
    assertThat(f.signedIn(f.manager).get(path).status()).isEqualTo(200);
  }

  @Test
  void theDemoLinkWorkerHasFollowUpsDueOverdueMissedAndDone() {
    WebSession lw = new WebSession(port).signedInAs(Role.LINK_WORKER);
    Document list = lw.get("/follow-ups").document();
    for (String tab : List.of("due", "overdue", "missed", "done")) {
      assertThat(list.select("[data-tab=" + tab + "]").text()).as(tab).doesNotEndWith("(0)");
    }
    assertThat(list.select("[data-testid=follow-up-row]").text()).contains("Maureen Hepworth");
    assertThat(
            lw.get("/follow-ups?show=overdue")
                .document()
                .select("[data-testid=follow-up-row]")
                .text())
        .contains("Priya Lakhani");
  }

  @Test
  void anUnknownFollowUpIsNotFound() {
    assertThat(f.signedIn(f.linkWorker).get("/follow-ups/" + UUID.randomUUID()).status())
        .isEqualTo(404);
  }

  // ---- helpers ----

  /** A completed follow-up for the page's services: the first went and it helped a lot. */
  private static Map<String, String> completed(Document d) {
    Map<String, String> answers =
        form(
            "version", d.select("input[name=version]").attr("value"),
            "outcome", "COMPLETED",
            "howTheyHaveBeen", "Much more settled and out most days.",
            "wouldComeBack", "YES",
            "ownWords", "It got me out of the house.");
    int services = d.select("[data-testid=service]").size();
    for (int i = 0; i < services; i++) {
      String p = "services[" + i + "].";
      answers.put(p + "sourceId", d.select("input[name=" + p + "sourceId]").attr("value"));
      if (i == 0) {
        answers.put(p + "went", "YES");
        answers.put(p + "stillGoing", "YES");
        answers.put(p + "helped", "A_LOT");
      } else {
        answers.put(p + "went", "NO");
        answers.put(p + "barriers", "TRANSPORT");
      }
    }
    return answers;
  }

  private static List<UUID> ids(Document list) {
    return list.select("[data-testid=follow-up-row]").eachAttr("data-follow-up").stream()
        .map(UUID::fromString)
        .toList();
  }

  private long attemptRows(FollowUp x) {
    return jdbc.sql("SELECT count(*) FROM follow_up_attempt WHERE follow_up_id = ?")
        .param(x.id())
        .query(Long.class)
        .single();
  }

  private List<AuditEvent> audited(UUID personId, String action) {
    return audit.search(new AuditQuery(null, personId, action, null, null, 0, 200)).events();
  }
}
