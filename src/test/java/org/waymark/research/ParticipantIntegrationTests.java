package org.waymark.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Participants end to end: a link worker passes a person on with their agreement; the team sees a
 * study id, only the data manager the person; consent item by item, a newer form calling for
 * consent again; withdrawal removing contact details at once; every refusal.
 */
@WaymarkIntegrationTest
class ParticipantIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired Studies studies;
  @Autowired Participants participants;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  ConnectionFixture f;
  CaseFile openCase;
  UserAccount chief;
  UserAccount dataManager;
  UserAccount researcher;
  UserAccount otherStudyResearcher;
  UUID studyId;
  UUID patients;
  UUID vcsStaff;
  UUID site;

  @BeforeEach
  void setUp() {
    f = new ConnectionFixture(identity, curation, port);
    openCase = f.openCase(referrals, triage, "Harriet", "Quennell");
    Organisation university =
        identity.createOrganisation(
            OrganisationType.UNIVERSITY, "University " + UUID.randomUUID(), null, null, null);
    chief = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    dataManager = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    researcher = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    otherStudyResearcher = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    Study study =
        TestUsers.as(
            chief,
            () ->
                studies.create(
                    new StudyDetails(
                        "Connecting communities",
                        "CC" + (System.nanoTime() % 100000),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)));
    studyId = study.id();
    TestUsers.as(
        chief,
        () -> {
          studies.putMember(studyId, dataManager.id(), StudyRole.DATA_MANAGER, null, null);
          studies.putMember(studyId, researcher.id(), StudyRole.RESEARCHER, null, null);
          site = studies.addSite(studyId, "S03", null, f.pcn.id()).id();
          patients = studies.addGroup(studyId, "P", "Patients").id();
          vcsStaff = studies.addGroup(studyId, "V", "VCS staff").id();
          return null;
        });
    TestUsers.as(
        otherStudyResearcher,
        () ->
            studies.create(
                new StudyDetails(
                    "Another study",
                    "OTHER" + (System.nanoTime() % 100000),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null)));
  }

  WebSession signedIn(UserAccount user) {
    WebSession s = new WebSession(port);
    assertThat(s.signIn(user.email(), TestUsers.PASSWORD).status()).isEqualTo(302);
    return s;
  }

  static Map<String, String> form(String... pairs) {
    return ConnectionFixture.form(pairs);
  }

  @Test
  void aPersonPassedOnByTheirLinkWorkerIsSeenByTheTeamOnlyUnderTheirStudyId() {
    WebSession lw = f.signedIn(f.linkWorker);
    String casePage = "/cases/" + openCase.id() + "/studies";
    Document offered = lw.get(casePage).document();
    assertThat(offered.select("[data-study]").eachText())
        .anySatisfy(t -> assertThat(t).contains("Connecting communities"));

    Document notAgreed =
        lw.post(casePage, form("studyId", studyId.toString(), "groupId", patients.toString()))
            .document();
    assertThat(notAgreed.select(".nhsuk-error-summary__list").text())
        .contains("The person must agree to be contacted by the study team");
    assertThat(TestUsers.as(chief, () -> participants.list(studyId))).isEmpty();

    WebSession.Page passed =
        lw.post(
            casePage,
            form(
                "studyId",
                studyId.toString(),
                "groupId",
                patients.toString(),
                "agreed",
                "yes",
                "note",
                "Mornings are best"));
    assertThat(passed.status()).isEqualTo(302);
    assertThat(lw.get(casePage).document().select("[data-testid=success]").text())
        .contains("S03-P-001");
    Document again =
        lw.post(
                casePage,
                form(
                    "studyId", studyId.toString(), "groupId", patients.toString(), "agreed", "yes"))
            .document();
    assertThat(again.select(".nhsuk-error-summary__list").text())
        .contains("passed on to this study already");

    // The team sees the study id, never the person.
    String list = "/studies/" + studyId + "/participants";
    WebSession team = signedIn(researcher);
    Document seen = team.get(list).document();
    assertThat(seen.select("[data-participant]").eachAttr("data-participant"))
        .containsExactly("S03-P-001");
    assertThat(seen.text()).doesNotContain("Quennell").doesNotContain("Harriet");
    UUID pid = TestUsers.as(chief, () -> participants.list(studyId)).get(0).id();
    Document one = team.get(list + "/" + pid).document();
    assertThat(one.select("[data-testid=identity]")).isEmpty();
    assertThat(one.text()).doesNotContain("Quennell").doesNotContain("07700 900555");

    // The data manager sees who they are; the read is audited against the person.
    Document named = signedIn(dataManager).get(list + "/" + pid).document();
    assertThat(named.select("[data-testid=identity]").text())
        .contains("Harriet Quennell")
        .contains("07700 900555")
        .contains("Mornings are best");
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        null, openCase.personId(), "PARTICIPANT_IDENTITY_READ", null, null, 0, 5))
                .events())
        .hasSize(1);
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        null, openCase.personId(), "PARTICIPANT_PASSED_ON", null, null, 0, 5))
                .events())
        .hasSize(1);
  }

  @Test
  void consentIsRecordedItemByItemAndANewerFormCallsForItAgain() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    WebSession ci = signedIn(chief);
    String base = "/studies/" + studyId;
    assertThat(
            ci.postAll(
                    base + "/consent-documents",
                    java.util.List.of(
                        Map.entry("versionLabel", "1.0"),
                        Map.entry("approvedOnDay", "1"),
                        Map.entry("approvedOnMonth", "1"),
                        Map.entry("approvedOnYear", "2026"),
                        Map.entry("items", "INTERVIEW"),
                        Map.entry("items", "AUDIO_RECORDING"),
                        Map.entry("items", "ANONYMISED_QUOTES"),
                        Map.entry("essential", "INTERVIEW")))
                .status())
        .isEqualTo(302);
    Participant professional =
        TestUsers.as(
            dataManager,
            () ->
                participants.add(
                    studyId,
                    site,
                    vcsStaff,
                    "Pat Organiser",
                    "pat@example.org",
                    null,
                    "Volunteer manager"));
    Participant patient =
        TestUsers.as(
            dataManager,
            () ->
                participants.add(
                    studyId, site, patients, "Sam Example", null, "0113 496 0000", null));
    assertThat(professional.studyCode()).isEqualTo("S03-V-001");
    assertThat(patient.studyCode()).isEqualTo("S03-P-001");
    UUID v1 = TestUsers.as(chief, () -> participants.documents(studyId)).get(0).id();

    WebSession team = signedIn(researcher);
    String pPage = base + "/participants/" + patient.id();
    assertThat(
            team.postAll(
                    pPage + "/consent",
                    java.util.List.of(
                        Map.entry("version", Long.toString(patient.version())),
                        Map.entry("documentId", v1.toString()),
                        Map.entry("agreed", "INTERVIEW"),
                        Map.entry("agreed", "ANONYMISED_QUOTES"),
                        Map.entry("consentedOnDay", Integer.toString(today.getDayOfMonth())),
                        Map.entry("consentedOnMonth", Integer.toString(today.getMonthValue())),
                        Map.entry("consentedOnYear", Integer.toString(today.getYear()))))
                .status())
        .isEqualTo(302);
    Participant consented =
        TestUsers.as(researcher, () -> participants.find(studyId, patient.id()));
    assertThat(consented.status()).isEqualTo(ParticipantStatus.CONSENTED);
    assertThat(consented.consent().agreed())
        .containsExactlyInAnyOrder(ConsentItem.INTERVIEW, ConsentItem.ANONYMISED_QUOTES);
    assertThat(consented.consent().refused()).containsExactly(ConsentItem.AUDIO_RECORDING);

    // Not agreeing to an item needed to take part: declined.
    Participant declined =
        TestUsers.as(
            researcher,
            () ->
                participants.recordConsent(
                    studyId,
                    professional.id(),
                    professional.version(),
                    v1,
                    today,
                    Set.of(ConsentItem.AUDIO_RECORDING)));
    assertThat(declined.status()).isEqualTo(ParticipantStatus.DECLINED);

    // A stale consent is refused.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                TestUsers.as(
                    researcher,
                    () ->
                        participants.recordConsent(
                            studyId,
                            patient.id(),
                            patient.version(),
                            v1,
                            today,
                            Set.of(ConsentItem.INTERVIEW))))
        .isInstanceOf(StudyConflictException.class);

    // Version 2 for patients: the patient must consent again.
    TestUsers.as(
        chief,
        () ->
            participants.addDocument(
                studyId,
                patients,
                "2.0",
                today,
                Set.of(ConsentItem.INTERVIEW, ConsentItem.RECORD_LINKAGE),
                Set.of(ConsentItem.INTERVIEW)));
    Document list = team.get(base + "/participants").document();
    assertThat(list.select("[data-participant=S03-P-001] [data-testid=reconsent]")).hasSize(1);
    assertThat(list.select("[data-participant=S03-V-001] [data-testid=reconsent]")).isEmpty();
  }

  @Test
  void withdrawalStopsContactAtOnce() {
    Participant p =
        TestUsers.as(
            dataManager,
            () ->
                participants.add(
                    studyId,
                    site,
                    patients,
                    "Ray Example",
                    "ray@example.org",
                    "0113 496 0001",
                    null));
    WebSession team = signedIn(researcher);
    String page = "/studies/" + studyId + "/participants/" + p.id();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    Document missing =
        team.post(page + "/withdraw", form("version", Long.toString(p.version()))).document();
    assertThat(missing.select(".nhsuk-error-summary__list a").eachText())
        .contains(
            "Choose what they asked for", "Enter the date they withdrew, today or in the past");
    WebSession.Page done =
        team.post(
            page + "/withdraw",
            form(
                "version", Long.toString(p.version()),
                "withdrawal", "REMOVE_UNANALYSED_DATA",
                "withdrawnOnDay", Integer.toString(today.getDayOfMonth()),
                "withdrawnOnMonth", Integer.toString(today.getMonthValue()),
                "withdrawnOnYear", Integer.toString(today.getYear())));
    assertThat(done.status()).isEqualTo(302);
    Participant withdrawn = TestUsers.as(researcher, () -> participants.find(studyId, p.id()));
    assertThat(withdrawn.status()).isEqualTo(ParticipantStatus.WITHDRAWN);
    assertThat(withdrawn.active()).isFalse();
    ParticipantIdentity who =
        TestUsers.as(dataManager, () -> participants.identity(studyId, p.id()));
    assertThat(who.email()).isNull();
    assertThat(who.phone()).isNull();
    assertThat(signedIn(dataManager).get(page).document().select("[data-testid=consent-form]"))
        .isEmpty();
    // Gone from the team's list; data managers can still look them up.
    String list = "/studies/" + studyId + "/participants";
    Document teamList = team.get(list).document();
    assertThat(teamList.select("[data-participant]").eachAttr("data-participant"))
        .doesNotContain(p.studyCode());
    assertThat(teamList.select("[data-testid=withdrawn-count]").text())
        .contains("1 participant has withdrawn");
    assertThat(
            team.get(list + "?withdrawn=show")
                .document()
                .select("[data-participant]")
                .eachAttr("data-participant"))
        .doesNotContain(p.studyCode());
    assertThat(
            signedIn(dataManager)
                .get(list + "?withdrawn=show")
                .document()
                .select("[data-participant]")
                .eachAttr("data-participant"))
        .contains(p.studyCode());
  }

  @Test
  void onlyTheTeamReachesParticipantsAndOnlyDataManagersSeeOrAddPeople() {
    String list = "/studies/" + studyId + "/participants";
    assertThat(signedIn(otherStudyResearcher).get(list).status()).isEqualTo(403);
    assertThat(f.signedIn(f.linkWorker).get(list).status()).isEqualTo(403);
    WebSession team = signedIn(researcher);
    assertThat(team.get(list).status()).isEqualTo(200);
    assertThat(
            team.post(
                    list,
                    form(
                        "siteId",
                        site.toString(),
                        "groupId",
                        vcsStaff.toString(),
                        "name",
                        "Someone"))
                .status())
        .isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT count(*) FROM research_participant WHERE study_id = ?")
                .param(studyId)
                .query(Integer.class)
                .single())
        .isZero();
    // Another link worker, and a manager's colleague of another PCN, cannot pass the person on.
    assertThat(f.signedIn(f.otherLinkWorker).get("/cases/" + openCase.id() + "/studies").status())
        .isEqualTo(403);
    assertThat(signedIn(researcher).get("/cases/" + openCase.id() + "/studies").status())
        .isEqualTo(403);
  }
}
