package org.waymark.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.shared.NhsNumber;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WaymarkIntegrationTest
class PersonIntegrationTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired IdentityManagement identity;
  @Autowired PersonManagement people;

  // ---- helpers ----

  /** A valid NHS number from the 999 test range, away from the demo people's 999 000 xxxx. */
  static String freshNhsNumber() {
    while (true) {
      String nine = "999" + (500_000 + ThreadLocalRandom.current().nextInt(500_000));
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (nine.charAt(i) - '0') * (10 - i);
      }
      int check = (11 - sum % 11) % 11;
      if (check != 10) {
        return nine + check;
      }
    }
  }

  /** Letters that make a test's names unique in the shared database. */
  static String unique() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }

  static Map<String, String> validForm(String nhsNumber, String given, String family) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("nhsNumber", nhsNumber);
    f.put("givenName", given);
    f.put("familyName", family);
    f.put("dateOfBirthDay", "14");
    f.put("dateOfBirthMonth", "2");
    f.put("dateOfBirthYear", "1957");
    f.put("sex", "MALE");
    f.put("ethnicity", "WHITE_IRISH");
    f.put("preferredLanguage", "Irish");
    f.put("addressLine1", "7 Quarry Hill");
    f.put("town", "Leeds");
    f.put("postcode", "ls2 7ey");
    f.put("mobile", "07700 900555");
    f.put("smsConsent", "true");
    return f;
  }

  static WebSession.Page create(WebSession browser, Map<String, String> form) {
    return browser.post("/people", form);
  }

  static UUID createdId(WebSession.Page answer) {
    assertThat(answer.status()).as("a saved form redirects to the record").isEqualTo(302);
    String location = answer.location();
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  WebSession linkWorker() {
    return new WebSession(port).signedInAs(Role.LINK_WORKER);
  }

  /** The demo link worker, acting for Moorland PCN instead of Aire Valley. */
  WebSession moorlandLinkWorker() {
    WebSession browser = linkWorker();
    WebSession.Page chosen =
        browser.post(
            "/choose-organisation", Map.of("membership", pcn("Moorland PCN") + ":LINK_WORKER"));
    assertThat(chosen.status()).isEqualTo(302);
    assertThat(browser.get("/").document().select("[data-testid=acting-organisation]").text())
        .isEqualTo("Link worker, Moorland PCN");
    return browser;
  }

  UUID pcn(String name) {
    return identity.organisations(OrganisationType.PCN).stream()
        .filter(o -> o.name().equals(name))
        .map(Organisation::id)
        .findFirst()
        .orElseThrow();
  }

  long peopleWithNhsNumber(String nhsNumber) {
    return jdbc.sql("SELECT count(*) FROM person WHERE nhs_number = ?")
        .param(nhsNumber)
        .query(Long.class)
        .single();
  }

  long peopleNamed(String familyName) {
    return jdbc.sql("SELECT count(*) FROM person WHERE family_name = ?")
        .param(familyName)
        .query(Long.class)
        .single();
  }

  /** One text column of a stored record, read directly: tests act for no user. */
  String column(UUID id, String name) {
    return jdbc.sql("SELECT " + name + " FROM person WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  static String summaryValue(Document page, String field) {
    Element row = page.selectFirst("[data-testid=person-summary] [data-field=" + field + "]");
    assertThat(row).as("summary row " + field).isNotNull();
    return row.selectFirst(".nhsuk-summary-list__value").text();
  }

  static List<String> errorSummaryLinks(Document page) {
    return page.select(".nhsuk-error-summary a").eachAttr("href");
  }

  static JsonNode json(WebSession.Page page) {
    return JSON.readTree(page.body());
  }

  // ---- adding and reading ----

  @Test
  void linkWorkerAddsAPersonThroughTheFormAndReadsItBack() {
    WebSession browser = linkWorker();
    String nhs = freshNhsNumber();
    String family = "Byrne-" + unique();
    assertThat(browser.get("/people/new").status()).isEqualTo(200);

    UUID id =
        createdId(create(browser, validForm(NhsNumber.of(nhs).formatted(), "Declan", family)));

    WebSession.Page page = browser.get("/people/" + id);
    assertThat(page.status()).isEqualTo(200);
    Document doc = page.document();
    assertThat(doc.select(".nhsuk-notification-banner").text()).contains("Person added");
    assertThat(page.h1()).contains("Declan " + family).contains("Aire Valley PCN");
    assertThat(summaryValue(doc, "nhsNumber")).isEqualTo(NhsNumber.of(nhs).formatted());
    assertThat(summaryValue(doc, "dateOfBirth")).isEqualTo("14 February 1957");
    assertThat(summaryValue(doc, "sex")).isEqualTo("Male");
    assertThat(summaryValue(doc, "ethnicity")).isEqualTo("White: Irish");
    assertThat(summaryValue(doc, "postcode")).isEqualTo("LS2 7EY");
    assertThat(summaryValue(doc, "smsConsent")).isEqualTo("Yes");
    assertThat(summaryValue(doc, "phoneConsent")).isEqualTo("No");
    assertThat(summaryValue(doc, "email")).isEqualTo("Not recorded");
    assertThat(doc.select("[data-field=town] a").attr("href"))
        .isEqualTo("/people/" + id + "/edit#town");

    WebSession.Page found = browser.get("/people?nhsNumber=" + nhs);
    assertThat(found.document().select("[data-testid=person-row]")).hasSize(1);
    assertThat(found.document().select("[data-testid=person-row] td").eachText())
        .contains(NhsNumber.of(nhs).formatted());
  }

  @Test
  void serviceManagerOfThePcnReadsARecordALinkWorkerAdded() {
    UUID id =
        createdId(create(linkWorker(), validForm(freshNhsNumber(), "Niamh", "Walsh-" + unique())));
    WebSession manager = new WebSession(port).signedInAs(Role.SERVICE_MANAGER);
    assertThat(manager.get("/people/" + id).status()).isEqualTo(200);
  }

  @Test
  void unicodeNamesRoundTripExactlyThroughTheFormAndTheApi() {
    WebSession browser = linkWorker();
    // Written decomposed (e + combining mark): it must come back as written, not composed.
    String given = "Zoe\u0308 Rene\u0301e";
    String family = "Łukasiewicz-Nguyễn Ó Ceallaigh-" + unique();
    String other = "Siobhán Þórsdóttir 山田 😀";
    Map<String, String> form = validForm(freshNhsNumber(), given, family);
    form.put("otherNames", other);
    UUID id = createdId(create(browser, form));

    Document page = browser.get("/people/" + id).document();
    assertThat(summaryValue(page, "givenName")).isEqualTo(given);
    assertThat(summaryValue(page, "familyName")).isEqualTo(family);
    assertThat(summaryValue(page, "otherNames")).isEqualTo(other);

    Document edit = browser.get("/people/" + id + "/edit").document();
    assertThat(edit.getElementById("givenName").val()).isEqualTo(given);
    assertThat(edit.getElementById("familyName").val()).isEqualTo(family);

    JsonNode api = json(browser.json("GET", "/api/people/" + id, null));
    assertThat(api.get("givenName").stringValue()).isEqualTo(given);
    assertThat(api.get("familyName").stringValue()).isEqualTo(family);
    assertThat(api.get("otherNames").stringValue()).isEqualTo(other);
  }

  @Test
  void nameSearchIgnoresCaseAndAccentsAndNeedsEveryWord() {
    WebSession browser = linkWorker();
    String tag = unique();
    UUID id =
        createdId(create(browser, validForm(freshNhsNumber(), "Zoë", "Łukasiewicz-Nguyễn-" + tag)));

    for (String query :
        List.of("lukasiewicz-nguyen-" + tag, "ZOE " + tag.toUpperCase(), "Łukasiewicz " + tag)) {
      Document results =
          browser
              .get(
                  "/people?name="
                      + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
              .document();
      assertThat(results.select("[data-testid=person-row] a").eachAttr("href"))
          .as(query)
          .containsExactly("/people/" + id);
    }
    Document none = browser.get("/people?name=Agatha+" + tag).document();
    assertThat(none.select("[data-testid=person-row]")).isEmpty();
    assertThat(none.select("[data-testid=result-count]").text()).isEqualTo("0 people found");
  }

  @Test
  void searchByDateOfBirthFindsOnlyThatDate() {
    WebSession browser = linkWorker();
    String family = "Dobson-" + unique();
    Map<String, String> form = validForm(freshNhsNumber(), "Edith", family);
    form.put("dateOfBirthDay", "3");
    form.put("dateOfBirthMonth", "9");
    form.put("dateOfBirthYear", "1923");
    UUID id = createdId(create(browser, form));
    Document found =
        browser
            .get(
                "/people?name="
                    + family
                    + "&dateOfBirthDay=3&dateOfBirthMonth=9&dateOfBirthYear=1923")
            .document();
    assertThat(found.select("[data-testid=person-row] a").eachAttr("href"))
        .containsExactly("/people/" + id);
    Document other =
        browser
            .get(
                "/people?name="
                    + family
                    + "&dateOfBirthDay=4&dateOfBirthMonth=9&dateOfBirthYear=1923")
            .document();
    assertThat(other.select("[data-testid=person-row]")).isEmpty();
  }

  @Test
  void resultsAreInFamilyNameOrderIgnoringAccents() {
    WebSession browser = linkWorker();
    String tag = unique();
    createdId(create(browser, validForm(freshNhsNumber(), tag, "Berg")));
    createdId(create(browser, validForm(freshNhsNumber(), tag, "Ålund")));
    Document found = browser.get("/people?name=" + tag).document();
    assertThat(found.select("[data-testid=person-row] a").eachText())
        .containsExactly("Ålund, " + tag, "Berg, " + tag);
  }

  @Test
  void peopleWithoutAnNhsNumberCanBeRecorded() {
    WebSession browser = linkWorker();
    String family = "Nobody-" + unique();
    UUID first = createdId(create(browser, validForm("", "Ann", family)));
    UUID second = createdId(create(browser, validForm("", "Bea", family)));
    assertThat(first).isNotEqualTo(second);
    assertThat(summaryValue(browser.get("/people/" + first).document(), "nhsNumber"))
        .isEqualTo("Not recorded");
  }

  // ---- bad input ----

  @Test
  void anInvalidNhsNumberIsShownInTheErrorSummaryAndNothingIsWritten() {
    String family = "Invalid-" + unique();
    WebSession.Page answer = create(linkWorker(), validForm("943 476 5918", "Ivo", family));
    assertThat(answer.status()).isEqualTo(200);
    Document doc = answer.document();
    assertThat(doc.select(".nhsuk-error-summary").text()).contains("Enter a valid NHS number");
    assertThat(errorSummaryLinks(doc)).containsExactly("#nhsNumber");
    assertThat(doc.getElementById("nhsNumber").val()).isEqualTo("943 476 5918");
    assertThat(
            doc.getElementById("nhsNumber")
                .closest(".nhsuk-form-group")
                .hasClass("nhsuk-form-group--error"))
        .isTrue();
    assertThat(doc.getElementById("familyName").val()).isEqualTo(family);
    assertThat(peopleNamed(family)).isZero();
  }

  @Test
  void aDateOfBirthInTheFutureIsRefusedAndNothingIsWritten() {
    String family = "Future-" + unique();
    Map<String, String> form = validForm(freshNhsNumber(), "Faye", family);
    LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(1);
    form.put("dateOfBirthDay", String.valueOf(tomorrow.getDayOfMonth()));
    form.put("dateOfBirthMonth", String.valueOf(tomorrow.getMonthValue()));
    form.put("dateOfBirthYear", String.valueOf(tomorrow.getYear()));
    WebSession.Page answer = create(linkWorker(), form);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary").text())
        .contains("Date of birth must be today or in the past");
    assertThat(errorSummaryLinks(answer.document())).containsExactly("#dateOfBirth");
    assertThat(answer.document().select("#dateOfBirth-error").text())
        .contains("Date of birth must be today or in the past");
    assertThat(peopleNamed(family)).isZero();
  }

  @Test
  void aDateOfBirthWithoutAMonthSaysWhichPartIsMissing() {
    String family = "Partial-" + unique();
    Map<String, String> form = validForm(freshNhsNumber(), "Pat", family);
    form.put("dateOfBirthMonth", "");
    Document doc = create(linkWorker(), form).document();
    assertThat(doc.select(".nhsuk-error-summary").text())
        .contains("Date of birth must include a month");
    assertThat(doc.getElementById("dateOfBirth-month").hasClass("nhsuk-input--error")).isTrue();
    assertThat(doc.getElementById("dateOfBirth").hasClass("nhsuk-input--error")).isFalse();
    assertThat(peopleNamed(family)).isZero();
  }

  @Test
  void aBadPostcodeIsRefusedAndNothingIsWritten() {
    String family = "Postcode-" + unique();
    Map<String, String> form = validForm(freshNhsNumber(), "Paul", family);
    form.put("postcode", "LS1 ABC");
    WebSession.Page answer = create(linkWorker(), form);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary").text())
        .contains("Enter a real postcode, like LS1 4AP");
    assertThat(errorSummaryLinks(answer.document())).containsExactly("#postcode");
    assertThat(peopleNamed(family)).isZero();
  }

  @Test
  void missingNamesAndSexAreAllListedInPageOrderAndNothingIsWritten() {
    String nhs = freshNhsNumber();
    Map<String, String> form = validForm(nhs, " ", "");
    form.remove("sex");
    form.put("postcode", "nowhere");
    WebSession.Page answer = create(linkWorker(), form);
    assertThat(answer.status()).isEqualTo(200);
    Document doc = answer.document();
    assertThat(errorSummaryLinks(doc))
        .containsExactly("#givenName", "#familyName", "#sex", "#postcode");
    assertThat(doc.select(".nhsuk-error-summary").text())
        .contains(
            "Enter the person's given name",
            "Enter the person's family name",
            "Select the person's sex");
    assertThat(doc.getElementById("sex")).isNotNull();
    assertThat(peopleWithNhsNumber(nhs)).isZero();
  }

  @Test
  void aValueNoFormOffersIsRefusedWithTheFieldsOwnMessage() {
    String family = "Forged-" + unique();
    Map<String, String> form = validForm(freshNhsNumber(), "Fay", family);
    form.put("sex", "OTHER");
    form.put("ethnicity", "MARTIAN");
    WebSession.Page answer = create(linkWorker(), form);
    assertThat(answer.status()).isEqualTo(200);
    String summary = answer.document().select(".nhsuk-error-summary").text();
    assertThat(summary).contains("Select the person's sex", "Select an ethnicity from the list");
    assertThat(answer.body()).doesNotContain("Failed to convert").doesNotContain("Exception");
    assertThat(peopleNamed(family)).isZero();
  }

  @Test
  void consentToTextsWithoutAMobileIsRefused() {
    String family = "Consent-" + unique();
    Map<String, String> form = validForm(freshNhsNumber(), "Cal", family);
    form.put("mobile", "");
    Document doc = create(linkWorker(), form).document();
    assertThat(errorSummaryLinks(doc)).containsExactly("#smsConsent");
    assertThat(peopleNamed(family)).isZero();
  }

  @Test
  void theSameNhsNumberCannotBeRecordedTwiceInOneOrganisationButCanInAnother() {
    String nhs = freshNhsNumber();
    createdId(create(linkWorker(), validForm(nhs, "Orla", "First-" + unique())));
    WebSession.Page again = create(linkWorker(), validForm(nhs, "Orla", "Second-" + unique()));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.document().select(".nhsuk-error-summary").text())
        .contains("Someone with this NHS number is already recorded by your organisation");
    createdId(create(moorlandLinkWorker(), validForm(nhs, "Orla", "Third-" + unique())));
    assertThat(peopleWithNhsNumber(nhs)).isEqualTo(2);
  }

  @Test
  void theTableRefusesAnInvalidNhsNumberEvenFromOutsideTheApplication() {
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO person (organisation_id, id, nhs_number, given_name, family_name, date_of_birth, sex)"
                            + " VALUES (?, ?, '9434765918', 'Check', 'Constraint', DATE '1980-01-01', 'MALE')")
                    .params(pcn("Aire Valley PCN"), UUID.randomUUID())
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  // ---- changing ----

  @Test
  void aChangeIsSavedAndAuditedWithTheNamesOfTheFieldsChangedButNotTheirValues() {
    WebSession browser = linkWorker();
    String family = "Change-" + unique();
    Map<String, String> form = validForm(freshNhsNumber(), "Cora", family);
    UUID id = createdId(create(browser, form));
    browser.get("/people/" + id);
    Document edit = browser.get("/people/" + id + "/edit").document();
    form.put("version", edit.selectFirst("input[name=version]").val());
    form.put("town", "Otley");
    form.put("email", "cora@example.com");

    WebSession.Page saved = browser.post("/people/" + id + "/edit", form);
    assertThat(saved.status()).isEqualTo(302);
    Document page = browser.get("/people/" + id).document();
    assertThat(summaryValue(page, "town")).isEqualTo("Otley");
    assertThat(page.select(".nhsuk-notification-banner").text()).contains("Changes saved");

    AuditEvent update =
        audit.forPerson(id).stream()
            .filter(e -> e.action().equals("PERSON_UPDATED"))
            .findFirst()
            .orElseThrow();
    assertThat(update.detail()).isEqualTo("Changed: town, email");
    assertThat(update.detail()).doesNotContain("Otley").doesNotContain("cora@");
    assertThat(update.username()).isEqualTo("linkworker@demo.waymark.test");
  }

  @Test
  void aStaleEditIsRefusedWithAClearMessageAndKeepsWhatWasTyped() {
    WebSession first = linkWorker();
    WebSession second = linkWorker();
    String family = "Stale-" + unique();
    Map<String, String> form = validForm(freshNhsNumber(), "Stan", family);
    UUID id = createdId(create(first, form));
    String version =
        first.get("/people/" + id + "/edit").document().selectFirst("input[name=version]").val();

    Map<String, String> theirs = new LinkedHashMap<>(form);
    theirs.put("version", version);
    theirs.put("town", "Ilkley");
    assertThat(second.post("/people/" + id + "/edit", theirs).status()).isEqualTo(302);

    Map<String, String> mine = new LinkedHashMap<>(form);
    mine.put("version", version);
    mine.put("addressLine1", "1 New Street");
    WebSession.Page refused = first.post("/people/" + id + "/edit", mine);
    assertThat(refused.status()).isEqualTo(200);
    Document doc = refused.document();
    assertThat(doc.select(".nhsuk-error-summary").text())
        .contains("Someone else changed this record after you opened it");
    assertThat(doc.select("[data-testid=edit-conflict] li").eachText())
        .containsExactly("Address line 1", "Town or city");
    assertThat(doc.getElementById("addressLine1").val()).isEqualTo("1 New Street");

    assertThat(column(id, "town")).isEqualTo("Ilkley");
    assertThat(column(id, "address_line_1")).isEqualTo("7 Quarry Hill");

    // Saving again from the refused form is a deliberate choice, made against the current version.
    mine.put("version", doc.selectFirst("input[name=version]").val());
    assertThat(first.post("/people/" + id + "/edit", mine).status()).isEqualTo(302);
    assertThat(column(id, "address_line_1")).isEqualTo("1 New Street");
  }

  // ---- who may ----

  @Test
  void aLinkWorkerOfAnotherPcnIsRefusedAndTheRefusalIsAudited() {
    UUID id =
        createdId(create(linkWorker(), validForm(freshNhsNumber(), "Rhys", "Refused-" + unique())));
    WebSession other = moorlandLinkWorker();

    assertThat(other.get("/people/" + id).status()).isEqualTo(403);
    assertThat(other.get("/people/" + id + "/edit").status()).isEqualTo(403);
    WebSession.Page api = other.json("GET", "/api/people/" + id, null);
    assertThat(api.status()).isEqualTo(403);
    assertThat(api.header("Content-Type").orElseThrow()).startsWith("application/problem+json");

    List<AuditEvent> refusals =
        audit.forPerson(id).stream().filter(e -> e.outcome() == AuditOutcome.REFUSED).toList();
    assertThat(refusals).hasSize(3);
    assertThat(refusals)
        .allSatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("READ_PERSON");
              assertThat(e.organisationId()).isEqualTo(pcn("Moorland PCN"));
              assertThat(e.username()).isEqualTo("linkworker@demo.waymark.test");
            });
    assertThat(audit.forPerson(id)).noneMatch(e -> e.action().equals("PERSON_READ"));
  }

  @Test
  void aLinkWorkerOfAnotherPcnCannotChangeTheRecord() {
    Map<String, String> form = validForm(freshNhsNumber(), "Wyn", "Write-" + unique());
    UUID id = createdId(create(linkWorker(), form));
    form.put("version", "0");
    form.put("town", "Skipton");
    assertThat(moorlandLinkWorker().post("/people/" + id + "/edit", form).status()).isEqualTo(403);
    assertThat(column(id, "town")).isEqualTo("Leeds");
    assertThat(audit.forPerson(id))
        .anyMatch(e -> e.action().equals("WRITE_PERSON") && e.outcome() == AuditOutcome.REFUSED);
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"REFERRER", "VCS_COORDINATOR", "COMMISSIONER", "RESEARCHER", "ADMINISTRATOR"})
  void rolesWithoutAccessToPeopleAreRefusedEveryPersonPageAndTheApi(Role role) {
    UUID id =
        createdId(create(linkWorker(), validForm(freshNhsNumber(), "Rae", "Role-" + unique())));
    WebSession browser = new WebSession(port).signedInAs(role);
    assertThat(browser.get("/people").status()).isEqualTo(403);
    assertThat(browser.get("/people/new").status()).isEqualTo(403);
    assertThat(browser.get("/people/" + id).status()).isEqualTo(403);
    assertThat(browser.get("/people/" + id + "/edit").status()).isEqualTo(403);
    assertThat(
            browser
                .post("/people", validForm(freshNhsNumber(), "Rae", "Role-" + unique()))
                .status())
        .isEqualTo(403);
    assertThat(browser.json("GET", "/api/people/" + id, null).status()).isEqualTo(403);
    assertThat(audit.forPerson(id)).noneMatch(e -> e.action().equals("PERSON_READ"));
  }

  @Test
  void systemRegistrationIsRefusedInsideAWebRequest() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    try {
      PersonDetails details =
          PersonDetails.builder()
              .name("Sys", "Tem")
              .dateOfBirth(LocalDate.of(1970, 1, 1))
              .sex(Sex.NOT_KNOWN)
              .build();
      assertThatThrownBy(() -> people.registerBySystem(pcn("Aire Valley PCN"), details, "test"))
          .isInstanceOf(IllegalStateException.class);
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
    assertThat(peopleNamed("Tem")).isZero();
  }

  // ---- audit ----

  @Test
  void everyReadAndChangeLeavesAnAuditEntryWithThePersonId() {
    WebSession browser = linkWorker();
    Map<String, String> form = validForm(freshNhsNumber(), "Audrey", "Audit-" + unique());
    UUID id = createdId(create(browser, form));
    browser.get("/people/" + id);
    browser.get("/people/" + id + "/edit");
    form.put("version", "0");
    form.put("preferredName", "Aud");
    browser.post("/people/" + id + "/edit", form);
    browser.json("GET", "/api/people/" + id, null);

    List<String> actions =
        new ArrayList<>(audit.forPerson(id).stream().map(AuditEvent::action).toList());
    Collections.reverse(actions);
    assertThat(actions)
        .containsExactly(
            "PERSON_CREATED", "PERSON_READ", "PERSON_READ", "PERSON_UPDATED", "PERSON_READ");
    assertThat(audit.forPerson(id))
        .allSatisfy(
            e -> {
              assertThat(e.personId()).isEqualTo(id);
              assertThat(e.recordId()).isEqualTo(id.toString());
              assertThat(e.userId()).isNotNull();
              assertThat(e.outcome()).isEqualTo(AuditOutcome.ALLOWED);
            });
  }

  @Test
  void aSearchIsAuditedWithTheNumberFoundAndNoPerson() {
    WebSession browser = linkWorker();
    String family = "Searched-" + unique();
    createdId(create(browser, validForm(freshNhsNumber(), "Sia", family)));
    browser.get("/people?name=" + family);
    AuditEvent search =
        audit
            .search(
                new org.waymark.audit.AuditQuery(
                    "linkworker@", null, "PERSON_SEARCH", null, null, 0, 1))
            .events()
            .get(0);
    assertThat(search.detail()).isEqualTo("results=1");
    assertThat(search.personId()).isNull();
  }

  @Test
  void theAccessReportListsALinkWorkersReadOfTheRecord() {
    WebSession worker = linkWorker().from("203.0.113.9");
    String nhs = freshNhsNumber();
    UUID id = createdId(create(worker, validForm(nhs, "Carys", "Caldicott-" + unique())));
    worker.get("/people/" + id);

    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    WebSession.Page form = admin.get("/access-reports");
    assertThat(form.status()).isEqualTo(200);
    WebSession.Page report =
        admin.get("/access-reports?nhsNumber=" + NhsNumber.of(nhs).formatted().replace(' ', '+'));
    assertThat(report.status()).isEqualTo(200);
    Document doc = report.document();
    assertThat(doc.select("[data-testid=access-report]").eachAttr("data-person-id"))
        .containsExactly(id.toString());

    List<Element> reads =
        doc.select("[data-testid=access-row]").stream()
            .filter(r -> r.selectFirst("[data-action]").attr("data-action").equals("PERSON_READ"))
            .toList();
    assertThat(reads).hasSize(1);
    List<String> cells = reads.get(0).select("td").eachText();
    assertThat(cells.get(0)).matches("\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}:\\d{2} UTC");
    assertThat(cells.subList(1, 7))
        .containsExactly(
            "linkworker@demo.waymark.test",
            "Link worker",
            "Aire Valley PCN",
            "Read the record",
            "Allowed",
            reads.get(0).select("td").get(6).text());
    assertThat(doc.select("[data-action=PERSON_CREATED]")).hasSize(1);
    assertThat(doc.select("[data-action=PERSON_ACCESS_REPORT]")).hasSize(1);

    assertThat(audit.forPerson(id))
        .anyMatch(
            e ->
                e.action().equals("PERSON_ACCESS_REPORT")
                    && e.username().equals("admin@demo.waymark.test"));
  }

  @Test
  void theAccessReportFindsARecordInEveryOrganisationThatHoldsIt() {
    String nhs = freshNhsNumber();
    UUID aire = createdId(create(linkWorker(), validForm(nhs, "Bryn", "Both-" + unique())));
    UUID moor = createdId(create(moorlandLinkWorker(), validForm(nhs, "Bryn", "Both-" + unique())));
    Document doc =
        new WebSession(port)
            .signedInAs(Role.ADMINISTRATOR)
            .get("/access-reports?nhsNumber=" + nhs)
            .document();
    assertThat(doc.select("[data-testid=access-report]").eachAttr("data-person-id"))
        .containsExactlyInAnyOrder(aire.toString(), moor.toString());
  }

  @Test
  void theAccessReportExplainsAnInvalidOrUnknownNhsNumber() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    Document invalid = admin.get("/access-reports?nhsNumber=12345").document();
    assertThat(invalid.select(".nhsuk-error-summary a").attr("href")).isEqualTo("#nhsNumber");
    assertThat(invalid.select(".nhsuk-error-summary").text()).contains("Enter a valid NHS number");
    Document unknown = admin.get("/access-reports?nhsNumber=" + freshNhsNumber()).document();
    assertThat(unknown.select("[data-testid=no-record]").text())
        .contains("No organisation holds a record");
  }

  @Test
  void onlyAdministratorsSeeAccessReports() {
    assertThat(linkWorker().get("/access-reports").status()).isEqualTo(403);
    assertThat(
            new WebSession(port)
                .signedInAs(Role.SERVICE_MANAGER)
                .get("/access-reports?nhsNumber=9990000018")
                .status())
        .isEqualTo(403);
  }

  // ---- JSON API ----

  @Test
  void theApiAnswersTheRecordAsJson() {
    WebSession browser = linkWorker();
    String nhs = freshNhsNumber();
    UUID id = createdId(create(browser, validForm(nhs, "Jason", "Json-" + unique())));

    WebSession.Page answer = browser.json("GET", "/api/people/" + id, null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/json");
    JsonNode person = json(answer);
    assertThat(person.get("id").stringValue()).isEqualTo(id.toString());
    assertThat(person.get("organisationId").stringValue())
        .isEqualTo(pcn("Aire Valley PCN").toString());
    assertThat(person.get("nhsNumber").stringValue()).isEqualTo(nhs);
    assertThat(person.get("dateOfBirth").stringValue()).isEqualTo("1957-02-14");
    assertThat(person.get("sex").stringValue()).isEqualTo("MALE");
    assertThat(person.get("ethnicity").stringValue()).isEqualTo("WHITE_IRISH");
    assertThat(person.get("address").get("postcode").stringValue()).isEqualTo("LS2 7EY");
    assertThat(person.get("contact").get("smsConsent").booleanValue()).isTrue();
    assertThat(person.get("version").asLong()).isZero();

    JsonNode byNumber = json(browser.json("GET", "/api/people?nhsNumber=" + nhs, null));
    assertThat(byNumber.isArray()).isTrue();
    assertThat(byNumber.size()).isEqualTo(1);
    assertThat(byNumber.get(0).get("id").stringValue()).isEqualTo(id.toString());
    assertThat(audit.forPerson(id).stream().filter(e -> e.action().equals("PERSON_READ")).count())
        .isEqualTo(2);
  }

  @Test
  void theApiAnswersProblemDetailsForUnknownAndMalformedIdsAndInvalidNhsNumbers() {
    WebSession browser = linkWorker();
    WebSession.Page unknown = browser.json("GET", "/api/people/" + UUID.randomUUID(), null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(json(unknown).get("status").asInt()).isEqualTo(404);
    assertThat(json(unknown).get("requestId").isNull()).isFalse();

    WebSession.Page malformed = browser.json("GET", "/api/people/not-a-uuid", null);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.header("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at org.");

    WebSession.Page invalid = browser.json("GET", "/api/people?nhsNumber=123", null);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(json(invalid).get("errors").get(0).get("field").stringValue())
        .isEqualTo("nhsNumber");

    JsonNode none = json(browser.json("GET", "/api/people?nhsNumber=" + freshNhsNumber(), null));
    assertThat(none.isArray()).isTrue();
    assertThat(none.size()).isZero();
  }

  @Test
  void thePagesAnswerNotFoundForUnknownAndMalformedIds() {
    WebSession browser = linkWorker();
    assertThat(browser.get("/people/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(browser.get("/people/not-a-uuid").status()).isEqualTo(404);
  }

  // ---- demo data ----

  @Test
  void demoPeopleExistAfterStart() {
    Document aire = linkWorker().get("/people?name=lukasiewicz").document();
    assertThat(aire.select("[data-testid=person-row] td").eachText())
        .contains("Łukasiewicz-Nguyễn, Zoë", "999 000 0018");
    Document moor = moorlandLinkWorker().get("/people?name=siobhan").document();
    assertThat(moor.select("[data-testid=person-row] td").eachText())
        .contains("Ó Ceallaigh, Siobhán", "999 000 0085");

    List<String> demoNumbers =
        jdbc.sql(
                "SELECT nhs_number FROM person WHERE nhs_number LIKE '9990000%' ORDER BY nhs_number")
            .query(String.class)
            .list();
    assertThat(demoNumbers).hasSize(12).allMatch(NhsNumber::isValid);
    assertThat(
            jdbc.sql("SELECT count(*) FROM person WHERE deceased AND nhs_number LIKE '9990000%'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM person WHERE interpreter_needed AND nhs_number LIKE '9990000%'")
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(
            jdbc.sql(
                    "SELECT count(DISTINCT organisation_id) FROM person WHERE nhs_number LIKE '9990000%'")
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }
}
