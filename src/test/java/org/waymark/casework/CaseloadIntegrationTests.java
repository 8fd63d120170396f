package org.waymark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waymark.casework.CaseworkFixture.as;
import static org.waymark.casework.CaseworkFixture.form;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.internal.CaseAccess;
import org.waymark.casework.internal.CaseStore;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.UserAccount;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class CaseloadIntegrationTests {

  private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired CaseStore cases;
  @Autowired CaseAccess caseAccess;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  CaseworkFixture f;

  @BeforeEach
  void freshService() {
    f = new CaseworkFixture(identity, referrals, port);
  }

  /** A referral accepted by the fixture's manager and allocated to this link worker. */
  private CaseFile openCase(String family, UserAccount linkWorker, List<String> needs) {
    Referral r = f.refer("Pat", family, needs);
    return as(f.manager, () -> triage.accept(r.id(), r.version(), linkWorker.id()));
  }

  @Test
  void aLinkWorkerSeesTheirOwnCaseloadWithCountsAndFilters() {
    String a = "Own" + CaseworkFixture.unique();
    String b = "Own" + CaseworkFixture.unique();
    CaseFile first = openCase(a, f.linkWorker, List.of("LONELINESS"));
    openCase(b, f.linkWorker, List.of("MONEY"));
    openCase("Theirs" + CaseworkFixture.unique(), f.otherLinkWorker, List.of("MONEY"));
    jdbc.sql("UPDATE casework_case SET first_contact_at = now() WHERE id = ?")
        .param(first.id())
        .update();

    WebSession lw = f.signedIn(f.linkWorker);
    Document page = lw.get("/caseload").document();
    assertThat(page.select("[data-testid=case-row]")).hasSize(2);
    assertThat(page.select("[data-testid=active-count]").text()).isEqualTo("2");
    assertThat(page.select("[data-testid=awaiting-count]").text()).isEqualTo("1");
    assertThat(page.select("[data-testid=case-row] a").eachAttr("href"))
        .contains("/cases/" + first.id());
    // Team caseloads are off: no choice of colleague.
    assertThat(page.select("select#worker")).isEmpty();

    Document awaiting = lw.get("/caseload?status=open&awaiting=true").document();
    assertThat(awaiting.select("[data-testid=case-row]").text()).contains(b).doesNotContain(a);
    Document byNeed = lw.get("/caseload?status=all&need=LONELINESS").document();
    assertThat(byNeed.select("[data-testid=case-row]").text()).contains(a).doesNotContain(b);
    Document badNeed = lw.get("/caseload?need=NOT_A_NEED").document();
    assertThat(badNeed.select(".nhsuk-error-summary a[href=#need]").text())
        .isEqualTo("Select a need from the list");

    assertThat(
            audit
                .search(
                    new AuditQuery(f.linkWorker.email(), null, "CASELOAD_READ", null, null, 0, 10))
                .events())
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("results=2"));
  }

  @Test
  void aManagerSeesEveryLinkWorkerAndCanChooseOne() {
    String mine = "Mgr" + CaseworkFixture.unique();
    String theirs = "Mgr" + CaseworkFixture.unique();
    openCase(mine, f.linkWorker, List.of("HOUSING"));
    openCase(theirs, f.otherLinkWorker, List.of("HOUSING"));
    WebSession manager = f.signedIn(f.manager);
    Document all = manager.get("/caseload").document();
    assertThat(all.select("[data-testid=case-row]").text()).contains(mine, theirs);
    assertThat(all.select("select#worker option").eachAttr("value"))
        .contains("", f.linkWorker.id().toString(), f.otherLinkWorker.id().toString());
    Document one = manager.get("/caseload?worker=" + f.otherLinkWorker.id()).document();
    assertThat(one.select("[data-testid=case-row]").text()).contains(theirs).doesNotContain(mine);
  }

  @Test
  void linkWorkersSeeColleaguesCaseloadsOnlyWhenTheServiceShowsThem() {
    String theirs = "Team" + CaseworkFixture.unique();
    openCase(theirs, f.otherLinkWorker, List.of("HOUSING"));
    WebSession lw = f.signedIn(f.linkWorker);
    String colleague = "/caseload?worker=" + f.otherLinkWorker.id();
    assertThat(lw.get(colleague).status()).isEqualTo(403);
    assertThat(
            audit
                .search(
                    new AuditQuery(f.linkWorker.email(), null, "CASELOAD_READ", null, null, 0, 10))
                .events())
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(e.recordId()).isEqualTo(f.otherLinkWorker.id().toString());
            });

    WebSession manager = f.signedIn(f.manager);
    assertThat(
            manager
                .post(
                    "/casework/settings",
                    form(
                        "version",
                        "0",
                        "teamCaseloadsVisible",
                        "true",
                        "missedContactsBeforeReview",
                        "3"))
                .status())
        .isEqualTo(302);
    Document page = lw.get(colleague).document();
    assertThat(page.select("[data-testid=case-row]").text()).contains(theirs);
    assertThat(page.select("select#worker")).hasSize(1);
  }

  @Test
  void aLinkWorkerOfAnotherServiceIsRefusedThisServicesCaseloads() {
    openCase("Other" + CaseworkFixture.unique(), f.linkWorker, List.of("HOUSING"));
    CaseworkFixture elsewhere = new CaseworkFixture(identity, referrals, port);
    WebSession outsider = elsewhere.signedIn(elsewhere.linkWorker);
    assertThat(outsider.get("/caseload?worker=" + f.linkWorker.id()).status()).isEqualTo(403);
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        elsewhere.linkWorker.email(), null, "CASELOAD_READ", null, null, 0, 10))
                .events())
        .anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED));
    // Even when their own service shows team caseloads.
    f.signedIn(elsewhere.manager)
        .post(
            "/casework/settings",
            form(
                "version", "0", "teamCaseloadsVisible", "true", "missedContactsBeforeReview", "2"));
    assertThat(outsider.get("/caseload?worker=" + f.linkWorker.id()).status()).isEqualTo(403);
  }

  /** Noon in England, {@code daysAgo} calendar days before today. */
  private static Instant noonDaysAgo(int daysAgo) {
    return LocalDate.now(ENGLAND).minusDays(daysAgo).atTime(12, 0).atZone(ENGLAND).toInstant();
  }

  private UUID craftedCase(UserAccount linkWorker, int referredDaysAgo, Integer contactedDaysAgo) {
    UUID id = UUID.randomUUID();
    cases.insert(
        f.pcnId(),
        id,
        UUID.randomUUID(),
        UUID.randomUUID(),
        linkWorker.id(),
        f.manager.id(),
        noonDaysAgo(referredDaysAgo),
        List.of("LONELINESS"));
    if (contactedDaysAgo != null) {
      jdbc.sql("UPDATE casework_case SET first_contact_at = ? WHERE id = ?")
          .params(Timestamp.from(noonDaysAgo(contactedDaysAgo)), id)
          .update();
    }
    return id;
  }

  @Test
  void waitingListListsTheLongestWaitFirstWithTheMedianAndNinetiethPercentile() {
    // Waits of 1, 2, 3, 4 and 10 days, first contacts within the last 90 days.
    craftedCase(f.linkWorker, 31, 30);
    craftedCase(f.linkWorker, 42, 40);
    craftedCase(f.otherLinkWorker, 53, 50);
    craftedCase(f.otherLinkWorker, 24, 20);
    craftedCase(f.linkWorker, 70, 60);
    // Contacted too long ago to count (a wait of 50 days).
    craftedCase(f.linkWorker, 150, 100);
    // Still waiting: 20 and 5 days.
    UUID longest = craftedCase(f.linkWorker, 20, null);
    UUID shorter = craftedCase(f.otherLinkWorker, 5, null);

    Document page = f.signedIn(f.manager).get("/waiting-list").document();
    assertThat(page.select("[data-testid=median]").text()).isEqualTo("3 days");
    // percentile_cont(0.9) over 1, 2, 3, 4, 10: 4 + 0.6 × (10 − 4).
    assertThat(page.select("[data-testid=p90]").text()).isEqualTo("7.6 days");
    assertThat(page.select("[data-testid=contacted]").text()).startsWith("5 first contacts");
    assertThat(page.select("[data-testid=waiting-row]").eachAttr("data-case"))
        .containsExactly(longest.toString(), shorter.toString());
    assertThat(page.select("[data-testid=days-waiting]").eachText())
        .containsExactly("20 days", "5 days");

    // A link worker without team caseloads sees the whole list, but only their own people's names.
    Document lw = f.signedIn(f.otherLinkWorker).get("/waiting-list").document();
    assertThat(lw.select("[data-testid=waiting-row]")).hasSize(2);
    assertThat(lw.select("[data-testid=waiting-row]").first().text())
        .contains("A colleague's case");
  }

  @Test
  void reassignmentMovesTheCaseAndTheOldHolderLosesWriteAccess() {
    CaseFile c = openCase("Move" + CaseworkFixture.unique(), f.linkWorker, List.of("HOUSING"));
    assertThat(as(f.linkWorker, () -> caseAccess.mayWrite(c))).isTrue();

    WebSession manager = f.signedIn(f.manager);
    Document form = manager.get("/cases/" + c.id() + "/reassign").document();
    assertThat(form.select("input[name=linkWorkerId]").eachAttr("value"))
        .containsExactly(f.otherLinkWorker.id().toString());

    WebSession.Page noReason =
        manager.post(
            "/cases/" + c.id() + "/reassign",
            form("version", "0", "linkWorkerId", f.otherLinkWorker.id().toString(), "reason", ""));
    assertThat(noReason.document().select(".nhsuk-error-summary a[href=#reason]").text())
        .isEqualTo("Enter why the case is being reassigned");

    WebSession.Page answer =
        manager.post(
            "/cases/" + c.id() + "/reassign",
            form(
                "version",
                "0",
                "linkWorkerId",
                f.otherLinkWorker.id().toString(),
                "reason",
                "Lee is on leave"));
    assertThat(answer.status()).isEqualTo(302);
    CaseFile moved = cases.find(c.id()).orElseThrow();
    assertThat(moved.linkWorkerId()).isEqualTo(f.otherLinkWorker.id());
    assertThat(moved.version()).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM casework_assignment WHERE case_id = ? AND link_worker_id = ?")
                .params(c.id(), f.otherLinkWorker.id())
                .query(String.class)
                .single())
        .isEqualTo("Lee is on leave");
    assertThat(
            audit
                .search(
                    new AuditQuery(f.manager.email(), null, "CASE_REASSIGNED", null, null, 0, 10))
                .events())
        .anySatisfy(e -> assertThat(e.recordId()).isEqualTo(c.id().toString()));

    assertThat(as(f.linkWorker, () -> caseAccess.mayWrite(moved))).isFalse();
    assertThatThrownBy(() -> as(f.linkWorker, () -> caseAccess.requireWrite(moved)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(as(f.otherLinkWorker, () -> caseAccess.mayWrite(moved))).isTrue();

    // A second manager working from the old version is told; the holder stays.
    WebSession.Page stale =
        manager.post(
            "/cases/" + c.id() + "/reassign",
            form("version", "0", "linkWorkerId", f.linkWorker.id().toString(), "reason", "Back"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.document().select(".nhsuk-error-summary").text())
        .contains("changed by someone else first");
    assertThat(cases.find(c.id()).orElseThrow().linkWorkerId()).isEqualTo(f.otherLinkWorker.id());
  }

  @Test
  void onlyAManagerOfTheCasesServiceMayReassignIt() {
    CaseFile c = openCase("Guard" + CaseworkFixture.unique(), f.linkWorker, List.of("HOUSING"));
    assertThat(f.signedIn(f.linkWorker).get("/cases/" + c.id() + "/reassign").status())
        .isEqualTo(403);
    CaseworkFixture elsewhere = new CaseworkFixture(identity, referrals, port);
    WebSession otherManager = elsewhere.signedIn(elsewhere.manager);
    assertThat(otherManager.get("/cases/" + c.id() + "/reassign").status()).isEqualTo(403);
    assertThat(
            otherManager
                .post(
                    "/cases/" + c.id() + "/reassign",
                    form(
                        "version",
                        "0",
                        "linkWorkerId",
                        f.otherLinkWorker.id().toString(),
                        "reason",
                        "Mine now"))
                .status())
        .isEqualTo(403);
    assertThat(cases.find(c.id()).orElseThrow().linkWorkerId()).isEqualTo(f.linkWorker.id());
    assertThat(f.signedIn(f.manager).get("/cases/" + UUID.randomUUID() + "/reassign").status())
        .isEqualTo(404);
  }

  @Test
  void settingsAreValidatedAuditedAndAStaleChangeIsRefused() {
    WebSession manager = f.signedIn(f.manager);
    Document page = manager.get("/casework/settings").document();
    assertThat(page.select("input[name=version]").attr("value")).isEqualTo("0");
    assertThat(page.select("#teamCaseloadsVisible-no").hasAttr("checked")).isTrue();

    WebSession.Page tooMany =
        manager.post(
            "/casework/settings",
            form(
                "version",
                "0",
                "teamCaseloadsVisible",
                "true",
                "missedContactsBeforeReview",
                "11"));
    assertThat(
            tooMany
                .document()
                .select(".nhsuk-error-summary a[href=#missedContactsBeforeReview]")
                .text())
        .isEqualTo("Enter a number of missed contacts from 1 to 10");
    assertThat(cases.teamCaseloadsVisible(f.pcnId())).isFalse();

    assertThat(
            manager
                .post(
                    "/casework/settings",
                    form(
                        "version",
                        "0",
                        "teamCaseloadsVisible",
                        "true",
                        "missedContactsBeforeReview",
                        "4"))
                .status())
        .isEqualTo(302);
    assertThat(cases.teamCaseloadsVisible(f.pcnId())).isTrue();

    WebSession.Page stale =
        f.signedIn(f.user(org.waymark.identity.Role.SERVICE_MANAGER))
            .post(
                "/casework/settings",
                form(
                    "version",
                    "0",
                    "teamCaseloadsVisible",
                    "false",
                    "missedContactsBeforeReview",
                    "1"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.document().select("#missedContactsBeforeReview").attr("value")).isEqualTo("4");
    assertThat(cases.teamCaseloadsVisible(f.pcnId())).isTrue();
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        f.manager.email(), null, "CASEWORK_SETTINGS_CHANGED", null, null, 0, 10))
                .events())
        .hasSize(1);
  }
}
