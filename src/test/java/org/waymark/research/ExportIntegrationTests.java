package org.waymark.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.connection.Connections;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.Outcomes;
import org.waymark.referral.Referrals;
import org.waymark.research.internal.ExportWriter;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Exports end to end: consented participants only, under study ids; withdrawal and refusal keep
 * people out; a stated purpose, audited and listed; CSV, XLSX and REDCap dictionaries; records
 * linked only with consent to record linkage, only for people from casework, audited with the
 * person, and never after withdrawal.
 */
@WaymarkIntegrationTest
class ExportIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired Connections connections;
  @Autowired Outcomes outcomes;
  @Autowired Studies studies;
  @Autowired Participants participants;
  @Autowired Exports exports;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
  ConnectionFixture f;
  CaseFile openCase;
  UserAccount chief;
  UserAccount researcher;
  UserAccount dataManager;
  UserAccount outsider;
  UUID studyId;
  UUID site;
  UUID patients;
  UUID form;

  @BeforeEach
  void setUp() {
    f = new ConnectionFixture(identity, curation, port);
    openCase = f.openCase(referrals, triage, "Harriet", "Quennell");
    Organisation university =
        identity.createOrganisation(
            OrganisationType.UNIVERSITY, "University " + UUID.randomUUID(), null, null, null);
    chief = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    researcher = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    dataManager = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    outsider = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    studyId = TestUsers.as(chief, () -> studies.create(details("Linking communities", "LC"))).id();
    TestUsers.as(
        chief,
        () -> {
          studies.putMember(studyId, researcher.id(), StudyRole.RESEARCHER, null, null);
          studies.putMember(studyId, dataManager.id(), StudyRole.DATA_MANAGER, null, null);
          site = studies.addSite(studyId, "S03", null, f.pcn.id()).id();
          patients = studies.addGroup(studyId, "P", "Patients").id();
          form =
              participants
                  .addDocument(
                      studyId,
                      null,
                      "1.0",
                      today,
                      Set.of(
                          ConsentItem.INTERVIEW,
                          ConsentItem.ANONYMISED_QUOTES,
                          ConsentItem.RECORD_LINKAGE),
                      Set.of(ConsentItem.INTERVIEW))
                  .id();
          return null;
        });
    TestUsers.as(outsider, () -> studies.create(details("Another study", "OT")));
  }

  static StudyDetails details(String title, String prefix) {
    return new StudyDetails(
        title,
        prefix + (System.nanoTime() % 100000),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  WebSession signedIn(UserAccount user) {
    WebSession s = new WebSession(port);
    assertThat(s.signIn(user.email(), TestUsers.PASSWORD).status()).isEqualTo(302);
    return s;
  }

  Participant add(String name) {
    return TestUsers.as(
        dataManager, () -> participants.add(studyId, site, patients, name, null, null, null));
  }

  Participant consent(Participant p, ConsentItem... agreed) {
    return TestUsers.as(
        researcher,
        () ->
            participants.recordConsent(studyId, p.id(), p.version(), form, today, Set.of(agreed)));
  }

  void withdraw(Participant p) {
    Participant now = TestUsers.as(researcher, () -> participants.find(studyId, p.id()));
    TestUsers.as(
        researcher,
        () -> {
          participants.withdraw(
              studyId, p.id(), now.version(), Withdrawal.NO_FURTHER_CONTACT, today, null);
          return null;
        });
  }

  WebSession.Page export(WebSession s, String dataset, String format, String purpose) {
    return s.post(
        "/studies/" + studyId + "/exports",
        ConnectionFixture.form("dataset", dataset, "format", format, "purpose", purpose));
  }

  static List<CSVRecord> csv(String body) throws Exception {
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(body))
        .getRecords();
  }

  List<AuditEvent> audited(String action, UUID personId) {
    return audit.search(new AuditQuery(null, personId, action, null, null, 0, 200)).events();
  }

  int logged() {
    return jdbc.sql("SELECT count(*) FROM research_export_log WHERE study_id = ?")
        .param(studyId)
        .query(Integer.class)
        .single();
  }

  @Test
  void anExportHoldsConsentedParticipantsOnlyUnderTheirStudyIds() throws Exception {
    Participant kept =
        consent(add("Ada Keeper"), ConsentItem.INTERVIEW, ConsentItem.ANONYMISED_QUOTES);
    Participant leaving = consent(add("Bo Leaver"), ConsentItem.INTERVIEW);
    Participant declined = consent(add("Cy Decliner"), ConsentItem.ANONYMISED_QUOTES);
    Participant waiting = add("Di Waiting");
    assertThat(declined.status()).isEqualTo(ParticipantStatus.DECLINED);

    WebSession team = signedIn(researcher);
    String purpose = "Descriptive analysis of recruitment for WP1";
    WebSession.Page page = export(team, "PARTICIPANTS", "CSV", purpose);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(page.header("Content-Disposition").orElseThrow()).contains("attachment");
    List<CSVRecord> rows = csv(page.body());
    assertThat(rows)
        .extracting(r -> r.get("study_code"))
        .containsExactly(kept.studyCode(), leaving.studyCode());
    CSVRecord first = rows.get(0);
    assertThat(first.get("site_code")).isEqualTo("S03");
    assertThat(first.get("group_code")).isEqualTo("P");
    assertThat(first.get("status")).isEqualTo("CONSENTED");
    assertThat(first.get("consent_version")).isEqualTo("1.0");
    assertThat(first.get("consent_interview")).isEqualTo("1");
    assertThat(first.get("consent_anonymised_quotes")).isEqualTo("1");
    assertThat(first.get("consent_record_linkage")).isEqualTo("0");
    assertThat(first.get("withdrawn_on")).isEmpty();
    assertThat(page.body())
        .doesNotContain("Keeper")
        .doesNotContain("Decliner")
        .doesNotContain(waiting.studyCode())
        .doesNotContain(declined.studyCode())
        .doesNotContain(kept.id().toString());

    // Withdrawal takes them out of every later export at once.
    withdraw(leaving);
    List<CSVRecord> after = csv(export(team, "PARTICIPANTS", "CSV", purpose).body());
    assertThat(after).extracting(r -> r.get("study_code")).containsExactly(kept.studyCode());
    assertThat(TestUsers.as(researcher, () -> exports.recruitmentSummary(studyId)).cell(0, 0))
        .isEqualTo("*");

    // Audited with dataset, format, purpose and rows, and listed for the team.
    List<AuditEvent> exported =
        audited("STUDY_EXPORTED", null).stream()
            .filter(e -> studyId.toString().equals(e.recordId()))
            .toList();
    assertThat(exported).hasSize(2);
    assertThat(exported.get(0).detail())
        .contains("PARTICIPANTS")
        .contains("CSV")
        .contains("rows 1")
        .contains(purpose);
    Document log = team.get("/studies/" + studyId + "/exports").document();
    assertThat(log.select("[data-testid=export-log] [data-export=PARTICIPANTS]")).hasSize(2);
    assertThat(log.select("[data-testid=export-log]").text())
        .contains(purpose)
        .contains(researcher.displayName());
  }

  @Test
  void interviewsOfWithdrawnOrDeclinedParticipantsAreNeverExported() throws Exception {
    assertThat(
            TestUsers.as(
                    researcher,
                    () ->
                        exports.export(
                            studyId,
                            ExportDataset.INTERVIEWS,
                            ExportFormat.CSV,
                            "Interview progress for the steering group"))
                .rows())
        .isZero();
    Participant p = consent(add("Ed Interviewee"), ConsentItem.INTERVIEW);
    withdraw(p);
    String body =
        new String(
            TestUsers.as(
                    researcher,
                    () ->
                        exports.export(
                            studyId,
                            ExportDataset.INTERVIEWS,
                            ExportFormat.CSV,
                            "Interview progress for the steering group"))
                .content(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv(body)).isEmpty();
    assertThat(body)
        .startsWith(
            "study_code,event_name,held_on,mode,duration_minutes,recording,transcript,analysed\r\n");
  }

  @Test
  void thePurposeIsRequiredAndNothingIsExportedWithoutIt() {
    consent(add("Fay Example"), ConsentItem.INTERVIEW);
    WebSession team = signedIn(researcher);
    for (String purpose : new String[] {"", "   ", "too short", "x".repeat(501)}) {
      WebSession.Page page = export(team, "PARTICIPANTS", "CSV", purpose);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(page.document().select(".nhsuk-error-summary__list").text())
          .contains("Enter the purpose of the export, from 10 to 500 characters");
    }
    Document bad = export(team, "NOTHING", "PDF", "A good enough purpose").document();
    assertThat(bad.select(".nhsuk-error-summary__list a").eachText())
        .contains("Choose what to export", "Choose a file format");
    assertThat(logged()).isZero();
  }

  @Test
  void onlyTheStudyTeamExportsOrReadsTheLog() {
    consent(add("Gil Example"), ConsentItem.INTERVIEW);
    String purpose = "Trying to see another team's data";
    assertThat(export(signedIn(outsider), "PARTICIPANTS", "CSV", purpose).status()).isEqualTo(403);
    assertThat(export(f.signedIn(f.linkWorker), "PARTICIPANTS", "CSV", purpose).status())
        .isEqualTo(403);
    assertThat(signedIn(outsider).get("/studies/" + studyId + "/exports").status()).isEqualTo(403);
    assertThat(
            signedIn(outsider)
                .get("/studies/" + studyId + "/exports/dictionaries/PARTICIPANTS")
                .status())
        .isEqualTo(403);
    assertThat(logged()).isZero();
    assertThatThrownBy(
            () ->
                TestUsers.as(
                    outsider,
                    () ->
                        exports.export(
                            studyId, ExportDataset.PARTICIPANTS, ExportFormat.CSV, purpose)))
        .isInstanceOf(AccessPolicy.AuditedAccessDeniedException.class);
  }

  @Test
  void aWorkbookHasTheDataAndItsDictionaryAndEachDictionaryDescribesEveryColumn() throws Exception {
    Participant p = consent(add("Hal Example"), ConsentItem.INTERVIEW);
    ExportFile file =
        TestUsers.as(
            researcher,
            () ->
                exports.export(
                    studyId,
                    ExportDataset.PARTICIPANTS,
                    ExportFormat.XLSX,
                    "Checking the workbook"));
    assertThat(file.filename()).endsWith(".xlsx");
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
          .isEqualTo(p.studyCode());
      assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Data dictionary");
      int columns = book.getSheetAt(0).getRow(0).getLastCellNum();
      assertThat(book.getSheetAt(1).getLastRowNum()).isEqualTo(columns);
    }
    WebSession team = signedIn(researcher);
    for (ExportDataset d : ExportDataset.values()) {
      WebSession.Page dictionary =
          team.get("/studies/" + studyId + "/exports/dictionaries/" + d.name());
      assertThat(dictionary.status()).isEqualTo(200);
      List<CSVRecord> variables = csv(dictionary.body());
      assertThat(variables.get(0).getParser().getHeaderNames())
          .containsExactlyElementsOf(ExportWriter.REDCAP_HEADER);
      String data =
          new String(
              TestUsers.as(
                      researcher,
                      () -> exports.export(studyId, d, ExportFormat.CSV, "Checking the dictionary"))
                  .content(),
              java.nio.charset.StandardCharsets.UTF_8);
      List<String> header = List.of(data.substring(0, data.indexOf("\r\n")).split(","));
      assertThat(variables)
          .extracting(r -> r.get("Variable / Field Name"))
          .as(d.name())
          .containsExactlyElementsOf(header);
      assertThat(variables).allSatisfy(r -> assertThat(r.get("Form Name")).isEqualTo(d.formName()));
    }
    CSVRecord status =
        csv(team.get("/studies/" + studyId + "/exports/dictionaries/PARTICIPANTS").body()).stream()
            .filter(r -> r.get(0).equals("status"))
            .findFirst()
            .orElseThrow();
    assertThat(status.get("Choices, Calculations, OR Slider Labels"))
        .contains("CONSENTED, Consented")
        .contains("WITHDRAWN, Withdrawn");
    assertThat(team.get("/studies/" + studyId + "/exports/dictionaries/NOTHING").status())
        .isEqualTo(404);
  }

  Participant passedOn() {
    TestUsers.as(
        f.linkWorker,
        () -> participants.passOn(openCase.id(), studyId, patients, true, "Mornings"));
    return TestUsers.as(chief, () -> participants.list(studyId)).stream()
        .filter(Participant::fromCasework)
        .findFirst()
        .orElseThrow();
  }

  void recordOutcomes() {
    f.refer(connections, openCase, f.waymarkService.id());
    TestUsers.as(
        f.linkWorker,
        () ->
            outcomes.record(
                openCase.id(),
                "ONS4",
                Occasion.BASELINE,
                today,
                Map.of(
                    "life_satisfaction",
                    "4",
                    "worthwhile",
                    "5",
                    "happiness",
                    "4",
                    "anxiety",
                    "7")));
    TestUsers.as(
        f.linkWorker,
        () ->
            outcomes.record(
                openCase.id(),
                "ONS4",
                Occasion.REVIEW,
                today,
                Map.of(
                    "life_satisfaction",
                    "7",
                    "worthwhile",
                    "7",
                    "happiness",
                    "6",
                    "anxiety",
                    "3")));
  }

  @Test
  void linkedRecordsAreShownAndExportedOnlyWithConsentToRecordLinkageUntilWithdrawal()
      throws Exception {
    recordOutcomes();
    Participant p = consent(passedOn(), ConsentItem.INTERVIEW, ConsentItem.RECORD_LINKAGE);
    String page = "/studies/" + studyId + "/participants/" + p.id();
    WebSession team = signedIn(researcher);
    Document seen = team.get(page).document();
    assertThat(seen.select("[data-testid=linked-connections]").text())
        .contains(f.waymarkService.details().name());
    assertThat(seen.select("[data-testid=linked-outcomes]").text())
        .contains("ONS4")
        .contains("Baseline")
        .contains("Review");
    assertThat(seen.select("[data-testid=linked-changes]")).hasSize(1);
    // Pseudonymised: nothing typed by the link worker, no name.
    assertThat(seen.select("#linked-records").text())
        .doesNotContain("Quennell")
        .doesNotContain("07700 900555")
        .doesNotContain("Getting out of the house again")
        .doesNotContain("walking stick");
    assertThat(audited("RESEARCH_LINKAGE_READ", openCase.personId())).hasSize(2);

    String purpose = "Outcome analysis for work package 3";
    List<CSVRecord> linked = csv(export(team, "LINKED_OUTCOMES", "CSV", purpose).body());
    assertThat(linked).isNotEmpty();
    assertThat(linked).allSatisfy(r -> assertThat(r.get("study_code")).isEqualTo(p.studyCode()));
    assertThat(linked).extracting(r -> r.get("occasion")).contains("BASELINE", "REVIEW");
    assertThat(linked).extracting(r -> r.get("instrument")).containsOnly("ONS4");
    assertThat(audited("RESEARCH_LINKAGE_READ", openCase.personId())).hasSize(3);

    withdraw(p);
    int before = audited("RESEARCH_LINKAGE_READ", openCase.personId()).size();
    assertThat(team.get(page).document().select("[data-testid=linked-records]")).isEmpty();
    assertThat(csv(export(team, "LINKED_OUTCOMES", "CSV", purpose).body())).isEmpty();
    assertThat(audited("RESEARCH_LINKAGE_READ", openCase.personId())).hasSize(before);
  }

  @Test
  void withoutConsentToRecordLinkageNothingIsLinkedOrRead() throws Exception {
    recordOutcomes();
    Participant p = consent(passedOn(), ConsentItem.INTERVIEW);
    WebSession team = signedIn(researcher);
    Document seen = team.get("/studies/" + studyId + "/participants/" + p.id()).document();
    assertThat(seen.select("[data-testid=linked-records]")).isEmpty();
    assertThat(seen.select("[data-testid=not-linked]")).hasSize(1);
    assertThat(
            csv(
                export(team, "LINKED_OUTCOMES", "CSV", "Outcome analysis for work package 3")
                    .body()))
        .isEmpty();
    assertThat(audited("RESEARCH_LINKAGE_READ", openCase.personId())).isEmpty();

    // Someone added by the team has no casework records to link, whatever they agreed.
    Participant direct =
        consent(add("Ivy Professional"), ConsentItem.INTERVIEW, ConsentItem.RECORD_LINKAGE);
    assertThat(TestUsers.as(researcher, () -> exports.linkedRecords(studyId, direct.id())))
        .isEmpty();
    assertThat(
            team.get("/studies/" + studyId + "/participants/" + direct.id())
                .document()
                .select("#linked-records"))
        .isEmpty();
  }

  @Test
  void theLinkageReadsAreForResearchersOnly() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ConnectionFixture.as(
                    f.linkWorker,
                    () ->
                        connections.forResearch(
                            f.pcn.id(), openCase.id(), openCase.personId(), "TEST")))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ConnectionFixture.as(
                    f.manager,
                    () ->
                        outcomes.forResearch(
                            f.pcn.id(), openCase.id(), openCase.personId(), "TEST")))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
  }
}
