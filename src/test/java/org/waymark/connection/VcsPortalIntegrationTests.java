package org.waymark.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.connection.VcsPortalFixture.form;
import static org.waymark.connection.VcsPortalFixture.lists;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.directory.DirectoryImports;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class VcsPortalIntegrationTests {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired Connections connections;
  @Autowired DirectoryImports imports;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  VcsPortalFixture f;

  @BeforeEach
  void demoService() {
    f = new VcsPortalFixture(identity, connections, jdbc, port);
  }

  private String status(UUID id) {
    return jdbc.sql("SELECT status FROM connection WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private long version(UUID id) {
    return jdbc.sql("SELECT version FROM connection WHERE id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  @Test
  void aCoordinatorSeesTheReferralWithOnlyWhatWasShared() {
    Connection c = f.refer();
    WebSession vcs = f.coordinator();
    assertThat(lists(vcs, "/vcs/referrals?status=waiting", c.id())).isTrue();
    assertThat(lists(vcs, "/vcs/referrals?status=all&service=" + f.befriendingId, c.id())).isTrue();
    assertThat(lists(vcs, "/vcs/referrals?status=closed", c.id())).isFalse();

    WebSession.Page page = vcs.get("/vcs/referrals/" + c.id());
    assertThat(page.status()).isEqualTo(200);
    Document d = page.document();
    assertThat(d.select("[data-testid=shared]").text())
        .contains(c.shared().name(), "Mobile 07700 900999", "Getting out of the house")
        .contains("Uses a walking stick", "Loneliness", c.shared().consent());
    assertThat(d.select("[data-testid=status]").text()).isEqualTo("Waiting for an answer");
    assertThat(d.select("form[data-testid=accept-form]")).hasSize(1);
    assertThat(d.select("form[data-testid=decline-form] input[name=_csrf]")).hasSize(1);

    // Nothing of the person's record beyond what was shared.
    Map<String, Object> person =
        jdbc.sql(
                "SELECT nhs_number, date_of_birth, address_line_1, postcode FROM person WHERE id = ?")
            .param(c.personId())
            .query()
            .singleRow();
    String body = page.body();
    if (person.get("nhs_number") != null) {
      String nhs = person.get("nhs_number").toString().replace(" ", "");
      assertThat(body.replace(" ", "")).doesNotContain(nhs);
    }
    LocalDate born = ((java.sql.Date) person.get("date_of_birth")).toLocalDate();
    assertThat(body)
        .doesNotContain(born.toString())
        .doesNotContain(born.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)))
        .doesNotContain(born.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)));
    if (person.get("address_line_1") != null) {
      assertThat(body).doesNotContain(person.get("address_line_1").toString());
    }
    if (person.get("postcode") != null) {
      assertThat(body).doesNotContain(person.get("postcode").toString());
    }

    List<AuditEvent> reads =
        audit
            .search(new AuditQuery("vcs@demo", null, "CONNECTION_READ", null, null, 0, 50))
            .events();
    assertThat(reads)
        .anySatisfy(
            e -> {
              assertThat(e.recordId()).isEqualTo(c.id().toString());
              assertThat(e.outcome()).isEqualTo(AuditOutcome.ALLOWED);
              assertThat(e.detail()).isEqualTo("vcs-portal");
              assertThat(e.personId()).isEqualTo(c.personId());
            });
    assertThat(
            audit
                .search(new AuditQuery("vcs@demo", null, "CONNECTION_LIST_READ", null, null, 0, 5))
                .events())
        .anySatisfy(e -> assertThat(e.detail()).startsWith("vcs-portal"));
  }

  @Test
  void acceptingRecordingAttendanceAndCompletingMovesTheReferralThroughTheInboxGroups() {
    Connection c = f.refer();
    WebSession vcs = f.coordinator();
    String path = "/vcs/referrals/" + c.id();

    WebSession.Page accepted = vcs.post(path + "/accept", form("version", "0"));
    assertThat(accepted.status()).isEqualTo(302);
    assertThat(accepted.location()).endsWith(path);
    assertThat(vcs.get(path).document().select("[data-testid=success]").text())
        .contains("You accepted the referral for " + c.shared().name());
    assertThat(status(c.id())).isEqualTo("ACCEPTED");
    assertThat(lists(vcs, "/vcs/referrals?status=with_us", c.id())).isTrue();
    assertThat(lists(vcs, "/vcs/referrals?status=waiting", c.id())).isFalse();

    LocalDate today = LocalDate.now(LONDON);
    WebSession.Page attended =
        vcs.post(
            path + "/attendance",
            form(
                "version",
                Long.toString(version(c.id())),
                "firstSessionOnDay",
                Integer.toString(today.getDayOfMonth()),
                "firstSessionOnMonth",
                Integer.toString(today.getMonthValue()),
                "firstSessionOnYear",
                Integer.toString(today.getYear()),
                "sessionsAttended",
                "2"));
    assertThat(attended.status()).isEqualTo(302);
    assertThat(status(c.id())).isEqualTo("IN_PROGRESS");
    Document page = vcs.get(path).document();
    assertThat(page.select("[data-testid=attendance]").text()).contains("2 sessions attended");
    assertThat(page.select("form[data-testid=hold-form]")).hasSize(1);

    WebSession.Page completed =
        vcs.post(
            path + "/complete",
            form(
                "version",
                Long.toString(version(c.id())),
                "outcome",
                "Weekly visits from a volunteer; now goes to the lunch club"));
    assertThat(completed.status()).isEqualTo(302);
    assertThat(status(c.id())).isEqualTo("COMPLETED");
    Document done = vcs.get(path).document();
    assertThat(done.select("[data-testid=outcome]").text()).contains("lunch club");
    assertThat(done.select("form"))
        .allSatisfy(form -> assertThat(form.attr("action")).doesNotContain("/vcs/"));
    assertThat(done.select("[data-testid=history]").text())
        .contains("Accepted", "Attending", "Completed");
    assertThat(lists(vcs, "/vcs/referrals?status=closed", c.id())).isTrue();
    assertThat(lists(vcs, "/vcs/referrals?status=with_us", c.id())).isFalse();
  }

  @Test
  void decliningWithoutAReasonIsRefusedWithTheFormError() {
    Connection c = f.refer();
    WebSession vcs = f.coordinator();
    String path = "/vcs/referrals/" + c.id();

    WebSession.Page noReason = vcs.post(path + "/decline", form("version", "0"));
    assertThat(noReason.status()).isEqualTo(200);
    Element summary = noReason.document().selectFirst(".nhsuk-error-summary");
    assertThat(summary).isNotNull();
    assertThat(summary.select("a[href=#declineReason]").text())
        .isEqualTo("Select why you cannot take this referral");
    assertThat(noReason.document().select("#declineReason-error")).hasSize(1);
    assertThat(status(c.id())).isEqualTo("REQUESTED");

    WebSession.Page other =
        vcs.post(path + "/decline", form("version", "0", "declineReason", "OTHER"));
    assertThat(other.document().select(".nhsuk-error-summary a[href=#declineDetail]").text())
        .isEqualTo("Say what the other reason is");
    assertThat(status(c.id())).isEqualTo("REQUESTED");

    WebSession.Page declined =
        vcs.post(
            path + "/decline",
            form(
                "version", "0", "declineReason", "OTHER", "declineDetail", "We only visit in LS6"));
    assertThat(declined.status()).isEqualTo(302);
    assertThat(status(c.id())).isEqualTo("REJECTED");
    assertThat(vcs.get(path).document().select("[data-testid=status-reason]").text())
        .isEqualTo("Reason: We only visit in LS6");
  }

  @Test
  void aMoveTheStatesDoNotAllowIsRefused() {
    Connection c = f.refer();
    WebSession vcs = f.coordinator();
    String path = "/vcs/referrals/" + c.id();
    assertThat(
            vcs.post(path + "/decline", form("version", "0", "declineReason", "AT_CAPACITY"))
                .status())
        .isEqualTo(302);

    WebSession.Page complete =
        vcs.post(path + "/complete", form("version", "1", "outcome", "Visited weekly"));
    assertThat(complete.status()).isEqualTo(409);
    assertThat(complete.document().select(".nhsuk-error-summary").text())
        .contains("You cannot do that now: this referral is declined");
    assertThat(status(c.id())).isEqualTo("REJECTED");

    WebSession.Page hold =
        vcs.post(path + "/hold", form("version", "1", "holdReason", "PERSON_UNWELL"));
    assertThat(hold.status()).isEqualTo(409);
    assertThat(status(c.id())).isEqualTo("REJECTED");
  }

  @Test
  void aStaleVersionIsRefusedAndNothingIsWritten() {
    Connection c = f.refer();
    WebSession vcs = f.coordinator();
    String path = "/vcs/referrals/" + c.id();
    // Someone else accepted it first.
    assertThat(vcs.post(path + "/accept", form("version", "0")).status()).isEqualTo(302);
    WebSession.Page stale =
        vcs.post(path + "/decline", form("version", "0", "declineReason", "AT_CAPACITY"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.document().select(".nhsuk-error-summary").text())
        .contains("changed by someone else");
    assertThat(stale.document().select("[data-testid=status]").text()).isEqualTo("Accepted");
    assertThat(status(c.id())).isEqualTo("ACCEPTED");
    // A move still allowed, from the page as it was before.
    WebSession.Page staleHold =
        vcs.post(path + "/hold", form("version", "0", "holdReason", "PERSON_UNWELL"));
    assertThat(staleHold.status()).isEqualTo(409);
    assertThat(staleHold.document().select(".nhsuk-error-summary").text())
        .contains("changed by someone else");
    assertThat(status(c.id())).isEqualTo("ACCEPTED");
    assertThat(version(c.id())).isEqualTo(1);
  }

  @Test
  void aCoordinatorOfAnotherOrganisationReachesNothingOfIt() {
    Connection c = f.refer();
    VcsPortalFixture.Vcs other = f.newVcs();
    WebSession stranger = f.signedIn(other.coordinator());
    String path = "/vcs/referrals/" + c.id();

    assertThat(stranger.get(path).status()).isEqualTo(403);
    Map<String, Map<String, String>> actions = new LinkedHashMap<>();
    actions.put("accept", form("version", "0"));
    actions.put("decline", form("version", "0", "declineReason", "AT_CAPACITY"));
    actions.put("hold", form("version", "0", "holdReason", "PERSON_UNWELL"));
    actions.put("resume", form("version", "0"));
    actions.put("complete", form("version", "0", "outcome", "Visited"));
    actions.put("not-going-ahead", form("version", "0", "failReason", "DID_NOT_ATTEND"));
    actions.put("attendance", form("version", "0", "sessionsAttended", "0"));
    actions.forEach(
        (action, fields) ->
            assertThat(stranger.post(path + "/" + action, fields).status())
                .as(action)
                .isEqualTo(403));
    assertThat(status(c.id())).isEqualTo("REQUESTED");
    assertThat(version(c.id())).isZero();

    for (String group : List.of("waiting", "with_us", "closed", "all")) {
      Document inbox = stranger.get("/vcs/referrals?status=" + group).document();
      assertThat(inbox.select("[data-testid=inbox-row]")).isEmpty();
      assertThat(inbox.html()).doesNotContain(c.shared().name());
    }
    assertThat(stranger.get("/vcs/referrals?status=all&service=" + f.befriendingId).body())
        .doesNotContain(c.shared().name());
    assertThat(stranger.get("/vcs/services").document().select("[data-testid=service-now]"))
        .isEmpty();

    assertThat(
            audit
                .search(
                    new AuditQuery(
                        other.coordinator().email(), null, "CONNECTION_READ", null, null, 0, 10))
                .events())
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(e.recordId()).isEqualTo(c.id().toString());
            });
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        other.coordinator().email(), null, "CONNECTION_CHANGE", null, null, 0, 20))
                .events())
        .hasSizeGreaterThanOrEqualTo(6)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED));
  }

  @Test
  void aLinkWorkerIsRefusedTheVcsPortal() {
    Connection c = f.refer();
    WebSession lw = f.demoLinkWorker();
    assertThat(lw.get("/vcs/referrals").status()).isEqualTo(403);
    assertThat(lw.get("/vcs/referrals/" + c.id()).status()).isEqualTo(403);
    assertThat(lw.get("/vcs/services").status()).isEqualTo(403);
    assertThat(lw.post("/vcs/referrals/" + c.id() + "/accept", form("version", "0")).status())
        .isEqualTo(403);
    assertThat(status(c.id())).isEqualTo("REQUESTED");
  }

  @Test
  void theServiceFiguresCountCraftedReferrals() {
    VcsPortalFixture.Vcs vcs = f.newVcs();
    UUID holder = vcs.organisation().id();
    Map<String, Integer> capacities = new LinkedHashMap<>();
    capacities.put("Allotment friends", 12);
    capacities.put("Book club", null);
    List<UUID> services = f.services(imports, holder, capacities);
    UUID allotment = services.get(0);
    UUID bookClub = services.get(1);

    LocalDate today = LocalDate.now(LONDON);
    LocalDate base = WorkingDays.minus(today, 20);
    Instant sent = base.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant();
    LocalDate due = WorkingDays.plus(base, 7);
    Instant longAgo = today.minusDays(200).atTime(LocalTime.NOON).atZone(LONDON).toInstant();
    UUID pcn = UUID.randomUUID();
    UUID lw = UUID.randomUUID();
    String name = "Allotment friends";
    // Waiting, past its answer-by date: overdue, due and not answered.
    f.craft(pcn, lw, holder, allotment, name, ConnectionStatus.REQUESTED, sent, due, null);
    // Waiting, sent today.
    f.craft(
        pcn,
        lw,
        holder,
        allotment,
        name,
        ConnectionStatus.REQUESTED,
        Instant.now(),
        WorkingDays.plus(today, 7),
        null);
    // Answered in 2, 4 and 9 working days; the last late and declined.
    f.craft(
        pcn, lw, holder, allotment, name, ConnectionStatus.ACCEPTED, sent, due, answered(base, 2));
    f.craft(
        pcn,
        lw,
        holder,
        allotment,
        name,
        ConnectionStatus.IN_PROGRESS,
        sent,
        due,
        answered(base, 4));
    f.craft(
        pcn, lw, holder, allotment, name, ConnectionStatus.REJECTED, sent, due, answered(base, 9));
    // Cancelled before it was answered: received, never due.
    f.craft(pcn, lw, holder, allotment, name, ConnectionStatus.CANCELLED, sent, due, null);
    // Sent long ago: on hold counts as with the service now, completed counts nowhere.
    f.craft(
        pcn,
        lw,
        holder,
        allotment,
        name,
        ConnectionStatus.ON_HOLD,
        longAgo,
        WorkingDays.plus(today.minusDays(200), 7),
        longAgo.plusSeconds(86_400));
    f.craft(
        pcn,
        lw,
        holder,
        allotment,
        name,
        ConnectionStatus.COMPLETED,
        longAgo,
        WorkingDays.plus(today.minusDays(200), 7),
        longAgo.plusSeconds(86_400));
    // Another organisation's referral to nobody here.
    f.craft(
        pcn,
        lw,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Elsewhere",
        ConnectionStatus.REQUESTED,
        sent,
        due,
        null);

    WebSession session = f.signedIn(vcs.coordinator());
    Document page = session.get("/vcs/services").document();
    Element now = page.selectFirst("[data-testid=service-now][data-service=" + allotment + "]");
    assertThat(now.select("th[scope=row]").text()).isEqualTo("Allotment friends");
    assertThat(now.select("[data-testid=capacity]").text()).isEqualTo("12");
    assertThat(now.select("[data-testid=with-us]").text()).isEqualTo("3");
    assertThat(now.select("[data-testid=waiting]").text()).isEqualTo("2");
    assertThat(now.select("[data-testid=overdue]").text()).isEqualTo("1");
    Element period =
        page.selectFirst("[data-testid=service-period][data-service=" + allotment + "]");
    assertThat(period.select("[data-testid=received]").text()).isEqualTo("6");
    assertThat(period.select("[data-testid=answered]").text()).isEqualTo("3");
    assertThat(period.select("[data-testid=median]").text()).isEqualTo("4");
    assertThat(period.select("[data-testid=in-time]").text()).isEqualTo("50% (2 of 4)");
    assertThat(period.select("[data-testid=accepted]").text()).isEqualTo("2");
    assertThat(period.select("[data-testid=declined]").text()).isEqualTo("1");

    Element none = page.selectFirst("[data-testid=service-now][data-service=" + bookClub + "]");
    assertThat(none.select("[data-testid=capacity]").text()).isEqualTo("Not set");
    assertThat(none.select("[data-testid=with-us]").text()).isEqualTo("0");
    Element nonePeriod =
        page.selectFirst("[data-testid=service-period][data-service=" + bookClub + "]");
    assertThat(nonePeriod.select("[data-testid=median]").text()).isEqualTo("None answered");
    assertThat(nonePeriod.select("[data-testid=in-time]").text()).isEqualTo("None due yet");
    assertThat(page.select("[data-testid=service-now]")).hasSize(2);
    assertThat(page.select("table caption")).hasSize(2);
    assertThat(page.select("thead th[scope=col]")).isNotEmpty();

    // The inbox: waiting first by deadline, the overdue one tagged.
    Document inbox = session.get("/vcs/referrals?status=waiting").document();
    assertThat(inbox.select("[data-testid=inbox-row]")).hasSize(2);
    assertThat(inbox.select("[data-testid=inbox-row]").get(0).select("[data-testid=overdue]"))
        .hasSize(1);
    assertThat(inbox.select("[data-testid=inbox-row]").get(1).select("[data-testid=overdue]"))
        .isEmpty();
    assertThat(
            session.get("/vcs/referrals?status=all").document().select("[data-testid=inbox-row]"))
        .hasSize(8);
    assertThat(
            session
                .get("/vcs/referrals?status=all&service=" + bookClub)
                .document()
                .select("[data-testid=inbox-row]"))
        .isEmpty();
  }

  private static Instant answered(LocalDate base, int workingDays) {
    return WorkingDays.plus(base, workingDays)
        .atTime(LocalTime.of(15, 0))
        .atZone(LONDON)
        .toInstant();
  }

  @Test
  void theInboxPagesTwentyFiveAtATime() {
    VcsPortalFixture.Vcs vcs = f.newVcs();
    UUID holder = vcs.organisation().id();
    UUID service = UUID.randomUUID();
    LocalDate today = LocalDate.now(LONDON);
    for (int i = 0; i < 27; i++) {
      f.craft(
          UUID.randomUUID(),
          UUID.randomUUID(),
          holder,
          service,
          "Chair yoga",
          ConnectionStatus.ACCEPTED,
          Instant.now().minusSeconds(60L * i),
          WorkingDays.plus(today, 5),
          Instant.now());
    }
    WebSession session = f.signedIn(vcs.coordinator());
    Document first = session.get("/vcs/referrals?status=with_us").document();
    assertThat(first.select("[data-testid=inbox-row]")).hasSize(25);
    assertThat(first.select("caption").text()).contains("27 referrals", "page 1 of 2");
    assertThat(first.select(".nhsuk-pagination__link--next").attr("href"))
        .isEqualTo("/vcs/referrals?status=with_us&page=1");
    Document second = session.get("/vcs/referrals?status=with_us&page=1").document();
    assertThat(second.select("[data-testid=inbox-row]")).hasSize(2);
  }

  @Test
  void aLinkWorkerSeesTheirOpenConnectionsAndAManagerEveryOne() {
    Connection mine = f.refer();
    org.waymark.identity.UserAccount colleague =
        org.waymark.support.TestUsers.create(identity, f.pcnId, Role.LINK_WORKER);
    UUID theirs =
        f.craft(
            f.pcnId,
            colleague.id(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "Walking group",
            ConnectionStatus.REQUESTED,
            Instant.now().minusSeconds(3600),
            LocalDate.now(LONDON).minusDays(1),
            null);

    WebSession lw = f.demoLinkWorker();
    WebSession.Page page = lw.get("/connections");
    assertThat(page.status()).isEqualTo(200);
    assertThat(lists(lw, "/connections", mine.id())).isTrue();
    assertThat(lists(lw, "/connections", theirs)).isFalse();
    // Asking for a colleague's changes nothing for a link worker.
    assertThat(lists(lw, "/connections?worker=" + colleague.id(), theirs)).isFalse();
    Element row =
        lw.get("/connections").document().selectFirst("[data-connection=" + mine.id() + "]");
    if (row != null) {
      assertThat(row.select("a").attr("href")).isEqualTo("/connections/" + mine.id());
      assertThat(row.text()).contains("Befriending visits", "Waiting for an answer");
    }
    assertThat(lists(lw, "/connections?status=accepted", mine.id())).isFalse();

    WebSession other = f.signedIn(colleague);
    Document theirsPage = other.get("/connections").document();
    assertThat(theirsPage.select("[data-connection=" + theirs + "]").text())
        .contains("No answer — overdue");
    assertThat(lists(other, "/connections", mine.id())).isFalse();

    WebSession manager =
        f.signedIn(
            org.waymark.support.DemoAccounts.email(Role.SERVICE_MANAGER),
            org.waymark.support.DemoAccounts.PASSWORD,
            f.pcnId,
            Role.SERVICE_MANAGER);
    assertThat(lists(manager, "/connections", mine.id())).isTrue();
    assertThat(lists(manager, "/connections", theirs)).isTrue();
    assertThat(lists(manager, "/connections?worker=" + colleague.id(), theirs)).isTrue();
    assertThat(lists(manager, "/connections?worker=" + colleague.id(), mine.id())).isFalse();

    // Closed connections leave the list.
    jdbc.sql("UPDATE connection SET status = 'COMPLETED' WHERE id = ?").param(theirs).update();
    assertThat(lists(manager, "/connections", theirs)).isFalse();
  }
}
