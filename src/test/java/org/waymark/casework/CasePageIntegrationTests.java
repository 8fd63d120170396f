package org.waymark.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waymark.casework.CasePageFixtures.contact;
import static org.waymark.casework.CasePageFixtures.form;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.waymark.casework.CasePageFixtures.OpenCase;
import org.waymark.casework.CasePageFixtures.Service;
import org.waymark.casework.internal.CaseStore;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class CasePageIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired IdentityManagement identity;
  @Autowired Referrals referrals;
  @Autowired CaseStore cases;
  @Autowired CaseRecords records;

  CasePageFixtures fixtures;
  Service service;
  OpenCase theCase;

  @BeforeEach
  void openACase() {
    fixtures = new CasePageFixtures(identity, referrals, cases, jdbc, port);
    service = fixtures.service();
    theCase = fixtures.openCase(service, "Her son can be aggressive: do not visit alone.");
  }

  // ---- helpers ----

  String path(String rest) {
    return "/cases/" + theCase.id() + rest;
  }

  List<Instant> contactTimes() {
    return jdbc.sql("SELECT contact_at FROM casework_contact WHERE case_id = ? ORDER BY contact_at")
        .param(theCase.id())
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .list();
  }

  long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE case_id = ?")
        .param(theCase.id())
        .query(Long.class)
        .single();
  }

  Instant firstContactAt() {
    return jdbc.sql("SELECT first_contact_at FROM casework_case WHERE id = ?")
        .param(theCase.id())
        .query(
            (rs, n) -> {
              Timestamp t = rs.getTimestamp(1);
              return t == null ? null : t.toInstant();
            })
        .list()
        .get(0);
  }

  UUID onlyContactId() {
    return jdbc.sql("SELECT id FROM casework_contact WHERE case_id = ?")
        .param(theCase.id())
        .query(UUID.class)
        .single();
  }

  static void assertRedirectTo(WebSession.Page page, String pathEnd) {
    assertThat(page.status()).as(page.body()).isEqualTo(302);
    assertThat(page.location()).endsWith(pathEnd);
  }

  static List<String> errorLinks(Document page) {
    return page.select(".nhsuk-error-summary a").eachAttr("href");
  }

  // ---- contacts ----

  @Test
  void aContactBeforeTheReferralWasReceivedIsRefused() {
    // The fixture's referral was received on 1 January 2019.
    WebSession lw = fixtures.signIn(service.holder());
    WebSession.Page page =
        lw.post(path("/contacts"), contact("PHONE", "31/12/2018", "10:00", "ATTENDED", "10", ""));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select(".nhsuk-error-summary").text())
        .contains("on or after the day the referral was received");
    assertThat(count("casework_contact")).isZero();
  }

  @Test
  void linkWorkerRecordsContactsInUkTimeAcrossSummerAndWinterTime() {
    WebSession lw = fixtures.signIn(service.holder());
    assertThat(lw.get(path("/contacts/new")).status()).isEqualTo(200);

    // British Summer Time (UTC+1), Greenwich Mean Time (UTC+0), and the hour the clocks go back,
    // which happens twice: it is read as the first (still summer time).
    assertRedirectTo(
        lw.post(
            path("/contacts"),
            contact("HOME_VISIT", "14/7/2025", "14:30", "ATTENDED", "45", "Met at home")),
        "/cases/" + theCase.id() + "/contacts");
    assertRedirectTo(
        lw.post(path("/contacts"), contact("PHONE", "15/1/2026", "09:05", "ATTENDED", "20", "")),
        "/contacts");
    assertRedirectTo(
        lw.post(
            path("/contacts"), contact("PHONE", "26/10/2025", "01:30", "DID_NOT_ATTEND", "", "")),
        "/contacts");

    assertThat(contactTimes())
        .containsExactly(
            Instant.parse("2025-07-14T13:30:00Z"),
            Instant.parse("2025-10-26T00:30:00Z"),
            Instant.parse("2026-01-15T09:05:00Z"));

    Document page = lw.get(path("/contacts")).document();
    assertThat(page.select("[data-testid=contact] time").eachText())
        .containsExactly(
            "15 January 2026 at 9:05am", "26 October 2025 at 1:30am", "14 July 2025 at 2:30pm");
    assertThat(page.select("[data-testid=contact-type]").eachText())
        .containsExactly("Phone", "Phone", "Home visit");
    assertThat(page.select("[data-testid=contact-outcome]").eachText())
        .containsExactly("Attended", "Did not attend", "Attended");
    assertThat(page.text()).contains("Met at home", "45 minutes");

    // The edit form gives the UK time back.
    UUID july =
        jdbc.sql(
                "SELECT id FROM casework_contact WHERE case_id = ? AND contact_type = 'HOME_VISIT'")
            .param(theCase.id())
            .query(UUID.class)
            .single();
    Document edit = lw.get(path("/contacts/" + july + "/edit")).document();
    assertThat(edit.selectFirst("input[name=dateDay]").val()).isEqualTo("14");
    assertThat(edit.selectFirst("input[name=hour]").val()).isEqualTo("14");
    assertThat(edit.selectFirst("input[name=minute]").val()).isEqualTo("30");

    assertThat(audit.forPerson(theCase.personId()))
        .filteredOn(e -> e.action().equals("CONTACT_RECORDED"))
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.recordId()).isEqualTo(theCase.id().toString()));
  }

  @Test
  void aTimeSkippedWhenTheClocksGoForwardIsRefused() {
    WebSession lw = fixtures.signIn(service.holder());
    WebSession.Page answer =
        lw.post(path("/contacts"), contact("PHONE", "30/3/2025", "01:30", "ATTENDED", "10", ""));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(errorLinks(answer.document())).containsExactly("#time");
    assertThat(count("casework_contact")).isZero();
  }

  @Test
  void theFirstAttendedContactSetsTheCasesFirstContact() {
    WebSession lw = fixtures.signIn(service.holder());
    assertThat(firstContactAt()).isNull();
    lw.post(path("/contacts"), contact("PHONE", "2/2/2026", "10:00", "DID_NOT_ATTEND", "", ""));
    assertThat(firstContactAt()).as("a missed contact is not a first contact").isNull();

    lw.post(path("/contacts"), contact("PHONE", "9/2/2026", "10:00", "ATTENDED", "30", ""));
    assertThat(firstContactAt()).isEqualTo(Instant.parse("2026-02-09T10:00:00Z"));

    lw.post(path("/contacts"), contact("VIDEO", "5/2/2026", "11:15", "ATTENDED", "30", ""));
    assertThat(firstContactAt()).isEqualTo(Instant.parse("2026-02-05T11:15:00Z"));
    assertThat(lw.get(path("")).document().select("[data-testid=first-contact]").text())
        .isEqualTo("First contact: 5 February 2026");

    // Changed to "did not attend", the earliest attended contact is the next one.
    UUID video =
        jdbc.sql("SELECT id FROM casework_contact WHERE case_id = ? AND contact_type = 'VIDEO'")
            .param(theCase.id())
            .query(UUID.class)
            .single();
    Map<String, String> changed = contact("VIDEO", "5/2/2026", "11:15", "DID_NOT_ATTEND", "", "");
    changed.put("version", "0");
    assertRedirectTo(lw.post(path("/contacts/" + video + "/edit"), changed), "/contacts");
    assertThat(firstContactAt()).isEqualTo(Instant.parse("2026-02-09T10:00:00Z"));
    assertThat(audit.forPerson(theCase.personId()))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("CONTACT_UPDATED"));
  }

  @Test
  void twoMissedContactsInARowPromptAReviewUntilAnAttendedOne() {
    WebSession lw = fixtures.signIn(service.holder());
    lw.post(path("/contacts"), contact("PHONE", "2/2/2026", "10:00", "ATTENDED", "30", ""));
    lw.post(path("/contacts"), contact("PHONE", "9/2/2026", "10:00", "DID_NOT_ATTEND", "", ""));
    assertThat(lw.get(path("")).document().select("[data-testid=review-prompt]")).isEmpty();

    // A cancellation between the two neither counts nor breaks the run.
    lw.post(
        path("/contacts"), contact("PHONE", "12/2/2026", "10:00", "CANCELLED_BY_PERSON", "", ""));
    lw.post(
        path("/contacts"), contact("HOME_VISIT", "16/2/2026", "10:00", "DID_NOT_ATTEND", "", ""));
    for (String page : List.of("", "/contacts")) {
      Document doc = lw.get(path(page)).document();
      assertThat(doc.select("[data-testid=review-prompt]").text())
          .as(page)
          .contains("Review this case")
          .contains("not attended 2 contacts in a row");
    }

    lw.post(path("/contacts"), contact("HOME_VISIT", "23/2/2026", "10:00", "ATTENDED", "60", ""));
    assertThat(lw.get(path("")).document().select("[data-testid=review-prompt]")).isEmpty();
    assertThat(lw.get(path("/contacts")).document().select("[data-testid=review-prompt]"))
        .isEmpty();
  }

  @Test
  void thePcnsSettingDecidesHowManyMissedContactsPromptAReview() {
    jdbc.sql(
            "INSERT INTO casework_setting (organisation_id, missed_contacts_before_review) VALUES (?, 3)")
        .param(service.pcn().id())
        .update();
    WebSession lw = fixtures.signIn(service.holder());
    lw.post(path("/contacts"), contact("PHONE", "2/2/2026", "10:00", "DID_NOT_ATTEND", "", ""));
    lw.post(path("/contacts"), contact("PHONE", "9/2/2026", "10:00", "DID_NOT_ATTEND", "", ""));
    assertThat(lw.get(path("")).document().select("[data-testid=review-prompt]")).isEmpty();
    lw.post(path("/contacts"), contact("PHONE", "16/2/2026", "10:00", "DID_NOT_ATTEND", "", ""));
    assertThat(lw.get(path("")).document().select("[data-testid=review-prompt]").text())
        .contains("3 contacts in a row");
  }

  @Test
  void aStaleContactEditIsRefusedAndOverwritesNothing() {
    WebSession lw = fixtures.signIn(service.holder());
    WebSession manager = fixtures.signIn(service.manager());
    lw.post(
        path("/contacts"), contact("PHONE", "2/2/2026", "10:00", "ATTENDED", "30", "First words"));
    UUID id = onlyContactId();
    String edit = path("/contacts/" + id + "/edit");
    assertThat(lw.get(edit).document().selectFirst("input[name=version]").val()).isEqualTo("0");
    assertThat(manager.get(edit).document().selectFirst("input[name=version]").val())
        .isEqualTo("0");

    Map<String, String> managers =
        contact("PHONE", "2/2/2026", "10:00", "ATTENDED", "40", "Manager's correction");
    managers.put("version", "0");
    assertRedirectTo(manager.post(edit, managers), "/contacts");

    Map<String, String> stale =
        contact("VIDEO", "2/2/2026", "10:00", "ATTENDED", "50", "Link worker's version");
    stale.put("version", "0");
    WebSession.Page refused = lw.post(edit, stale);
    assertThat(refused.status()).isEqualTo(200);
    Document doc = refused.document();
    assertThat(doc.select("[data-testid=edit-conflict]").text())
        .contains("Someone else changed this contact")
        .contains("Manager's correction")
        .contains("40 minutes");
    assertThat(doc.selectFirst("textarea[name=notes]").text()).isEqualTo("Link worker's version");
    assertThat(doc.selectFirst("input[name=version]").val()).isEqualTo("1");

    Map<String, Object> row =
        jdbc.sql(
                "SELECT contact_type, duration_minutes, notes, version FROM casework_contact WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("contact_type", "PHONE")
        .containsEntry("duration_minutes", 40)
        .containsEntry("notes", "Manager's correction")
        .containsEntry("version", 1L);
  }

  @Test
  void badContactInputShowsEveryProblemAndWritesNothing() {
    WebSession lw = fixtures.signIn(service.holder());
    WebSession.Page answer =
        lw.post(path("/contacts"), contact("", "31/2/2026", "10:00", "ATTENDED", "0", "x"));
    assertThat(answer.status()).isEqualTo(200);
    Document doc = answer.document();
    assertThat(errorLinks(doc)).containsExactly("#type", "#date", "#durationMinutes");
    assertThat(doc.select(".nhsuk-error-summary").text())
        .contains("Select how the contact took place")
        .contains("must be a real date")
        .contains("from 1 to 600");
    assertThat(doc.selectFirst("input[name=dateDay]").val()).isEqualTo("31");
    assertThat(doc.text()).doesNotContain("Exception");

    WebSession.Page future =
        lw.post(path("/contacts"), contact("PHONE", "1/1/2099", "10:00", "ATTENDED", "30", ""));
    assertThat(errorLinks(future.document())).containsExactly("#date");
    WebSession.Page pastPlanned =
        lw.post(path("/contacts"), contact("PHONE", "1/1/2025", "10:00", "", "", ""));
    assertThat(errorLinks(pastPlanned.document())).containsExactly("#outcome");
    WebSession.Page badTime =
        lw.post(path("/contacts"), contact("PHONE", "1/1/2025", "25:00", "ATTENDED", "30", ""));
    assertThat(errorLinks(badTime.document())).containsExactly("#time");
    assertThat(count("casework_contact")).isZero();

    // A planned contact in the future is fine without an outcome or duration.
    assertRedirectTo(
        lw.post(path("/contacts"), contact("PHONE", "1/1/2099", "10:00", "", "", "")), "/contacts");
    assertThat(lw.get(path("/contacts")).document().select("[data-testid=contact-outcome]").text())
        .isEqualTo("Planned");
  }

  @Test
  void aClosedCaseRefusesNewContactsAndShowsNoWayToAddThem() {
    WebSession lw = fixtures.signIn(service.holder());
    fixtures.close(theCase);

    WebSession.Page refused =
        lw.post(path("/contacts"), contact("PHONE", "2/2/2026", "10:00", "ATTENDED", "30", ""));
    assertRedirectTo(refused, "/cases/" + theCase.id() + "/contacts");
    assertRedirectTo(lw.get(path("/contacts/new")), "/contacts");
    assertRedirectTo(lw.post(path("/notes"), form("body", "Late note")), "/notes");
    assertThat(count("casework_contact")).isZero();
    assertThat(count("casework_note")).isZero();

    Document contacts = lw.get(path("/contacts")).document();
    assertThat(contacts.select("a[href$=/contacts/new]")).isEmpty();
    assertThat(contacts.select("[data-testid=case-closed]").text()).contains("closed");
    assertThat(lw.get(path("/notes")).document().select("form textarea[name=body]")).isEmpty();
    assertThat(lw.get(path("")).document().select("[data-testid=case-navigation]").text())
        .doesNotContain("Close case");
  }

  // ---- the case page ----

  @Test
  void theCasePageShowsWhoWhyAndWhereTheCaseStands() {
    WebSession lw = fixtures.signIn(service.holder());
    WebSession.Page page = lw.get(path(""));
    assertThat(page.status()).isEqualTo(200);
    Document doc = page.document();
    assertThat(page.h1()).contains(theCase.personName());
    assertThat(doc.select("[data-testid=case-header] [data-field=dateOfBirth]").text())
        .contains("14 February 1957");
    assertThat(doc.select("[data-testid=case-header] [data-field=linkWorker]").text())
        .contains(service.holder().displayName());
    assertThat(doc.select("[data-testid=case-header] [data-field=status]").text()).contains("Open");
    assertThat(doc.select("[data-testid=case-header] [data-field=daysSinceReferral]").text())
        .isEqualTo(
            "Since referral "
                + java.time.temporal.ChronoUnit.DAYS.between(
                    java.time.LocalDate.of(2019, 1, 1),
                    java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")))
                + " days");
    assertThat(doc.select("[data-testid=needs] li").eachText())
        .containsExactly("Loneliness and social isolation", "Money, debt and benefits");
    assertThat(doc.select("[data-testid=reason]").text()).contains("worried about bills");
    assertThat(doc.select("[data-testid=safeguarding]").text()).contains("do not visit alone");
    assertThat(doc.select("[data-testid=no-contacts]").text())
        .isEqualTo("No contacts recorded yet.");
    assertThat(doc.select("[data-testid=no-assessment]")).hasSize(1);
    assertThat(doc.select("[data-testid=no-notes]")).hasSize(1);

    // The navigation marks the page it is on and links the others.
    assertThat(doc.select("[data-testid=case-navigation] [aria-current=page]").text())
        .isEqualTo("Summary");
    assertThat(doc.select("[data-testid=case-navigation] a").eachAttr("href"))
        .containsExactly(
            path("/contacts"),
            path("/assessment"),
            path("/plan"),
            path("/connections"),
            path("/outcomes"),
            path("/notes"),
            path("/studies"),
            path("/close"));
    assertThat(
            lw.get(path("/notes"))
                .document()
                .select("[data-testid=case-navigation] [aria-current=page]")
                .text())
        .isEqualTo("Notes");

    assertThat(audit.forPerson(theCase.personId()))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("CASE_READ");
              assertThat(e.outcome()).isEqualTo(AuditOutcome.ALLOWED);
              assertThat(e.userId()).isEqualTo(service.holder().id());
            });
  }

  @Test
  void theSummaryShowsTheLatestFiveContactsAndLinksToAll() {
    WebSession lw = fixtures.signIn(service.holder());
    for (int day = 1; day <= 6; day++) {
      lw.post(
          path("/contacts"),
          contact("PHONE", day + "/2/2026", "10:00", "ATTENDED", "15", "Call " + day));
    }
    Document doc = lw.get(path("")).document();
    assertThat(doc.select("[data-testid=contact] time").eachText())
        .hasSize(5)
        .first()
        .isEqualTo("6 February 2026 at 10:00am");
    assertThat(doc.select("a[href=" + path("/contacts") + "]").eachText())
        .contains("See all 6 contacts");
    assertThat(doc.select("[data-testid=contact]").select("a[href$=/edit]")).isEmpty();
  }

  // ---- notes ----

  @Test
  void linkWorkerAddsNotesIncludingASensitiveOneAndReadsThemBack() {
    WebSession lw = fixtures.signIn(service.holder());
    assertRedirectTo(
        lw.post(path("/notes"), form("body", "Talked about the lunch club.")), "/notes");
    assertRedirectTo(
        lw.post(
            path("/notes"), form("body", "Disclosed debts to a relative.", "sensitive", "true")),
        "/notes");

    Document notes = lw.get(path("/notes")).document();
    assertThat(notes.select("[data-testid=note-body]").eachText())
        .containsExactly("Disclosed debts to a relative.", "Talked about the lunch club.");
    assertThat(notes.select("[data-testid=hidden-notes]")).isEmpty();
    assertThat(lw.get(path("")).document().select("[data-testid=note-body]").eachText())
        .contains("Disclosed debts to a relative.");
    assertThat(audit.forPerson(theCase.personId()))
        .filteredOn(e -> e.action().equals("NOTE_ADDED"))
        .hasSize(2);

    // A note is never changed: it can be marked as entered in error, keeping its text.
    UUID lunch =
        jdbc.sql("SELECT id FROM casework_note WHERE case_id = ? AND NOT sensitive")
            .param(theCase.id())
            .query(UUID.class)
            .single();
    String mark = path("/notes/" + lunch + "/entered-in-error");
    assertThat(errorLinks(lw.post(mark, form("reason", " ")).document()))
        .containsExactly("#reason");
    assertRedirectTo(lw.post(mark, form("reason", "Wrong person's case")), "/notes");
    Document after = lw.get(path("/notes")).document();
    assertThat(after.select("[data-testid=entered-in-error]")).hasSize(1);
    assertThat(after.text())
        .contains("Wrong person's case")
        .contains("Talked about the lunch club.");
    assertThat(count("casework_note")).isEqualTo(2);
  }

  @Test
  void anEmptyOrOverlongNoteIsRefused() {
    WebSession lw = fixtures.signIn(service.holder());
    assertThat(errorLinks(lw.post(path("/notes"), form("body", "  ")).document()))
        .containsExactly("#body");
    assertThat(errorLinks(lw.post(path("/notes"), form("body", "x".repeat(10_001))).document()))
        .containsExactly("#body");
    assertThat(count("casework_note")).isZero();
  }

  // ---- the assessment ----

  static Map<String, String> assessment(String basedOn, String date, String whatMatters) {
    String[] d = date.split("/");
    return form(
        "basedOnVersion", basedOn,
        "assessedOnDay", d[0],
        "assessedOnMonth", d[1],
        "assessedOnYear", d[2],
        "whatMatters", whatMatters,
        "needs[0].need", "LONELINESS",
        "needs[0].importance", "A_LOT",
        "needs[0].going", "NOT_VERY_WELL",
        "needs[0].inTheirWords", "The evenings are long",
        "needs[1].need", "MONEY",
        "needs[1].importance", "",
        "needs[1].going", "",
        "needs[1].inTheirWords", "");
  }

  @Test
  void linkWorkerRecordsWhatMattersAndKeepsEachVersion() {
    WebSession lw = fixtures.signIn(service.holder());
    Document form = lw.get(path("/assessment/edit")).document();
    assertThat(form.selectFirst("input[name=basedOnVersion]").val()).isEqualTo("0");
    assertThat(form.select("legend").eachText())
        .contains("Loneliness and social isolation", "Housing");

    assertRedirectTo(
        lw.post(path("/assessment/edit"), assessment("0", "3/2/2026", "Seeing my grandchildren")),
        "/assessment");
    Document view = lw.get(path("/assessment")).document();
    assertThat(view.select("[data-testid=what-matters]").text())
        .isEqualTo("Seeing my grandchildren");
    assertThat(view.select("[data-testid=assessment-needs] tbody tr").eachText())
        .containsExactly(
            "Loneliness and social isolation A lot Not very well The evenings are long");
    assertThat(view.select("[data-testid=previous-assessment]")).isEmpty();

    // The next form starts from the saved answers.
    Document again = lw.get(path("/assessment/edit")).document();
    assertThat(again.selectFirst("input[name=basedOnVersion]").val()).isEqualTo("1");
    assertThat(again.selectFirst("textarea[name=whatMatters]").text())
        .isEqualTo("Seeing my grandchildren");
    assertThat(again.select("select[name=needs[0].importance] option[selected]").val())
        .isEqualTo("A_LOT");

    assertRedirectTo(
        lw.post(path("/assessment/edit"), assessment("1", "3/3/2026", "Getting out of the house")),
        "/assessment");
    view = lw.get(path("/assessment")).document();
    assertThat(view.select("[data-testid=what-matters]").text())
        .isEqualTo("Getting out of the house");
    assertThat(view.select("[data-testid=previous-assessment]").text())
        .contains("3 February 2026")
        .contains("Seeing my grandchildren");
    assertThat(lw.get(path("")).document().select("[data-testid=what-matters]").text())
        .isEqualTo("Getting out of the house");
    assertThat(count("casework_assessment")).isEqualTo(2);
    assertThat(audit.forPerson(theCase.personId()))
        .filteredOn(e -> e.action().equals("ASSESSMENT_RECORDED"))
        .hasSize(2);
  }

  @Test
  void aStaleAssessmentIsRefusedAndOverwritesNothing() {
    WebSession lw = fixtures.signIn(service.holder());
    WebSession manager = fixtures.signIn(service.manager());
    assertRedirectTo(
        manager.post(path("/assessment/edit"), assessment("0", "3/2/2026", "The manager's record")),
        "/assessment");

    WebSession.Page refused =
        lw.post(path("/assessment/edit"), assessment("0", "3/2/2026", "The link worker's record"));
    assertThat(refused.status()).isEqualTo(200);
    Document doc = refused.document();
    assertThat(doc.select("[data-testid=edit-conflict]").text()).contains("The manager's record");
    assertThat(doc.selectFirst("textarea[name=whatMatters]").text())
        .isEqualTo("The link worker's record");
    assertThat(doc.selectFirst("input[name=basedOnVersion]").val()).isEqualTo("1");
    assertThat(
            jdbc.sql("SELECT what_matters FROM casework_assessment WHERE case_id = ?")
                .param(theCase.id())
                .query(String.class)
                .list())
        .containsExactly("The manager's record");
  }

  @Test
  void badAssessmentInputGivesFormErrorsAndWritesNothing() {
    WebSession lw = fixtures.signIn(service.holder());
    Map<String, String> bad = assessment("0", "31/2/2026", "x".repeat(4001));
    bad.put("needs[0].importance", "ENORMOUS");
    WebSession.Page answer = lw.post(path("/assessment/edit"), bad);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(errorLinks(answer.document()))
        .containsExactly("#assessedOn", "#whatMatters", "#needs[0].importance");
    Map<String, String> empty =
        form(
            "basedOnVersion",
            "0",
            "assessedOnDay",
            "3",
            "assessedOnMonth",
            "2",
            "assessedOnYear",
            "2026");
    assertThat(errorLinks(lw.post(path("/assessment/edit"), empty).document()))
        .containsExactly("#whatMatters");
    assertThat(count("casework_assessment")).isZero();
  }

  // ---- who may see and change a case ----

  List<String> readPages() {
    return List.of(path(""), path("/contacts"), path("/assessment"), path("/notes"));
  }

  @Test
  void anotherLinkWorkerOfThePcnIsRefusedEveryCasePageWithoutTeamCaseloads() {
    WebSession lw = fixtures.signIn(service.holder());
    lw.post(path("/contacts"), contact("PHONE", "2/2/2026", "10:00", "ATTENDED", "30", ""));
    UUID contactId = onlyContactId();
    WebSession colleague = fixtures.signIn(service.colleague());
    for (String page : readPages()) {
      assertThat(colleague.get(page).status()).as(page).isEqualTo(403);
    }
    for (String page :
        List.of(
            path("/contacts/new"),
            path("/assessment/edit"),
            path("/contacts/" + contactId + "/edit"))) {
      assertThat(colleague.get(page).status()).as(page).isEqualTo(403);
    }
    assertThat(
            colleague
                .post(
                    path("/contacts"), contact("PHONE", "3/2/2026", "10:00", "ATTENDED", "30", ""))
                .status())
        .isEqualTo(403);
    assertThat(colleague.post(path("/notes"), form("body", "Not mine to write")).status())
        .isEqualTo(403);
    assertThat(count("casework_contact")).isEqualTo(1);
    assertThat(count("casework_note")).isZero();

    assertThat(audit.forPerson(theCase.personId()))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("CASE_READ");
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(e.userId()).isEqualTo(service.colleague().id());
              assertThat(e.recordId()).isEqualTo(theCase.id().toString());
            });

    // The module's API refuses them the same way.
    assertThatThrownBy(
            () ->
                CasePageFixtures.as(
                    service.colleague(),
                    service.pcn(),
                    Role.LINK_WORKER,
                    () -> records.contacts(theCase.id())))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void withTeamCaseloadsAColleagueReadsButCannotWriteOrSeeSensitiveNotes() {
    fixtures.teamCaseloads(service, true);
    WebSession lw = fixtures.signIn(service.holder());
    lw.post(path("/notes"), form("body", "Everyday note"));
    lw.post(path("/notes"), form("body", "Private disclosure", "sensitive", "true"));
    lw.post(path("/contacts"), contact("PHONE", "2/2/2026", "10:00", "ATTENDED", "30", ""));

    WebSession colleague = fixtures.signIn(service.colleague());
    for (String page : readPages()) {
      assertThat(colleague.get(page).status()).as(page).isEqualTo(200);
    }
    Document notes = colleague.get(path("/notes")).document();
    assertThat(notes.select("[data-testid=note-body]").eachText()).containsExactly("Everyday note");
    assertThat(notes.select("[data-testid=hidden-notes]").text())
        .startsWith("1 sensitive note is not shown");
    assertThat(notes.text()).doesNotContain("Private disclosure");
    assertThat(notes.select("textarea[name=body]")).isEmpty();
    assertThat(colleague.get(path("")).body()).doesNotContain("Private disclosure");
    assertThat(colleague.get(path("/contacts")).document().select("a[href$=/edit]")).isEmpty();

    assertThat(colleague.get(path("/contacts/new")).status()).isEqualTo(403);
    assertThat(
            colleague
                .post(
                    path("/contacts"), contact("PHONE", "3/2/2026", "10:00", "ATTENDED", "30", ""))
                .status())
        .isEqualTo(403);
    assertThat(colleague.post(path("/notes"), form("body", "Colleague's note")).status())
        .isEqualTo(403);
    assertThat(
            colleague
                .post(path("/assessment/edit"), assessment("0", "3/2/2026", "Colleague"))
                .status())
        .isEqualTo(403);
    assertThat(count("casework_contact")).isEqualTo(1);
    assertThat(count("casework_note")).isEqualTo(2);
    assertThat(count("casework_assessment")).isZero();
    assertThat(audit.forPerson(theCase.personId()))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("CASE_WRITE");
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(e.userId()).isEqualTo(service.colleague().id());
            });

    CaseNotes forColleague =
        CasePageFixtures.as(
            service.colleague(),
            service.pcn(),
            Role.LINK_WORKER,
            () -> records.notes(theCase.id()));
    assertThat(forColleague.visible()).extracting(Note::body).containsExactly("Everyday note");
    assertThat(forColleague.hiddenSensitive()).isEqualTo(1);

    // The PCN's service manager sees every note.
    assertThat(
            fixtures
                .signIn(service.manager())
                .get(path("/notes"))
                .document()
                .select("[data-testid=note-body]")
                .eachText())
        .containsExactly("Private disclosure", "Everyday note");
  }

  @Test
  void referrersVcsCoordinatorsAndCommissionersAreRefused() {
    for (Role role :
        List.of(Role.REFERRER, Role.VCS_COORDINATOR, Role.COMMISSIONER, Role.RESEARCHER)) {
      WebSession browser = new WebSession(port).signedInAs(role);
      for (String page : readPages()) {
        assertThat(browser.get(page).status()).as(role + " " + page).isEqualTo(403);
      }
      assertThat(browser.post(path("/notes"), form("body", "x")).status())
          .as(role.name())
          .isEqualTo(403);
    }
    // The referrer who made this referral is refused too: they see its status, never the case.
    WebSession ownReferrer = fixtures.signIn(service.referrer());
    for (String page : readPages()) {
      assertThat(ownReferrer.get(page).status()).as(page).isEqualTo(403);
    }
    assertThat(count("casework_note")).isZero();
  }

  @Test
  void theReadApiGivesContactsAndTheLatestAssessmentToWhoMayRead() {
    WebSession lw = fixtures.signIn(service.holder());
    lw.post(path("/contacts"), contact("PHONE", "2/2/2026", "10:00", "ATTENDED", "30", ""));
    lw.post(path("/assessment/edit"), assessment("0", "3/2/2026", "Seeing my grandchildren"));

    List<Contact> contacts =
        CasePageFixtures.as(
            service.manager(),
            service.pcn(),
            Role.SERVICE_MANAGER,
            () -> records.contacts(theCase.id()));
    assertThat(contacts)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.contactAt()).isEqualTo(Instant.parse("2026-02-02T10:00:00Z"));
              assertThat(c.outcome()).isEqualTo(ContactOutcome.ATTENDED);
            });
    Assessment latest =
        CasePageFixtures.as(
                service.manager(),
                service.pcn(),
                Role.SERVICE_MANAGER,
                () -> records.latestAssessment(theCase.id()))
            .orElseThrow();
    assertThat(latest.version()).isEqualTo(1);
    assertThat(latest.assessedOn()).isEqualTo(LocalDate.of(2026, 2, 3));
    assertThat(latest.needs())
        .containsExactly(
            new AssessedNeed(
                "LONELINESS",
                Importance.A_LOT,
                HowItIsGoing.NOT_VERY_WELL,
                "The evenings are long"));
    assertThat(audit.forPerson(theCase.personId()))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("CASE_READ");
              assertThat(e.userId()).isEqualTo(service.manager().id());
              assertThat(e.detail()).isEqualTo("assessment");
            });
  }
}
