package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.ReferralPageFixtures.as;
import static org.waymark.referral.ReferralPageFixtures.nhsNumber;
import static org.waymark.referral.ReferralPageFixtures.organisation;
import static org.waymark.referral.ReferralPageFixtures.referrerForm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.DemoAccounts;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * The referrer's journey through the pages: the referral form, My referrals, a referral's page,
 * answering a request for more information, and the discharge summary and its PDF; and who may see
 * them.
 */
@WaymarkIntegrationTest
class ReferralPagesTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityManagement identity;
  @Autowired Referrals referrals;
  @Autowired UserDetailsService users;

  private WebSession referrer() {
    return new WebSession(port).signedInAs(Role.REFERRER);
  }

  /** Sends the form as the demo referrer and returns the new referral's id. */
  private UUID refer(WebSession session, String givenName) {
    WebSession.Page answer = session.post("/referrals/new", referrerForm(givenName, nhsNumber()));
    assertThat(answer.status()).as(answer.body()).isEqualTo(302);
    String location = answer.location();
    assertThat(location).matches(".*/referrals/[0-9a-f-]{36}/sent");
    return UUID.fromString(location.replaceAll(".*/referrals/([0-9a-f-]{36})/sent", "$1"));
  }

  /** A service manager of the PCN that received the referral, as a fresh account. */
  private UserAccount managerOf(UUID pcnId) {
    return TestUsers.create(identity, pcnId, Role.SERVICE_MANAGER);
  }

  private int count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
  }

  @Test
  void referrerSendsTheFormAndSeesTheReferralWaitingForTriage() {
    WebSession session = referrer();
    WebSession.Page blank = session.get("/referrals/new");
    assertThat(blank.status()).isEqualTo(200);
    Document form = blank.document();
    // Pre-filled from the signed-in referrer, who acts for a GP practice.
    assertThat(form.selectFirst("#referrerName").attr("value")).isEqualTo("Dr Rhea Referrer");
    assertThat(form.selectFirst("#referrerOrganisation").attr("value"))
        .isEqualTo("Hillside Health Centre");
    assertThat(form.selectFirst("#source option[selected]").attr("value")).isEqualTo("GP");
    assertThat(form.select("#needs-hint")).hasSize(1);
    assertThat(form.select("input[name=needs]")).hasSizeGreaterThan(5);

    String nhs = nhsNumber();
    WebSession.Page sent = session.post("/referrals/new", referrerForm("Winifred", nhs));
    assertThat(sent.status()).isEqualTo(302);
    WebSession.Page confirmation = session.get(sent.location().replaceAll("^https?://[^/]+", ""));
    assertThat(confirmation.status()).isEqualTo(200);
    String reference = confirmation.document().selectFirst("[data-testid=reference]").text();
    assertThat(reference).matches("WM-[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(confirmation.document().select(".nhsuk-panel").text()).contains("Referral sent");
    assertThat(confirmation.body()).contains("What happens next");

    Map<String, Object> row =
        jdbc.sql(
                "SELECT organisation_id, channel, status, person_as_referred->>'nhsNumber' AS nhs"
                    + " FROM referral WHERE reference = ?")
            .param(reference)
            .query()
            .singleRow();
    assertThat(row.get("organisation_id")).isEqualTo(organisation(identity, "Moorland PCN").id());
    assertThat(row.get("channel")).isEqualTo("WEB_FORM");
    assertThat(row.get("status")).isEqualTo("RECEIVED");
    assertThat(row.get("nhs")).isEqualTo(nhs);

    Document mine = session.get("/referrals/mine").document();
    Element line = mine.selectFirst("tr[data-reference=" + reference + "]");
    assertThat(line).isNotNull();
    assertThat(line.text()).contains("Winifred Referred").contains("Waiting for triage");
    assertThat(mine.select("table caption").text()).isNotBlank();
  }

  @Test
  void listsEveryProblemAtOnceKeepsWhatWasTypedAndWritesNothing() {
    WebSession session = referrer();
    Map<String, String> f = referrerForm("Problematic", "123 456");
    f.remove("consentToShare");
    f.remove("needs");
    f.remove("phone");
    f.remove("addressLine1");
    f.remove("town");
    f.remove("postcode");
    f.put("referrerEmail", "not-an-email");
    int referralsBefore = count("referral");
    int peopleBefore = count("person");

    WebSession.Page page = session.post("/referrals/new", f);

    assertThat(page.status()).isEqualTo(200);
    Document doc = page.document();
    assertThat(doc.title()).startsWith("Error:");
    List<String> links =
        doc.select(".nhsuk-error-summary__list a").stream().map(a -> a.attr("href")).toList();
    assertThat(links)
        .containsExactly("#nhsNumber", "#phone", "#needs", "#consentToShare", "#referrerEmail");
    for (String link : links) {
      assertThat(doc.select(link)).as("the field " + link + " the summary links to").hasSize(1);
    }
    assertThat(doc.select(".nhsuk-error-summary").text())
        .contains("NHS number")
        .contains("at least one way to contact")
        .contains("at least one thing")
        .contains("must agree")
        .contains("email address");
    assertThat(doc.select("#nhsNumber-error")).hasSize(1);
    assertThat(doc.selectFirst("#givenName").attr("value")).isEqualTo("Problematic");
    assertThat(doc.selectFirst("#referrerEmail").attr("value")).isEqualTo("not-an-email");
    assertThat(doc.selectFirst("#reason").text()).startsWith("Lives alone");
    assertThat(count("referral")).isEqualTo(referralsBefore);
    assertThat(count("person")).isEqualTo(peopleBefore);
  }

  @Test
  void anotherReferrerIsRefusedTheReferralItsConfirmationAndItsPdf() {
    UUID id = refer(referrer(), "Private");
    Referral r = load(id);
    UserAccount manager = managerOf(r.organisationId());
    as(users, manager.email(), () -> referrals.accept(id, r.version()));
    as(users, manager.email(), () -> referrals.recordDischarge(id, "Discharged after 6 weeks."));
    UserAccount other =
        TestUsers.create(
            identity, organisation(identity, "Hillside Health Centre").id(), Role.REFERRER);
    WebSession stranger = new WebSession(port);
    stranger.signIn(other.email(), TestUsers.PASSWORD);

    assertThat(stranger.get("/referrals/" + id).status()).isEqualTo(403);
    assertThat(stranger.get("/referrals/" + id + "/discharge.pdf").status()).isEqualTo(403);
    assertThat(stranger.get("/referrals/" + id + "/sent").status()).isEqualTo(403);
    assertThat(stranger.get("/referrals/mine").body()).doesNotContain(r.reference());
    assertThat(
            jdbc.sql(
                    """
                    SELECT count(*) FROM audit_event WHERE user_id = ? AND record_id = ?
                      AND outcome = 'REFUSED' AND action = 'REFERRAL_READ'
                    """)
                .params(other.id(), id.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(3);
    // The referrer who made it, and the receiving PCN's manager, may read it.
    assertThat(referrer().get("/referrals/" + id).status()).isEqualTo(200);
    WebSession managerSession = new WebSession(port);
    managerSession.signIn(manager.email(), TestUsers.PASSWORD);
    assertThat(managerSession.get("/referrals/" + id).status()).isEqualTo(200);
    // The confirmation is only ever the referrer's.
    assertThat(managerSession.get("/referrals/" + id + "/sent").status()).isEqualTo(403);
  }

  @Test
  void theDischargeSummaryIsARealPdfWithTheReferenceAndTheWholeSummary() throws IOException {
    WebSession session = referrer();
    UUID id = refer(session, "Pdfina");
    Referral r = load(id);
    UserAccount manager = managerOf(r.organisationId());
    String longSummary =
        "Pdfina joined the Thursday walking group and a lunch club. ".repeat(40)
            + "Zoë now volunteers at the café with Łukasz Nguyễn. Last line of the summary.";
    as(users, manager.email(), () -> referrals.accept(id, r.version()));
    as(users, manager.email(), () -> referrals.recordDischarge(id, longSummary));

    Document page = session.get("/referrals/" + id).document();
    assertThat(page.select("[data-testid=discharge-summary]").text())
        .contains("Last line of the summary");
    assertThat(page.select("a[href$=discharge.pdf]")).hasSize(1);

    HttpResponse<byte[]> pdf = getBytes(session, "/referrals/" + id + "/discharge.pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment")
        .contains(r.reference());
    byte[] bytes = pdf.body();
    assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertThat(doc.getDocumentInformation().getTitle()).contains(r.reference());
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
      // Words wrap onto new lines; compare the words, not the lines.
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(r.reference())
          .contains("Pdfina Referred")
          .contains(org.waymark.shared.NhsNumber.of(r.personAsReferred().nhsNumber()).formatted())
          .contains("Zoë now volunteers at the café with Łukasz Nguyễn")
          .contains("Last line of the summary");
    }
    // Not closed yet: no summary to download.
    UUID open = refer(session, "Notyet");
    assertThat(session.get("/referrals/" + open + "/discharge.pdf").status()).isEqualTo(404);
  }

  @Test
  void theReferrerAnswersARequestForMoreInformationAndTheReferralWaitsForTriageAgain() {
    WebSession session = referrer();
    UUID id = refer(session, "Questioned");
    Referral r = load(id);
    UserAccount manager = managerOf(r.organisationId());
    as(
        users,
        manager.email(),
        () -> referrals.requestInformation(id, r.version(), "Does she have a carer?"));

    Document page = session.get("/referrals/" + id).document();
    assertThat(page.select("[data-testid=information-requested]").text())
        .contains("Does she have a carer?");
    String version = page.selectFirst("input[name=version]").attr("value");

    WebSession.Page empty =
        session.post(
            "/referrals/" + id + "/information", Map.of("version", version, "answer", "  "));
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.document().select(".nhsuk-error-summary a[href=#answer]").text())
        .isEqualTo("Enter your answer");

    WebSession.Page answered =
        session.post(
            "/referrals/" + id + "/information",
            Map.of("version", version, "answer", "Her daughter visits on Sundays."));
    assertThat(answered.status()).isEqualTo(302);

    Map<String, Object> now =
        jdbc.sql("SELECT status, version FROM referral WHERE id = ?").param(id).query().singleRow();
    assertThat(now.get("status")).isEqualTo("RECEIVED");
    assertThat(
            jdbc.sql(
                    """
                    SELECT note FROM referral_status_change WHERE referral_id = ?
                      AND from_status = 'INFORMATION_REQUESTED' AND to_status = 'RECEIVED'
                    """)
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("Her daughter visits on Sundays.");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'REFERRAL_INFORMATION_SUPPLIED'"
                        + " AND record_id = ? AND outcome = 'ALLOWED'")
                .param(id.toString())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    Document after = session.get("/referrals/" + id).document();
    assertThat(after.select("[data-testid=status]").text()).contains("Waiting for triage");
    assertThat(after.select("[data-testid=history]").text())
        .contains("Her daughter visits on Sundays.");
    assertThat(after.select("form[action$=/information]")).isEmpty();

    // Answering again, against the old version, changes nothing.
    WebSession.Page stale =
        session.post(
            "/referrals/" + id + "/information", Map.of("version", version, "answer", "Again"));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.document().select(".nhsuk-error-summary").text()).contains("changed");
  }

  @Test
  void theReferrerWithdrawsAReferralThatWaitsForTriageSayingWhy() {
    WebSession session = referrer();
    UUID id = refer(session, "Withdrawn");
    Referral r = load(id);
    Document page = session.get("/referrals/" + id).document();
    assertThat(page.select("[data-testid=withdraw] form[action$=/withdraw]")).hasSize(1);
    String version = page.selectFirst("[data-testid=withdraw] input[name=version]").attr("value");

    UserAccount other =
        TestUsers.create(
            identity, organisation(identity, "Hillside Health Centre").id(), Role.REFERRER);
    WebSession stranger = new WebSession(port);
    stranger.signIn(other.email(), TestUsers.PASSWORD);
    assertThat(
            stranger
                .post(
                    "/referrals/" + id + "/withdraw",
                    Map.of("version", version, "withdrawReason", "Not mine"))
                .status())
        .isEqualTo(403);

    WebSession.Page empty =
        session.post(
            "/referrals/" + id + "/withdraw", Map.of("version", version, "withdrawReason", " "));
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.document().select(".nhsuk-error-summary a[href=#withdrawReason]").text())
        .isEqualTo("Enter why you are withdrawing the referral");
    assertThat(load(id).status()).isEqualTo(ReferralStatus.RECEIVED);

    WebSession.Page withdrawn =
        session.post(
            "/referrals/" + id + "/withdraw",
            Map.of("version", version, "withdrawReason", "She found a group herself."));
    assertThat(withdrawn.status()).isEqualTo(302);
    Document after = session.get("/referrals/" + id).document();
    assertThat(after.select("[data-testid=status]").text()).contains("Withdrawn by the referrer");
    assertThat(after.select("[data-testid=history]").text()).contains("She found a group herself.");
    assertThat(after.select("[data-testid=withdraw]")).isEmpty();
    UserAccount manager = managerOf(r.organisationId());
    assertThat(as(users, manager.email(), () -> referrals.awaitingTriage()))
        .extracting(Referral::id)
        .doesNotContain(id);

    WebSession.Page again =
        session.post(
            "/referrals/" + id + "/withdraw",
            Map.of("version", version, "withdrawReason", "Again"));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.document().select(".nhsuk-error-summary").text()).contains("changed");
  }

  @Test
  void aDeclinedReferralShowsTheReasonAndTheSignposting() {
    WebSession session = referrer();
    UUID id = refer(session, "Declined");
    Referral r = load(id);
    UserAccount manager = managerOf(r.organisationId());
    as(
        users,
        manager.email(),
        () ->
            referrals.decline(
                id,
                r.version(),
                "Already supported by the community mental health team.",
                "Leeds Mind peer support"));
    Document page = session.get("/referrals/" + id).document();
    assertThat(page.select("[data-testid=status]").text()).contains("Declined");
    assertThat(page.select("[data-testid=declined]").text())
        .contains("Already supported by the community mental health team.")
        .contains("Leeds Mind peer support");
  }

  @Test
  void theReferrerNeverSeesCasework() {
    WebSession session = referrer();
    UUID id = refer(session, "Casework");
    Referral r = load(id);
    UserAccount manager = managerOf(r.organisationId());
    UserAccount linkWorker = TestUsers.create(identity, r.organisationId(), Role.LINK_WORKER);
    as(users, manager.email(), () -> referrals.accept(id, r.version()));
    // The case the PCN holds for this referral, with what only the service may read.
    jdbc.sql(
            """
            INSERT INTO casework_case (organisation_id, id, referral_id, person_id, link_worker_id,
              status, closed_at, closure_reason)
            VALUES (?, ?, ?, ?, ?, 'CLOSED', now(), 'CASEWORK-ONLY closure detail')
            """)
        .params(r.organisationId(), UUID.randomUUID(), id, r.personId(), linkWorker.id())
        .update();
    as(users, manager.email(), () -> referrals.recordDischarge(id, "Summary for the referrer."));

    WebSession.Page page = session.get("/referrals/" + id);
    assertThat(page.status()).isEqualTo(200);
    String main = page.document().selectFirst("main").html();
    assertThat(main).contains("Summary for the referrer.");
    assertThat(main)
        .doesNotContain("CASEWORK-ONLY")
        .doesNotContain(linkWorker.displayName())
        .doesNotContain(linkWorker.id().toString())
        .doesNotContain("/cases/")
        .doesNotContainIgnoringCase("case note")
        .doesNotContainIgnoringCase("contacts")
        .doesNotContainIgnoringCase("support plan")
        .doesNotContainIgnoringCase("assessment");
  }

  @Test
  void staffRecordingALetterReferralGiveTheDayItCameAndReferrersAreNotAsked() {
    assertThat(referrer().get("/referrals/new").document().select("#receivedOn-input")).isEmpty();

    UUID pcn = ReferralPageFixtures.organisation(identity, "Moorland PCN").id();
    UserAccount manager = managerOf(pcn);
    WebSession staff = new WebSession(port);
    staff.signIn(manager.email(), TestUsers.PASSWORD);
    assertThat(staff.get("/referrals/new").document().select("#receivedOn-input")).hasSize(1);

    java.time.LocalDate day =
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(9);
    java.util.Map<String, String> form = referrerForm("Letitia", nhsNumber());
    form.put("receivedOnDay", Integer.toString(day.getDayOfMonth()));
    form.put("receivedOnMonth", Integer.toString(day.getMonthValue()));
    form.put("receivedOnYear", Integer.toString(day.getYear()));
    WebSession.Page sent = staff.post("/referrals/new", form);
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    UUID id =
        UUID.fromString(sent.location().replaceAll(".*/referrals/([0-9a-f-]{36})/sent", "$1"));
    assertThat(
            jdbc.sql(
                    "SELECT (received_at AT TIME ZONE 'Europe/London')::date FROM referral WHERE id = ?")
                .param(id)
                .query(java.time.LocalDate.class)
                .single())
        .isEqualTo(day);

    form.put("nhsNumber", nhsNumber());
    form.put("receivedOnYear", "2018");
    WebSession.Page refused = staff.post("/referrals/new", form);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.document().select(".nhsuk-error-summary").text())
        .contains("on or after 1 January 2019");
  }

  @Test
  void myReferralsIsOnlyForReferrers() {
    for (Role role : List.of(Role.LINK_WORKER, Role.COMMISSIONER, Role.VCS_COORDINATOR)) {
      assertThat(new WebSession(port).signedInAs(role).get("/referrals/mine").status())
          .as(role.name())
          .isEqualTo(403);
    }
    assertThat(referrer().get("/referrals/mine").status()).isEqualTo(200);
  }

  private HttpResponse<byte[]> getBytes(WebSession session, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Cookie", "WAYMARK_SESSION=" + session.sessionCookie())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The referral as stored, read as the demo referrer who made it. */
  private Referral load(UUID id) {
    return as(users, DemoAccounts.email(Role.REFERRER), () -> referrals.find(id));
  }
}
