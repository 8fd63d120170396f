package org.waymark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.casework.CaseworkFixture.as;
import static org.waymark.casework.CaseworkFixture.form;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.person.PersonManagement;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralConflictException;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class TriageIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired PersonManagement people;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  CaseworkFixture f;

  @BeforeEach
  void freshService() {
    f = new CaseworkFixture(identity, referrals, port);
  }

  private ReferralStatus status(UUID referralId) {
    return ReferralStatus.valueOf(
        jdbc.sql("SELECT status FROM referral WHERE id = ?")
            .param(referralId)
            .query(String.class)
            .single());
  }

  private long version(UUID referralId) {
    return jdbc.sql("SELECT version FROM referral WHERE id = ?")
        .param(referralId)
        .query(Long.class)
        .single();
  }

  private int casesFor(UUID referralId) {
    return jdbc.sql("SELECT count(*) FROM casework_case WHERE referral_id = ?")
        .param(referralId)
        .query(Integer.class)
        .single();
  }

  @Test
  void queueShowsTheServicesWaitingReferralsWithTheirWaitUrgencyNeedsAndSource() {
    Referral r = f.refer("Ada", "Queue" + CaseworkFixture.unique(), List.of("LONELINESS", "MONEY"));
    jdbc.sql("UPDATE referral SET received_at = now() - interval '12 days' WHERE id = ?")
        .param(r.id())
        .update();
    Document page = f.signedIn(f.manager).get("/triage").document();
    var row = page.selectFirst("[data-testid=queue-row][data-reference=" + r.reference() + "]");
    assertThat(row).isNotNull();
    assertThat(row.select("[data-testid=waiting]").text()).isEqualTo("12 days");
    assertThat(row.select("[data-testid=urgency]").text()).isEqualTo("Routine");
    assertThat(row.text())
        .contains(
            "Loneliness and social isolation", "Money, debt and benefits", "GP", "Referral form");
    assertThat(row.select("[data-testid=duplicate-tag]")).isEmpty();
    // Another PCN's manager sees none of it.
    assertThat(new WebSession(port).signedInAs(Role.SERVICE_MANAGER).get("/triage").body())
        .doesNotContain(r.reference());
  }

  @Test
  void managerAcceptsAndAllocatesAndTheCaseIsOnTheLinkWorkersCaseload() {
    Referral r = f.refer("Bea", "Accept" + CaseworkFixture.unique(), List.of("HOUSING"));
    WebSession manager = f.signedIn(f.manager);
    Document decision = manager.get("/triage/" + r.id()).document();
    assertThat(decision.select("[data-testid=accept-form] input[name=linkWorkerId]"))
        .extracting(e -> e.attr("value"))
        .contains(f.linkWorker.id().toString(), f.otherLinkWorker.id().toString());

    WebSession.Page answer =
        manager.post(
            "/triage/" + r.id() + "/accept",
            form("version", "0", "linkWorkerId", f.linkWorker.id().toString()));
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/triage");
    assertThat(manager.get("/triage").document().select("[data-testid=success]").text())
        .contains(r.reference(), "accepted");

    assertThat(status(r.id())).isEqualTo(ReferralStatus.ACCEPTED);
    var stored =
        jdbc.sql(
                """
                SELECT organisation_id, link_worker_id, person_id, referred_at, needs[1] AS need, status
                FROM casework_case WHERE referral_id = ?
                """)
            .param(r.id())
            .query()
            .singleRow();
    assertThat(stored.get("organisation_id")).isEqualTo(f.pcnId());
    assertThat(stored.get("link_worker_id")).isEqualTo(f.linkWorker.id());
    assertThat(stored.get("person_id")).isEqualTo(r.personId());
    assertThat(((java.sql.Timestamp) stored.get("referred_at")).toInstant())
        .isEqualTo(r.receivedAt());
    assertThat(stored.get("need")).isEqualTo("HOUSING");
    assertThat(stored.get("status")).isEqualTo("OPEN");
    assertThat(
            audit
                .search(new AuditQuery(f.manager.email(), null, "CASE_OPENED", null, null, 0, 10))
                .events())
        .anySatisfy(e -> assertThat(e.personId()).isEqualTo(r.personId()));

    Document caseload = f.signedIn(f.linkWorker).get("/caseload").document();
    assertThat(caseload.select("[data-testid=case-row]").text()).contains(r.personName());
    assertThat(caseload.select("[data-testid=active-count]").text()).isEqualTo("1");
    assertThat(caseload.select("[data-testid=awaiting-count]").text()).isEqualTo("1");
    assertThat(f.signedIn(f.otherLinkWorker).get("/caseload").body())
        .doesNotContain(r.personName());
  }

  @Test
  void allocatingToSomeoneWhoIsNotALinkWorkerOfTheServiceIsAFormErrorAndChangesNothing() {
    Referral r = f.refer("Cal", "Wrong" + CaseworkFixture.unique(), List.of("HOUSING"));
    WebSession manager = f.signedIn(f.manager);
    for (String who : List.of(f.manager.id().toString(), UUID.randomUUID().toString(), "x")) {
      WebSession.Page answer =
          manager.post("/triage/" + r.id() + "/accept", form("version", "0", "linkWorkerId", who));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.document().select(".nhsuk-error-summary a[href=#linkWorkerId]").text())
          .isEqualTo("Select a link worker of this service to allocate the referral to");
    }
    assertThat(status(r.id())).isEqualTo(ReferralStatus.RECEIVED);
    assertThat(version(r.id())).isZero();
    assertThat(casesFor(r.id())).isZero();
  }

  @Test
  void twoManagersDecidingAtOnceOneWinsAndTheOtherIsTold() throws Exception {
    UserAccount second = f.user(Role.SERVICE_MANAGER);
    Referral r = f.refer("Dee", "Race" + CaseworkFixture.unique(), List.of("LONELINESS"));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Object>> results = new ArrayList<>();
    for (UserAccount[] pair :
        List.of(
            new UserAccount[] {f.manager, f.linkWorker},
            new UserAccount[] {second, f.otherLinkWorker})) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  return as(pair[0], () -> (Object) triage.accept(r.id(), 0, pair[1].id()));
                } catch (ReferralConflictException e) {
                  return e;
                }
              }));
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> result : results) {
      outcomes.add(result.get());
    }
    assertThat(outcomes).filteredOn(o -> o instanceof CaseFile).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof ReferralConflictException).hasSize(1);
    assertThat(casesFor(r.id())).isEqualTo(1);

    // Through the page: the manager who was slower is told, and nothing is overwritten.
    WebSession late = f.signedIn(second);
    WebSession.Page answer =
        late.post(
            "/triage/" + r.id() + "/decline",
            form("version", "0", "reason", "Not for us", "serviceId", ""));
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.document().select(".nhsuk-error-summary").text())
        .contains("Another decision was made on this referral first: it is now accepted");
    assertThat(answer.document().select("[data-testid=referral-status]").text())
        .isEqualTo("Accepted");
    assertThat(answer.document().select("[data-testid=decline-form]")).isEmpty();
    assertThat(status(r.id())).isEqualTo(ReferralStatus.ACCEPTED);
    assertThat(casesFor(r.id())).isEqualTo(1);
  }

  @Test
  void declineWithoutAReasonIsAFormErrorAndChangesNothing() {
    Referral r = f.refer("Eve", "Blank" + CaseworkFixture.unique(), List.of("MONEY"));
    WebSession.Page answer =
        f.signedIn(f.manager)
            .post(
                "/triage/" + r.id() + "/decline",
                form("version", "0", "reason", "   ", "signposting", "Citizens Advice"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary a[href=#reason]").text())
        .isEqualTo("Enter why the referral is declined");
    assertThat(answer.document().select("#signposting").text()).isEqualTo("Citizens Advice");
    assertThat(status(r.id())).isEqualTo(ReferralStatus.RECEIVED);
    assertThat(version(r.id())).isZero();
  }

  @Test
  void declineWithAReasonAndSignpostingTellsTheReferrer() {
    Referral r = f.refer("Fay", "Decline" + CaseworkFixture.unique(), List.of("MONEY"));
    WebSession.Page answer =
        f.signedIn(f.manager)
            .post(
                "/triage/" + r.id() + "/decline",
                form(
                    "version",
                    "0",
                    "reason",
                    "Needs specialist debt advice",
                    "serviceId",
                    "",
                    "signposting",
                    "Money Matters Advice, 0113 496 0000"));
    assertThat(answer.status()).isEqualTo(302);
    var row =
        jdbc.sql("SELECT status, decline_reason, signposting FROM referral WHERE id = ?")
            .param(r.id())
            .query()
            .singleRow();
    assertThat(row.get("status")).isEqualTo("DECLINED");
    assertThat(row.get("decline_reason")).isEqualTo("Needs specialist debt advice");
    assertThat(row.get("signposting")).isEqualTo("Money Matters Advice, 0113 496 0000");
    assertThat(casesFor(r.id())).isZero();
  }

  @Test
  void askingForMoreInformationKeepsTheReferralInTheQueueWithItsStatus() {
    Referral r = f.refer("Gus", "Question" + CaseworkFixture.unique(), List.of("HOUSING"));
    WebSession manager = f.signedIn(f.manager);
    assertThat(
            manager
                .post(
                    "/triage/" + r.id() + "/request-information",
                    form("version", "0", "question", ""))
                .document()
                .select(".nhsuk-error-summary a[href=#question]")
                .text())
        .isEqualTo("Enter what you need to know from the referrer");
    assertThat(status(r.id())).isEqualTo(ReferralStatus.RECEIVED);

    WebSession.Page answer =
        manager.post(
            "/triage/" + r.id() + "/request-information",
            form("version", "0", "question", "Is the person happy to be phoned?"));
    assertThat(answer.status()).isEqualTo(302);
    assertThat(status(r.id())).isEqualTo(ReferralStatus.INFORMATION_REQUESTED);
    var row =
        manager
            .get("/triage")
            .document()
            .selectFirst("[data-testid=queue-row][data-reference=" + r.reference() + "]");
    assertThat(row).isNotNull();
    assertThat(row.select("[data-testid=status]").text()).isEqualTo("More information requested");
  }

  @Test
  void aReferralWhosePersonMatchesAnExistingRecordIsMarkedAsAPossibleDuplicate() {
    String family = "Twin" + CaseworkFixture.unique();
    // The person is already known (no NHS number given either time): same name and date of birth.
    as(f.manager, () -> people.register(f.person("Hana", family).build()));
    Referral r = f.refer("Hana", family, List.of("LONELINESS"));
    Referral other = f.refer("Ivo", "Single" + CaseworkFixture.unique(), List.of("LONELINESS"));

    WebSession manager = f.signedIn(f.manager);
    Document queue = manager.get("/triage").document();
    assertThat(
            queue.select(
                "[data-testid=queue-row][data-reference="
                    + r.reference()
                    + "] [data-testid=duplicate-tag]"))
        .hasSize(1);
    assertThat(
            queue.select(
                "[data-testid=queue-row][data-reference="
                    + other.reference()
                    + "] [data-testid=duplicate-tag]"))
        .isEmpty();

    Document decision = manager.get("/triage/" + r.id()).document();
    assertThat(decision.select("[data-testid=duplicate-row]")).hasSize(1);
    assertThat(decision.select("[data-testid=duplicate-row]").text())
        .contains("Similar name and same date of birth");
    assertThat(decision.select("[data-testid=duplicate-row] a").attr("href"))
        .startsWith("/people/" + r.personId() + "/merge/");
  }

  @Test
  void decisionPageShowsSafeguardingConcernsAndTheDifferencesFromTheRecordHeld() {
    String family = "Known" + CaseworkFixture.unique();
    String nhs = "9990000026";
    as(
        f.manager,
        () ->
            people.register(
                f.person("Jo", family)
                    .nhsNumber(nhs)
                    .address("1 Old Road", null, "Leeds", "LS6 3BN")
                    .build()));
    Referral r =
        f.refer(
            f.person("Jo", family).nhsNumber(nhs).build(),
            List.of("SAFETY"),
            "Partner may be present during calls");
    assertThat(r.matchedByNhsNumber()).isTrue();
    Document decision = f.signedIn(f.manager).get("/triage/" + r.id()).document();
    assertThat(decision.select(".nhsuk-warning-callout[data-testid=safeguarding]").text())
        .contains("Partner may be present during calls");
    assertThat(
            decision
                .select("[data-testid=person-comparison] tr[data-field=postcode]")
                .attr("data-differs"))
        .isEqualTo("true");
    assertThat(
            decision
                .select("[data-testid=person-comparison] tr[data-field=familyName]")
                .attr("data-differs"))
        .isEqualTo("false");
  }

  @Test
  void peopleWithoutTriageRightsAreRefusedEveryTriageAndCaseloadPage() {
    Referral r = f.refer("Kit", "Refused" + CaseworkFixture.unique(), List.of("HOUSING"));
    for (Role role :
        List.of(Role.REFERRER, Role.COMMISSIONER, Role.VCS_COORDINATOR, Role.RESEARCHER)) {
      WebSession session = new WebSession(port).signedInAs(role);
      for (String path :
          List.of(
              "/triage",
              "/triage/" + r.id(),
              "/caseload",
              "/waiting-list",
              "/casework/settings",
              "/cases/" + UUID.randomUUID() + "/reassign")) {
        assertThat(session.get(path).status()).as(role + " " + path).isEqualTo(403);
      }
      assertThat(
              session
                  .post(
                      "/triage/" + r.id() + "/accept",
                      form("version", "0", "linkWorkerId", f.linkWorker.id().toString()))
                  .status())
          .isEqualTo(403);
    }
    // A link worker may read caseloads but not triage.
    assertThat(f.signedIn(f.linkWorker).get("/triage/" + r.id()).status()).isEqualTo(403);
    assertThat(status(r.id())).isEqualTo(ReferralStatus.RECEIVED);
  }

  @Test
  void aManagerOfAnotherServiceCannotDecideThisServicesReferral() {
    Referral r = f.refer("Lou", "Elsewhere" + CaseworkFixture.unique(), List.of("HOUSING"));
    WebSession demoManager = new WebSession(port).signedInAs(Role.SERVICE_MANAGER);
    assertThat(demoManager.get("/triage/" + r.id()).status()).isEqualTo(403);
    assertThat(
            demoManager
                .post(
                    "/triage/" + r.id() + "/accept",
                    form("version", "0", "linkWorkerId", f.linkWorker.id().toString()))
                .status())
        .isEqualTo(403);
    assertThat(status(r.id())).isEqualTo(ReferralStatus.RECEIVED);
  }
}
