package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class ReferralImportTests {

  static final String HEADER =
      "nhs_number,given_name,family_name,date_of_birth,sex,postcode,phone,mobile,email,"
          + "registered_practice_ods_code,source,needs,reason,consent_to_share,consent_to_contact,"
          + "urgency,preferred_contact_method,safeguarding_concerns,referrer_name,referrer_job_title,"
          + "referrer_organisation,referrer_phone,referrer_email";

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  /** A fresh service manager of Aire Valley PCN, signed in. */
  record Manager(UserAccount account, WebSession session) {}

  Manager manager() {
    UserAccount account =
        TestUsers.create(
            identity, ReferralFixtures.organisation(identity, "U12345").id(), Role.SERVICE_MANAGER);
    WebSession session = new WebSession(port);
    session.signIn(account.email(), TestUsers.PASSWORD);
    return new Manager(account, session);
  }

  /** A good row for a new person registered at Kirkgate Surgery (Aire Valley PCN). */
  static String row(String nhsNumber, String givenName) {
    return nhsNumber
        + ","
        + givenName
        + ",Importson,1961-07-08,female,LS1 6BP,01632 960456,,,B86001,GP,LONELINESS;HOUSING,"
        + "\"Moved recently, knows nobody\",yes,no,routine,,,Dr Import,GP,Kirkgate Surgery,"
        + "01632 960001,dr.import@example.org";
  }

  record Answer(int status, String location, String body) {
    Document document() {
      return Jsoup.parse(body);
    }
  }

  Answer upload(WebSession session, byte[] content) throws IOException, InterruptedException {
    String boundary = "----waymark" + ThreadLocalRandom.current().nextLong(1L << 40);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String parts =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + session.csrfToken()
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"referrals.csv\""
            + "\r\nContent-Type: text/csv\r\n\r\n";
    body.write(parts.getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/referrals/import"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Cookie", "WAYMARK_SESSION=" + session.sessionCookie())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
  }

  Answer upload(WebSession session, String csv) throws IOException, InterruptedException {
    return upload(session, csv.getBytes(StandardCharsets.UTF_8));
  }

  long referralsBy(UserAccount user) {
    return jdbc.sql("SELECT count(*) FROM referral WHERE referrer_user_id = ?")
        .param(user.id())
        .query(Long.class)
        .single();
  }

  long peopleNamed(String givenName) {
    return jdbc.sql("SELECT count(*) FROM person WHERE given_name = ?")
        .param(givenName)
        .query(Long.class)
        .single();
  }

  static String unique(String name) {
    return name + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
  }

  @Test
  void aGoodFileImportsEveryRowAndShowsTheReferences() throws Exception {
    Manager m = manager();
    String a = unique("Ann");
    String b = unique("Bea");
    String csv =
        HEADER
            + "\n"
            + row(ReferralFixtures.nhsNumber(), a)
            + "\r\n"
            + row(ReferralFixtures.nhsNumber(), b)
                .replace("GP,LONELINESS;HOUSING", "practice nurse,money|food")
                .replace(",routine,", ",URGENT,")
            + "\n\n";
    Answer answer = upload(m.session(), csv);
    assertThat(answer.status()).as(answer.body()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/referrals/import/done");

    WebSession.Page done = m.session().get("/referrals/import/done");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.document().select("[data-testid=imported-count]").text())
        .isEqualTo("2 referrals imported");
    List<String> references = done.document().select("[data-testid=references] li").eachText();
    assertThat(references).hasSize(2).allMatch(r -> r.matches("WM-[0-9A-Z]{4}-[0-9A-Z]{4}"));

    assertThat(referralsBy(m.account())).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT DISTINCT channel || ' ' || organisation_id FROM referral WHERE referrer_user_id = ?")
                .param(m.account().id())
                .query(String.class)
                .list())
        .containsExactly("CSV_IMPORT " + ReferralFixtures.organisation(identity, "U12345").id());
    assertThat(
            jdbc.sql(
                    "SELECT source || ' ' || array_to_string(needs, ',') || ' ' || urgency FROM referral WHERE referrer_user_id = ? AND reference = ?")
                .params(m.account().id(), references.get(1))
                .query(String.class)
                .single())
        .isEqualTo("PRACTICE_NURSE MONEY,FOOD URGENT");
    assertThat(
            audit
                .search(
                    new AuditQuery(m.account().email(), null, "REFERRAL_IMPORT", null, null, 0, 10))
                .events())
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("imported=2"));
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        m.account().email(), null, "REFERRAL_CREATED", null, null, 0, 10))
                .total())
        .isEqualTo(2);
  }

  @Test
  void oneBadRowAmongGoodOnesImportsNothingAndReportsTheRow() throws Exception {
    Manager m = manager();
    String good1 = unique("Cat");
    String good2 = unique("Dan");
    String csv =
        HEADER
            + "\n"
            + row(ReferralFixtures.nhsNumber(), good1)
            + "\n"
            + row("1234567890", unique("Eve"))
                .replace("1961-07-08", "31/02/1961")
                .replace(",yes,no,", ",maybe,no,")
                .replace("LONELINESS;HOUSING", "LONELINESS;NOT_A_NEED")
            + "\n"
            + row(ReferralFixtures.nhsNumber(), good2)
            + "\n"
            // A practice of Moorland PCN: not the manager's PCN.
            + row(ReferralFixtures.nhsNumber(), unique("Fay")).replace("B86001", "B83001")
            + "\n";
    Answer answer = upload(m.session(), csv);

    assertThat(answer.status()).isEqualTo(200);
    Document report = answer.document();
    assertThat(report.select("h1").text()).isEqualTo("Referrals not imported");
    assertThat(report.select(".nhsuk-error-summary").text()).contains("2 rows have problems");
    List<String> row3 = new ArrayList<>();
    report
        .select("[data-testid=bad-row][data-row=3]")
        .forEach(r -> row3.add(r.select("td").get(1).text() + ": " + r.select("td").get(2).text()));
    assertThat(row3)
        .containsExactlyInAnyOrder(
            "nhs_number: Enter a valid NHS number: 10 digits, like 999 123 4567",
            "date_of_birth: Date of birth must be a real date in the format YYYY-MM-DD, like 1980-03-31",
            "consent_to_share: Enter yes or no",
            "needs: Select needs from the list");
    assertThat(report.select("[data-testid=bad-row][data-row=5]").text())
        .contains("registered_practice_ods_code", "not in your primary care network");
    assertThat(
            report.select("[data-testid=bad-row][data-row=2], [data-testid=bad-row][data-row=4]"))
        .isEmpty();

    assertThat(referralsBy(m.account())).isZero();
    assertThat(peopleNamed(good1)).isZero();
    assertThat(peopleNamed(good2)).isZero();
  }

  @Test
  void aSpreadsheetKeepsTheDayEachReferralWasReceived() throws Exception {
    Manager m = manager();
    String received = unique("Rae");
    Answer refused =
        upload(
            m.session(),
            HEADER
                + ",received_on\n"
                + row(ReferralFixtures.nhsNumber(), unique("Old"))
                + ",2018-05-01\n");
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.document().select("[data-testid=bad-row][data-row=2]").text())
        .contains("received_on", "on or after 1 January 2019");
    assertThat(referralsBy(m.account())).isZero();

    Answer done =
        upload(
            m.session(),
            HEADER
                + ",received_on\n"
                + row(ReferralFixtures.nhsNumber(), received)
                + ",14/03/2026\n");
    assertThat(done.status()).isEqualTo(302);
    assertThat(
            jdbc.sql(
                    "SELECT (received_at AT TIME ZONE 'Europe/London')::text FROM referral WHERE referrer_user_id = ?")
                .param(m.account().id())
                .query(String.class)
                .single())
        .isEqualTo("2026-03-14 09:00:00");
  }

  @Test
  void theTemplateDownloadsAndImportsOnceARowIsFilledIn() throws Exception {
    Manager m = manager();
    WebSession.Page template = m.session().get("/referrals/import/template.csv");
    assertThat(template.status()).isEqualTo(200);
    assertThat(template.header("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(template.header("Content-Disposition").orElseThrow())
        .contains("attachment", "referrals-template.csv");
    String[] lines = template.body().split("\r\n");
    assertThat(lines[0])
        .startsWith("\uFEFFnhs_number,given_name,family_name,date_of_birth,sex,")
        .contains("registered_practice_ods_code", "consent_to_share", "referrer_email");
    assertThat(lines[1]).startsWith("999 765 4323,").contains("@example.org");

    // The manager replaces the example with their own referral and uploads the file as it is.
    String given = unique("Gil");
    String filled =
        lines[0]
            + "\r\n"
            + lines[1].replace("999 765 4323", ReferralFixtures.nhsNumber()).replace("Alex", given)
            + "\r\n";
    Answer answer = upload(m.session(), filled);
    assertThat(answer.status()).as(answer.body()).isEqualTo(302);
    assertThat(referralsBy(m.account())).isEqualTo(1);
    assertThat(peopleNamed(given)).isEqualTo(1);
  }

  @Test
  void aFileThatCannotBeUsedIsRefusedAsAWholeWithAClearMessage() throws Exception {
    Manager m = manager();
    String good = row(ReferralFixtures.nhsNumber(), unique("Hal"));

    assertThat(fileError(upload(m.session(), ""))).isEqualTo("Error: Select a CSV file to import");
    assertThat(fileError(upload(m.session(), "\uFEFF\n\n"))).isEqualTo("Error: The file is empty");
    assertThat(fileError(upload(m.session(), HEADER + "\n")))
        .isEqualTo("Error: The file has a header row but no referrals");
    assertThat(
            fileError(upload(m.session(), HEADER.replace("given_name,", "") + "\n" + good + "\n")))
        .isEqualTo("Error: The header row must have these columns: given_name");
    assertThat(fileError(upload(m.session(), HEADER + ",dob\n" + good + ",x\n")))
        .contains("columns the template does not have: dob");
    byte[] latin1 =
        (HEADER + "\n" + good.replace("Importson", "Müller") + "\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    assertThat(fileError(upload(m.session(), latin1))).contains("UTF-8");
    assertThat(fileError(upload(m.session(), HEADER + "\n\"unclosed," + good + "\n")))
        .contains("not a valid CSV file");

    StringBuilder tooMany = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 5001; i++) {
      tooMany.append(good).append('\n');
    }
    assertThat(fileError(upload(m.session(), tooMany.toString())))
        .contains("no more than 5,000 rows");

    byte[] huge = new byte[6 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    assertThat(fileError(upload(m.session(), huge))).contains("smaller than 5 MB");
    assertThat(referralsBy(m.account())).isZero();
  }

  @Test
  void aByteOrderMarkIsAllowed() throws Exception {
    Manager m = manager();
    Answer answer =
        upload(
            m.session(),
            "\uFEFF" + HEADER + "\n" + row(ReferralFixtures.nhsNumber(), unique("Ida")) + "\n");
    assertThat(answer.status()).as(answer.body()).isEqualTo(302);
    assertThat(referralsBy(m.account())).isEqualTo(1);
  }

  @Test
  void onlyServiceManagersImport() {
    for (Role role : List.of(Role.REFERRER, Role.LINK_WORKER, Role.COMMISSIONER)) {
      WebSession session = new WebSession(port).signedInAs(role);
      assertThat(session.get("/referrals/import").status()).as(role.name()).isEqualTo(403);
      assertThat(session.get("/referrals/import/template.csv").status()).isEqualTo(403);
    }
    WebSession manager = new WebSession(port).signedInAs(Role.SERVICE_MANAGER);
    WebSession.Page page = manager.get("/referrals/import");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.h1()).isEqualTo("Import referrals");
    assertThat(page.document().select("input[type=file][name=file]")).hasSize(1);
  }

  private static String fileError(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary")).isNotEmpty();
    return answer.document().select("#file-error").text();
  }
}
