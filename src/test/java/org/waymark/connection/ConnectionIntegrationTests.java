package org.waymark.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waymark.connection.ConnectionFixture.as;
import static org.waymark.connection.ConnectionFixture.form;

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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseFile;
import org.waymark.casework.DischargeDraft;
import org.waymark.casework.Triage;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.notification.Notifications;
import org.waymark.person.Person;
import org.waymark.person.PersonManagement;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
@RecordApplicationEvents
class ConnectionIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired Connections connections;
  @Autowired Signposts signposts;
  @Autowired Notifications notifications;
  @Autowired CaseClosures closures;
  @Autowired PersonManagement people;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired ApplicationEvents events;

  ConnectionFixture f;
  CaseFile openCase;

  @BeforeEach
  void setUp() {
    f = new ConnectionFixture(identity, curation, port);
    openCase = f.openCase(referrals, triage, "Maureen", "Oakley");
  }

  String service() {
    return f.waymarkService.id().toString();
  }

  @Test
  void previewShowsExactlyWhatWillBeSharedAndSendingStoresTheReferral() {
    WebSession lw = f.signedIn(f.linkWorker);
    WebSession.Page casePage = lw.get("/cases/" + openCase.id() + "/connections");
    assertThat(casePage.status()).as(casePage.body()).isEqualTo(200);
    Document suggestions = casePage.document();
    assertThat(suggestions.select("[data-testid=no-connections]")).hasSize(1);
    Document form =
        lw.get("/cases/" + openCase.id() + "/connections/new?service=" + service()).document();
    assertThat(form.select("#contact").text()).contains("07700 900555");
    assertThat(form.select("[data-testid=method]").text()).contains("answers referrals in Waymark");

    var fields =
        form(
            "serviceId", service(),
            "needs", "LONELINESS",
            "contact", "Mobile 07700 900555, mornings",
            "whatMatters", "Getting out of the house",
            "mustKnow", "Uses a walking stick",
            "consentGiven", "true");
    Document preview =
        lw.post("/cases/" + openCase.id() + "/connections/preview", fields).document();
    String shared = preview.select("[data-testid=shared]").text();
    assertThat(shared)
        .contains("Maureen Oakley")
        .contains("Mobile 07700 900555, mornings")
        .contains("Loneliness")
        .contains("Getting out of the house")
        .contains("Uses a walking stick")
        .contains("that these details are shared with " + f.waymarkService.details().name())
        .doesNotContain("1961")
        .doesNotContain("12 Test Street");
    assertThat(connections(openCase)).isZero();

    WebSession.Page sent = lw.post("/cases/" + openCase.id() + "/connections", fields);
    assertThat(sent.status()).isEqualTo(302);
    UUID id = UUID.fromString(sent.location().replaceAll(".*/connections/", ""));
    Connection c = as(f.linkWorker, () -> connections.find(id));
    assertThat(c.status()).isEqualTo(ConnectionStatus.REQUESTED);
    assertThat(c.method()).isEqualTo(ConnectionMethod.WAYMARK);
    assertThat(c.serviceHolderId()).isEqualTo(f.vcs.id());
    assertThat(c.answerDueOn())
        .isEqualTo(WorkingDays.plus(LocalDate.now(ZoneId.of("Europe/London")), 10));
    assertThat(c.shared().mustKnow()).isEqualTo("Uses a walking stick");
    assertThat(audited(c).stream().map(AuditEvent::action)).contains("CONNECTION_CREATED");

    Document page = lw.get("/connections/" + id).document();
    assertThat(page.select("[data-testid=status]").text()).isEqualTo("Waiting for an answer");
    assertThat(page.select("[data-testid=history]").text()).contains("Sent through Waymark");
    Document list = lw.get("/cases/" + openCase.id() + "/connections").document();
    assertThat(list.select("[data-testid=connection-row]").text())
        .contains(f.waymarkService.details().name())
        .contains("Waiting for an answer");
  }

  @Test
  void aReferralWithProblemsListsEveryOneAndStoresNothing() {
    WebSession lw = f.signedIn(f.linkWorker);
    Document page =
        lw.post(
                "/cases/" + openCase.id() + "/connections/preview",
                form("serviceId", service(), "contact", " "))
            .document();
    assertThat(page.select(".nhsuk-error-summary__list li").eachText())
        .containsExactlyInAnyOrder(
            "Select what the referral is for",
            "Enter how the service should contact them",
            "Confirm that the person agrees that these details are shared with the service");
    WebSession.Page sent =
        lw.post(
            "/cases/" + openCase.id() + "/connections",
            form("serviceId", service(), "needs", "LONELINESS", "contact", "Phone"));
    assertThat(sent.status()).isEqualTo(200);
    assertThat(connections(openCase)).isZero();
  }

  @Test
  void theLinkWorkerCancelsWithAReasonButCannotAnswerForAServiceThatAnswersInWaymark() {
    Connection c = f.refer(connections, openCase, f.waymarkService.id());
    WebSession lw = f.signedIn(f.linkWorker);
    String path = "/connections/" + c.id() + "/status";
    Document page = lw.get("/connections/" + c.id()).document();
    assertThat(page.select("[data-testid=cancel-form]")).hasSize(1);
    assertThat(page.select("[data-testid=answer-form]")).isEmpty();

    WebSession.Page accept = lw.post(path, form("to", "ACCEPTED", "version", "0"));
    assertThat(accept.status()).isEqualTo(403);

    Document noReason = lw.post(path, form("to", "CANCELLED", "version", "0")).document();
    assertThat(noReason.select(".nhsuk-error-summary__list").text()).contains("Select a reason");

    WebSession.Page cancelled =
        lw.post(path, form("to", "CANCELLED", "reason", "NO_LONGER_NEEDED", "version", "0"));
    assertThat(cancelled.status()).isEqualTo(302);
    Connection now = as(f.linkWorker, () -> connections.find(c.id()));
    assertThat(now.status()).isEqualTo(ConnectionStatus.CANCELLED);
    assertThat(now.statusReason()).isEqualTo(StatusReason.NO_LONGER_NEEDED);
  }

  @Test
  void forAServiceReferredByEmailTheLinkWorkerRecordsItsAnswersThroughToCompletion() {
    Connection c = f.refer(connections, openCase, f.emailService.id());
    assertThat(c.method()).isEqualTo(ConnectionMethod.EMAIL);
    WebSession lw = f.signedIn(f.linkWorker);
    String base = "/connections/" + c.id();
    assertThat(lw.get(base).document().select("[data-testid=answer-form]")).hasSize(1);

    assertThat(lw.post(base + "/status", form("to", "ACCEPTED", "version", "0")).status())
        .isEqualTo(302);
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    WebSession.Page attended =
        lw.post(
            base + "/attendance",
            form(
                "firstSessionOnDay", Integer.toString(today.getDayOfMonth()),
                "firstSessionOnMonth", Integer.toString(today.getMonthValue()),
                "firstSessionOnYear", Integer.toString(today.getYear()),
                "sessionsAttended", "3",
                "version", "1"));
    assertThat(attended.status()).isEqualTo(302);
    Connection attending = as(f.linkWorker, () -> connections.find(c.id()));
    assertThat(attending.status()).isEqualTo(ConnectionStatus.IN_PROGRESS);
    assertThat(attending.sessionsAttended()).isEqualTo(3);

    assertThat(
            lw.post(
                    base + "/status",
                    form("to", "COMPLETED", "outcome", "Joined the Tuesday walks", "version", "2"))
                .status())
        .isEqualTo(302);
    Document done = lw.get(base).document();
    assertThat(done.select("[data-testid=status]").text()).isEqualTo("Completed");
    assertThat(done.select("[data-testid=outcome]").text()).isEqualTo("Joined the Tuesday walks");
    assertThat(done.select("[data-testid=history]").text())
        .contains("Recorded by the link worker for the service");
    assertThat(done.select("[data-testid=answer-form]")).isEmpty();
  }

  @Test
  void illegalMovesAndStaleVersionsAreRefusedAndNothingChanges() {
    Connection c = f.refer(connections, openCase, f.emailService.id());
    assertThatThrownBy(
            () ->
                as(
                    f.linkWorker,
                    () ->
                        connections.change(
                            c.id(),
                            0,
                            new ConnectionChange(ConnectionStatus.COMPLETED, null, null, null))))
        .isInstanceOf(ConnectionValidationException.class)
        .satisfies(
            e ->
                assertThat(((ConnectionValidationException) e).problems())
                    .containsEntry("to", "connection.status.notAllowed"));
    WebSession lw = f.signedIn(f.linkWorker);
    Document stale =
        lw.post("/connections/" + c.id() + "/status", form("to", "ACCEPTED", "version", "7"))
            .document();
    assertThat(stale.text()).contains("changed by someone else");
    assertThat(as(f.linkWorker, () -> connections.find(c.id())).status())
        .isEqualTo(ConnectionStatus.REQUESTED);
    assertThatThrownBy(
            () ->
                as(
                    f.linkWorker,
                    () ->
                        connections.change(
                            c.id(),
                            0,
                            new ConnectionChange(
                                ConnectionStatus.REJECTED,
                                StatusReason.DID_NOT_ATTEND,
                                null,
                                null))))
        .isInstanceOf(ConnectionValidationException.class);
  }

  @Test
  void otherLinkWorkersReferrersAndTheServiceCannotReachTheLinkWorkersPages() {
    Connection c = f.refer(connections, openCase, f.waymarkService.id());
    String page = "/connections/" + c.id();
    assertThat(f.signedIn(f.otherLinkWorker).get(page).status()).isEqualTo(403);
    assertThat(f.signedIn(f.referrer).get(page).status()).isEqualTo(403);
    assertThat(f.signedIn(f.coordinator).get(page).status()).isEqualTo(403);
    assertThat(
            f.signedIn(f.otherLinkWorker)
                .post(
                    page + "/status",
                    form("to", "CANCELLED", "reason", "SENT_IN_ERROR", "version", "0"))
                .status())
        .isEqualTo(403);
    assertThat(
            f.signedIn(f.otherLinkWorker)
                .get("/cases/" + openCase.id() + "/connections/new?service=" + service())
                .status())
        .isEqualTo(403);
    assertThat(f.signedIn(f.manager).get(page).status()).isEqualTo(200);
    List<AuditEvent> refused =
        audit.search(new AuditQuery(null, c.personId(), null, null, null, 0, 200)).events().stream()
            .filter(e -> e.outcome() == AuditOutcome.REFUSED)
            .toList();
    assertThat(refused).isNotEmpty();
  }

  @Test
  void theReferrerLearnsOnlyThatThePersonWasConnected() {
    Connection c = f.refer(connections, openCase, f.waymarkService.id());
    WebSession referrer = f.signedIn(f.referrer);
    String referralPage = "/referrals/" + openCase.referralId();
    assertThat(referrer.get(referralPage).document().select("[data-testid=connected]")).isEmpty();
    as(
        f.coordinator,
        () ->
            connections.change(
                c.id(), 0, new ConnectionChange(ConnectionStatus.ACCEPTED, null, null, null)));
    Document page = referrer.get(referralPage).document();
    assertThat(page.select("[data-testid=connected]").text())
        .contains("Connected to community support since");
    assertThat(page.text()).doesNotContain(f.waymarkService.details().name());
  }

  @Test
  void signpostingIsRecordedWithEveryProblemListedAtOnce() {
    WebSession lw = f.signedIn(f.linkWorker);
    String base = "/cases/" + openCase.id() + "/signposts";
    Document bad =
        lw.post(
                base,
                form(
                    "serviceId", service(),
                    "information", "",
                    "givenOnDay", "31",
                    "givenOnMonth", "2",
                    "givenOnYear", "2026"))
            .document();
    assertThat(bad.select(".nhsuk-error-summary__list li").eachText())
        .containsExactlyInAnyOrder(
            "Enter what information you gave", "The date must be a real date");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    WebSession.Page ok =
        lw.post(
            base,
            form(
                "serviceId", service(),
                "information", "Gave the leaflet and the Tuesday times",
                "givenOnDay", Integer.toString(today.getDayOfMonth()),
                "givenOnMonth", Integer.toString(today.getMonthValue()),
                "givenOnYear", Integer.toString(today.getYear())));
    assertThat(ok.status()).isEqualTo(302);
    assertThat(
            lw.get("/cases/" + openCase.id() + "/connections")
                .document()
                .select("[data-testid=signposts]")
                .text())
        .contains("Gave the leaflet and the Tuesday times");
  }

  @Test
  void eachStepPublishesAnEventForOutcomesFollowUpAndReporting() {
    Connection c = f.refer(connections, openCase, f.waymarkService.id());
    as(
        f.coordinator,
        () ->
            connections.change(
                c.id(), 0, new ConnectionChange(ConnectionStatus.ACCEPTED, null, null, null)));
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    as(f.coordinator, () -> connections.recordAttendance(c.id(), 1, today, 2));
    as(
        f.coordinator,
        () ->
            connections.change(
                c.id(),
                2,
                new ConnectionChange(ConnectionStatus.COMPLETED, null, null, "Six visits")));
    as(
        f.linkWorker,
        () -> signposts.record(openCase.id(), f.emailService.id(), "Gave the leaflet", today));
    assertThat(
            events.stream(ConnectionRequested.class).filter(e -> e.connectionId().equals(c.id())))
        .singleElement()
        .satisfies(e -> assertThat(e.needs()).containsExactly("LONELINESS"));
    assertThat(
            events.stream(ConnectionStatusChanged.class)
                .filter(e -> e.connectionId().equals(c.id()))
                .map(ConnectionStatusChanged::to))
        .containsExactly(
            ConnectionStatus.ACCEPTED, ConnectionStatus.IN_PROGRESS, ConnectionStatus.COMPLETED);
    assertThat(events.stream(AttendanceRecorded.class).filter(e -> e.connectionId().equals(c.id())))
        .singleElement()
        .satisfies(e -> assertThat(e.sessionsAttended()).isEqualTo(2));
    assertThat(events.stream(PersonSignposted.class).filter(e -> e.caseId().equals(openCase.id())))
        .hasSize(1);
  }

  @Test
  void theDischargeSummaryListsTheServicesThePersonWasConnectedTo() {
    Connection c = f.refer(connections, openCase, f.waymarkService.id());
    as(
        f.coordinator,
        () ->
            connections.change(
                c.id(), 0, new ConnectionChange(ConnectionStatus.ACCEPTED, null, null, null)));
    as(
        f.linkWorker,
        () ->
            signposts.record(
                openCase.id(),
                f.emailService.id(),
                "Gave the times",
                LocalDate.now(ZoneId.of("Europe/London"))));
    DischargeDraft draft = as(f.linkWorker, () -> closures.draft(openCase.id(), "GOALS_MET", null));
    assertThat(draft.text())
        .contains("Connections to services\n" + f.waymarkService.details().name() + ": referred ")
        .contains(", accepted")
        .contains(f.emailService.details().name() + ": signposted ")
        .doesNotContain("Connections to services\nNone recorded");
  }

  @Test
  void aServiceThatTakesNoReferralsIsSignpostedToInsteadNeverAFailure() {
    var signpostOnly =
        as(
            f.coordinator,
            () ->
                curation.createListing(
                    f.vcs.id(),
                    org.waymark.directory.ListingDetails.named("Drop-in café", "Come along")));
    WebSession lw = f.signedIn(f.linkWorker);
    String base = "/cases/" + openCase.id() + "/connections";
    WebSession.Page opened = lw.get(base + "/new?service=" + signpostOnly.id());
    assertThat(opened.status()).isEqualTo(302);
    assertThat(lw.get(base).document().text())
        .contains("This service does not take referrals: signpost the person to it instead.");
    WebSession.Page posted =
        lw.post(
            base,
            form(
                "serviceId", signpostOnly.id().toString(),
                "needs", "LONELINESS",
                "contact", "Phone",
                "consentGiven", "true"));
    assertThat(posted.status()).isEqualTo(302);
    assertThat(connections(openCase)).isZero();
    assertThat(lw.post(base + "/preview", form("serviceId", "not-a-service")).status())
        .isEqualTo(404);
  }

  @Test
  void closingACaseNamesTheReferralsStillOpen() {
    f.refer(connections, openCase, f.waymarkService.id());
    Document close = f.signedIn(f.linkWorker).get("/cases/" + openCase.id() + "/close").document();
    assertThat(close.select("[data-testid=open-connections]").text())
        .contains(f.waymarkService.details().name() + " (waiting for an answer)");
  }

  @Test
  void mergingTwoPeopleMovesTheirConnections() {
    CaseFile other = f.openCase(referrals, triage, "Maureen", "Oakly");
    Connection c = f.refer(connections, other, f.waymarkService.id());
    Person kept = as(f.manager, () -> people.find(openCase.personId()));
    Person merged = as(f.manager, () -> people.find(other.personId()));
    as(f.manager, () -> people.merge(kept.id(), kept.version(), merged.id(), merged.version()));
    assertThat(
            jdbc.sql("SELECT person_id FROM connection WHERE id = ?")
                .param(c.id())
                .query(UUID.class)
                .single())
        .isEqualTo(kept.id());
  }

  @Test
  void theServiceIsToldOfANewReferralAndTheLinkWorkerOfItsAnswerWithoutHealthDetailsInEmails() {
    Connection c = f.refer(connections, openCase, f.waymarkService.id());
    String name = f.waymarkService.details().name();
    assertThat(notifications.inbox(f.coordinator.id(), 0, 10).notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.title()).isEqualTo("New referral to " + name);
              assertThat(n.link()).isEqualTo("/vcs/referrals/" + c.id());
            });
    List<String> emails =
        jdbc.sql(
                "SELECT subject || ' ' || body FROM notification_outbox WHERE recipient_user_id = ?")
            .param(f.coordinator.id())
            .query(String.class)
            .list();
    assertThat(emails)
        .singleElement()
        .satisfies(e -> assertThat(e).doesNotContain(name, "Maureen", "Oakley", "Loneliness"));

    as(
        f.coordinator,
        () ->
            connections.change(
                c.id(), 0, new ConnectionChange(ConnectionStatus.ACCEPTED, null, null, null)));
    assertThat(notifications.inbox(f.linkWorker.id(), 0, 10).notifications())
        .singleElement()
        .satisfies(n -> assertThat(n.title()).isEqualTo(name + ": referral accepted"));
    // What the link worker does themselves is not notified back to them.
    as(
        f.linkWorker,
        () ->
            connections.change(
                c.id(),
                1,
                new ConnectionChange(
                    ConnectionStatus.CANCELLED, StatusReason.NO_LONGER_NEEDED, null, null)));
    assertThat(notifications.unreadCount(f.linkWorker.id())).isEqualTo(1);
  }

  @Test
  void whatWeAgreedIsPrintableAndTextedOnlyByAWayThePersonAgreedTo() {
    f.refer(connections, openCase, f.waymarkService.id());
    WebSession lw = f.signedIn(f.linkWorker);
    String page = "/cases/" + openCase.id() + "/what-we-agreed";
    Document agreed = lw.get(page).document();
    assertThat(agreed.select("[data-testid=what-we-agreed]").text())
        .contains("Hello Maureen")
        .contains(f.waymarkService.details().name())
        .contains("We have asked them to contact you.");
    assertThat(agreed.select("[data-testid=send-form] button").eachText())
        .containsExactly("Text it to them");

    WebSession.Page refused = lw.post(page + "/send", form("channel", "EMAIL"));
    assertThat(lw.get(refused.location().replaceAll("^https?://[^/]+", "")).document().text())
        .contains("has not agreed to be contacted that way");
    assertThat(texts(openCase)).isEmpty();

    assertThat(lw.post(page + "/send", form("channel", "SMS")).status()).isEqualTo(302);
    assertThat(texts(openCase))
        .singleElement()
        .satisfies(
            t ->
                assertThat(t)
                    .contains("Hello Maureen")
                    .contains(f.waymarkService.details().name())
                    .doesNotContain("Loneliness")
                    .doesNotContain("walking stick"));
    assertThat(f.signedIn(f.otherLinkWorker).post(page + "/send", form("channel", "SMS")).status())
        .isEqualTo(403);
  }

  private List<String> texts(CaseFile c) {
    return jdbc.sql(
            "SELECT body FROM notification_outbox WHERE recipient_person_id = ? AND channel = 'SMS'")
        .param(c.personId())
        .query(String.class)
        .list();
  }

  private long connections(CaseFile c) {
    return jdbc.sql("SELECT count(*) FROM connection WHERE case_id = ?")
        .param(c.id())
        .query(Long.class)
        .single();
  }

  private List<AuditEvent> audited(Connection c) {
    return audit
        .search(new AuditQuery(null, c.personId(), null, null, null, 0, 200))
        .events()
        .stream()
        .filter(e -> c.id().toString().equals(e.recordId()))
        .toList();
  }
}
