package org.waymark.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Interviews against the study's events and windows: due, overdue, missed, retention, the consent
 * each needs, and withdrawal removing what was not analysed.
 */
@WaymarkIntegrationTest
class FieldworkIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired Studies studies;
  @Autowired Participants participants;
  @Autowired Fieldwork fieldwork;

  UserAccount chief;
  UserAccount dataManager;
  UserAccount outsider;
  UUID studyId;
  UUID site;
  UUID patients;
  UUID first;
  UUID followUp;
  UUID form;
  LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  @BeforeEach
  void setUp() {
    Organisation university =
        identity.createOrganisation(
            OrganisationType.UNIVERSITY, "University " + UUID.randomUUID(), null, null, null);
    chief = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    outsider = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    dataManager = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    TestUsers.as(
        chief,
        () -> {
          studyId =
              studies
                  .create(
                      new StudyDetails(
                          "Follow-up study",
                          "FU" + (System.nanoTime() % 100000),
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          null))
                  .id();
          site = studies.addSite(studyId, "S01", "Aire Valley", null).id();
          patients = studies.addGroup(studyId, "P", "Patients").id();
          UUID wp =
              studies.addWorkPackage(studyId, "WP2", "Follow-up interviews", null, null, null).id();
          first = studies.addEvent(studyId, wp, "First interview", null, 0, 0).id();
          followUp = studies.addEvent(studyId, wp, "Follow-up interview", first, 9, 12).id();
          form =
              participants
                  .addDocument(
                      studyId,
                      null,
                      "1.0",
                      today.minusYears(2),
                      Set.of(ConsentItem.INTERVIEW, ConsentItem.AUDIO_RECORDING),
                      Set.of(ConsentItem.INTERVIEW))
                  .id();
          return null;
        });
    TestUsers.as(
        chief,
        () -> {
          studies.putMember(studyId, dataManager.id(), StudyRole.DATA_MANAGER, null, null);
          return null;
        });
  }

  Participant consented(String name, LocalDate on, Set<ConsentItem> agreed) {
    Participant p =
        TestUsers.as(
            dataManager, () -> participants.add(studyId, site, patients, name, null, null, null));
    return TestUsers.as(
        chief, () -> participants.recordConsent(studyId, p.id(), p.version(), form, on, agreed));
  }

  Interview interview(Participant p, UUID event, LocalDate on, Recording recording) {
    return TestUsers.as(
        chief,
        () ->
            fieldwork.recordInterview(
                studyId, p.id(), event, on, InterviewMode.PHONE, 45, recording, Transcript.TO_DO));
  }

  @Test
  void eventsFallDueInTheirWindowsAndRetentionIsCounted() {
    Participant a =
        consented(
            "A", today.minusMonths(11), Set.of(ConsentItem.INTERVIEW, ConsentItem.AUDIO_RECORDING));
    Participant b = consented("B", today.minusMonths(14), Set.of(ConsentItem.INTERVIEW));
    Participant fresh = consented("C", today, Set.of(ConsentItem.INTERVIEW));
    Participant declined = consented("D", today, Set.of());
    assertThat(declined.status()).isEqualTo(ParticipantStatus.DECLINED);

    // Consent decides what can be recorded.
    assertThatThrownBy(() -> interview(b, first, today.minusMonths(13), Recording.RECORDED))
        .isInstanceOfSatisfying(
            ResearchValidationException.class,
            e ->
                assertThat(e.problems().get("recording"))
                    .isEqualTo("They did not consent to audio recording"));
    assertThatThrownBy(() -> interview(a, followUp, today, Recording.NOT_RECORDED))
        .isInstanceOfSatisfying(
            ResearchValidationException.class,
            e -> assertThat(e.problems().get("eventId")).contains("first interview"));
    assertThatThrownBy(() -> interview(declined, first, today, Recording.NOT_RECORDED))
        .isInstanceOf(ResearchValidationException.class);

    interview(a, first, today.minusMonths(10), Recording.RECORDED);
    interview(b, first, today.minusMonths(13), Recording.NOT_RECORDED);

    var due = TestUsers.as(chief, () -> fieldwork.due(studyId));
    assertThat(due)
        .anySatisfy(
            d -> {
              assertThat(d.studyCode()).isEqualTo(a.studyCode());
              assertThat(d.eventName()).isEqualTo("Follow-up interview");
              assertThat(d.state()).isEqualTo(DueEvent.State.DUE);
              assertThat(d.opensOn()).isEqualTo(today.minusMonths(10).plusMonths(9));
              assertThat(d.closesOn()).isEqualTo(today.minusMonths(10).plusMonths(12));
            });
    assertThat(due)
        .anySatisfy(
            d -> {
              assertThat(d.studyCode()).isEqualTo(b.studyCode());
              assertThat(d.state()).isEqualTo(DueEvent.State.MISSED);
            });
    assertThat(due)
        .anySatisfy(
            d -> {
              assertThat(d.studyCode()).isEqualTo(fresh.studyCode());
              assertThat(d.eventName()).isEqualTo("First interview");
              assertThat(d.state()).isEqualTo(DueEvent.State.DUE);
            });
    assertThat(due).noneMatch(d -> d.studyCode().equals(declined.studyCode()));

    Retention before = TestUsers.as(chief, () -> fieldwork.retention(studyId)).get(0);
    assertThat(before)
        .isEqualTo(new Retention("Follow-up interview", "First interview", 2, 0, 1, 0));
    interview(a, followUp, today, Recording.RECORDED);
    Retention after = TestUsers.as(chief, () -> fieldwork.retention(studyId)).get(0);
    assertThat(after.done()).isEqualTo(1);

    WebSession s = new WebSession(port);
    s.signIn(chief.email(), TestUsers.PASSWORD);
    Document page = s.get("/studies/" + studyId + "/follow-ups").document();
    assertThat(page.select("[data-retention='Follow-up interview']").text()).contains("1 of 2");
    assertThat(page.select("[data-state=MISSED]").text()).contains(b.studyCode());
    Document participantPage = s.get("/studies/" + studyId + "/participants/" + a.id()).document();
    assertThat(participantPage.select("[data-interview]").eachAttr("data-interview"))
        .containsExactly("First interview", "Follow-up interview");

    // Progress: three consented (the declined one is not counted), interviews against those
    // eligible.
    TestUsers.as(
        chief,
        () -> {
          studies.setTargets(studyId, java.util.Map.of(site, java.util.Map.of(patients, "10")));
          return null;
        });
    Document progress = s.get("/studies/" + studyId + "/progress").document();
    assertThat(progress.select("[data-testid=recruited-total]").text())
        .isEqualTo("3 consented of a target of 10");
    assertThat(progress.select("[data-site=S01]").text()).contains("3 of 10");
    assertThat(progress.select("[data-event='First interview']").text()).contains("2 of 3");
    assertThat(progress.select("[data-event='Follow-up interview']").text()).contains("1 of 2");
    assertThat(progress.select("[data-testid=retention]").text())
        .contains("1 of 2 seen again (1 missed, 0 withdrew)");

    WebSession other = new WebSession(port);
    other.signIn(outsider.email(), TestUsers.PASSWORD);
    assertThat(other.get("/studies/" + studyId + "/follow-ups").status()).isEqualTo(403);
    assertThat(other.get("/studies/" + studyId + "/progress").status()).isEqualTo(403);
  }

  @Test
  void withdrawalRemovesInterviewsNotYetAnalysedAndStopsTheDueList() {
    Participant c = consented("C", today.minusMonths(13), Set.of(ConsentItem.INTERVIEW));
    Interview firstOne = interview(c, first, today.minusMonths(12), Recording.NOT_RECORDED);
    TestUsers.as(
        chief,
        () -> {
          fieldwork.updateProgress(
              studyId,
              firstOne.id(),
              firstOne.version(),
              Recording.NOT_RECORDED,
              Transcript.CHECKED,
              true);
          return null;
        });
    interview(c, followUp, today.minusDays(3), Recording.NOT_RECORDED);
    Participant now = TestUsers.as(chief, () -> participants.find(studyId, c.id()));
    TestUsers.as(
        chief,
        () -> {
          participants.withdraw(
              studyId, c.id(), now.version(), Withdrawal.REMOVE_UNANALYSED_DATA, today, null);
          return null;
        });
    assertThat(TestUsers.as(chief, () -> fieldwork.interviews(studyId, c.id())))
        .extracting(Interview::eventId)
        .containsExactly(first);
    assertThat(TestUsers.as(chief, () -> fieldwork.due(studyId)))
        .noneMatch(d -> d.participantId().equals(c.id()));
    assertThat(TestUsers.as(chief, () -> fieldwork.retention(studyId)).get(0).withdrawn())
        .isEqualTo(1);
    assertThatThrownBy(() -> interview(c, followUp, today, Recording.NOT_RECORDED))
        .isInstanceOf(ResearchValidationException.class);
  }

  @Test
  void observationPeriodsAreRecordedWithTheirHours() {
    WebSession s = new WebSession(port);
    s.signIn(chief.email(), TestUsers.PASSWORD);
    String page = "/studies/" + studyId + "/observations";
    Document bad =
        s.post(
                page,
                org.waymark.connection.ConnectionFixture.form(
                    "siteId", site.toString(), "hours", "lots"))
            .document();
    assertThat(bad.select(".nhsuk-error-summary__list a").eachText())
        .contains(
            "Enter the first day of the observation", "Enter the hours observed, for example 37.5");
    LocalDate start = today.minusDays(20);
    LocalDate end = today.minusDays(1);
    assertThat(
            s.post(
                    page,
                    org.waymark.connection.ConnectionFixture.form(
                        "siteId",
                        site.toString(),
                        "hours",
                        "37.5",
                        "fieldNotes",
                        "FN-S01-01 to FN-S01-12",
                        "startsOnDay",
                        "" + start.getDayOfMonth(),
                        "startsOnMonth",
                        "" + start.getMonthValue(),
                        "startsOnYear",
                        "" + start.getYear(),
                        "endsOnDay",
                        "" + end.getDayOfMonth(),
                        "endsOnMonth",
                        "" + end.getMonthValue(),
                        "endsOnYear",
                        "" + end.getYear()))
                .status())
        .isEqualTo(302);
    assertThat(TestUsers.as(chief, () -> fieldwork.observations(studyId)))
        .singleElement()
        .satisfies(o -> assertThat(o.hours()).isEqualByComparingTo(new BigDecimal("37.5")));
    assertThat(s.get(page).document().select("[data-testid=observations]").text())
        .contains("FN-S01-01");
  }
}
