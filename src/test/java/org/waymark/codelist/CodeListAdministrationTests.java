package org.waymark.codelist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.codelist.internal.Verhoeff;
import org.waymark.identity.Role;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class CodeListAdministrationTests {

  /** The SNOMED CT concepts DOMAIN.md names: referral to and declining social prescribing. */
  static final String REFERRAL_TO_SOCIAL_PRESCRIBING = "871731000000106";

  static final String SOCIAL_PRESCRIBING_DECLINED = "871711000000103";

  @LocalServerPort int port;
  @Autowired CodeLists codeLists;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  WebSession admin() {
    return new WebSession(port).signedInAs(Role.ADMINISTRATOR);
  }

  static String uniqueCode() {
    StringBuilder b = new StringBuilder("TEST_");
    for (int i = 0; i < 8; i++) {
      b.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }

  static Map<String, String> entryForm(String code, String label, String snomed, String position) {
    Map<String, String> f = new LinkedHashMap<>();
    if (code != null) {
      f.put("code", code);
    }
    f.put("label", label);
    f.put("snomedCode", snomed);
    f.put("position", position);
    return f;
  }

  /** Adds an entry to the closure reasons through the page and returns its code. */
  String added(WebSession browser, String label) {
    String code = uniqueCode();
    WebSession.Page answer =
        browser.post("/admin/code-lists/closure-reason/new", entryForm(code, label, "", "50"));
    assertThat(answer.status()).isEqualTo(302);
    // Follow the redirect as a browser would, so the "added" banner is shown and gone.
    browser.get("/admin/code-lists/closure-reason");
    return code;
  }

  long rows(String list) {
    return jdbc.sql("SELECT count(*) FROM code_list_entry WHERE list = ?")
        .param(list)
        .query(Long.class)
        .single();
  }

  long version(CodeList list, String code) {
    return jdbc.sql("SELECT version FROM code_list_entry WHERE list = ? AND code = ?")
        .params(list.name(), code)
        .query(Long.class)
        .single();
  }

  List<AuditEvent> audited(String action, String recordId) {
    return audit.search(new AuditQuery(null, null, action, null, null, 0, 200)).events().stream()
        .filter(e -> recordId.equals(e.recordId()))
        .toList();
  }

  static List<String> errorSummary(Document page) {
    return page.select(".nhsuk-error-summary li").eachText();
  }

  static Element row(Document page, String code) {
    return page.selectFirst("[data-testid=entry][data-code=" + code + "]");
  }

  @Test
  void theDomainsSnomedCodesHaveCorrectCheckDigitsAndOneDigitChangedDoesNot() {
    assertThat(Verhoeff.isValid(REFERRAL_TO_SOCIAL_PRESCRIBING)).isTrue();
    assertThat(Verhoeff.isValid(SOCIAL_PRESCRIBING_DECLINED)).isTrue();
    // Myocardial infarction, a core concept with a short id.
    assertThat(Verhoeff.isValid("22298006")).isTrue();
    assertThat(Verhoeff.isValid("871731000000107")).isFalse();
    // Two adjacent digits swapped.
    assertThat(Verhoeff.isValid("871731000000160")).isFalse();
    assertThat(Verhoeff.isValid("22298060")).isFalse();
  }

  @Test
  void theOverviewListsTheFourListsWithTheirCounts() {
    WebSession.Page page = admin().get("/admin/code-lists");
    assertThat(page.status()).isEqualTo(200);
    Document doc = page.document();
    assertThat(doc.select("[data-testid=code-lists] tbody th").eachText())
        .containsExactly("Referral sources", "Need domains", "Contact types", "Closure reasons");
    Element contactTypes = doc.selectFirst("[data-list=CONTACT_TYPE]");
    assertThat(contactTypes.selectFirst("[data-testid=total-count]").text())
        .isEqualTo(Long.toString(rows("CONTACT_TYPE")));
    assertThat(contactTypes.selectFirst("a").attr("href"))
        .isEqualTo("/admin/code-lists/contact-type");
  }

  @Test
  void anAdministratorAddsAnEntryWithASnomedCodeAndItIsOfferedAndAudited() {
    WebSession browser = admin();
    String code = uniqueCode();
    String label = "Referred to social prescribing " + code;

    WebSession.Page answer =
        browser.post(
            "/admin/code-lists/contact-type/new",
            entryForm(code.toLowerCase(), label, "8717 3100 0000 106", "40"));

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/admin/code-lists/contact-type");
    WebSession.Page list = browser.get("/admin/code-lists/contact-type");
    assertThat(list.document().select("[data-testid=success]").text()).contains(label + " added");
    Element row = row(list.document(), code);
    assertThat(row).as("the new entry's row, its code upper cased").isNotNull();
    assertThat(row.text()).contains(label, REFERRAL_TO_SOCIAL_PRESCRIBING, "Active", "40");

    CodeEntry entry = codeLists.find(CodeList.CONTACT_TYPE, code).orElseThrow();
    assertThat(entry.snomedCode()).isEqualTo(REFERRAL_TO_SOCIAL_PRESCRIBING);
    assertThat(entry.position()).isEqualTo(40);
    assertThat(codeLists.active(CodeList.CONTACT_TYPE)).contains(entry);

    assertThat(audited("CODE_LIST_ENTRY_CREATED", "CONTACT_TYPE:" + code))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.ALLOWED);
              assertThat(e.username()).isEqualTo("admin@demo.waymark.test");
              assertThat(e.personId()).isNull();
            });
  }

  @Test
  void badCodesDuplicatesAndAWrongCheckDigitAreRefusedWithFormMessagesAndNothingIsWritten() {
    WebSession browser = admin();
    long before = rows("CONTACT_TYPE");

    WebSession.Page invalid =
        browser.post(
            "/admin/code-lists/contact-type/new",
            entryForm("HOME-VISIT", "", "871731000000107", "ten"));
    assertThat(invalid.status()).isEqualTo(200);
    assertThat(errorSummary(invalid.document()))
        .containsExactly(
            "Code must be capital letters, digits and underscores, starting with a letter, 40"
                + " characters at most, like HOME_VISIT",
            "Enter a label",
            "SNOMED CT code is not a real concept id: its last digit does not match. Check it for a"
                + " mistyped or swapped digit",
            "Order must be a whole number, like 5");
    assertThat(invalid.document().select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactly("#code", "#label", "#snomedCode", "#position");
    assertThat(invalid.document().selectFirst("#snomedCode").attr("value"))
        .as("what was typed is kept")
        .isEqualTo("871731000000107");

    WebSession.Page duplicates =
        browser.post(
            "/admin/code-lists/contact-type/new", entryForm("PHONE", "  pHoNe ", "12345", "3"));
    assertThat(errorSummary(duplicates.document()))
        .containsExactly(
            "This list already has an entry with this code",
            "This list already has an entry with this label",
            "SNOMED CT code must be 6 to 18 digits, not starting with 0, like 871731000000106");

    WebSession.Page noCode =
        browser.post("/admin/code-lists/contact-type/new", entryForm("", "Something new", "", ""));
    assertThat(errorSummary(noCode.document()))
        .containsExactly("Enter a code", "Enter the order, a whole number from 0 to 9999");

    assertThat(rows("CONTACT_TYPE")).isEqualTo(before);
    assertThat(codeLists.find(CodeList.CONTACT_TYPE, "PHONE").orElseThrow().label())
        .isEqualTo("Phone");
  }

  @Test
  void theSameCodeMayBeUsedInAnotherList() {
    WebSession browser = admin();
    WebSession.Page answer =
        browser.post(
            "/admin/code-lists/closure-reason/new",
            entryForm("PHONE", "Moved to phone support " + uniqueCode(), "", "60"));
    assertThat(answer.status()).isEqualTo(302);
    assertThat(codeLists.find(CodeList.CLOSURE_REASON, "PHONE")).isPresent();
  }

  @Test
  void anAdministratorChangesAnEntryButNotItsCodeAndTheChangedFieldsAreAudited() {
    WebSession browser = admin();
    String code = added(browser, "Left the area " + uniqueCode());
    WebSession.Page form = browser.get("/admin/code-lists/closure-reason/" + code + "/edit");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.document().selectFirst("input[name=version]").attr("value")).isEqualTo("0");
    assertThat(form.document().select("input[name=code]"))
        .as("the code cannot be changed")
        .isEmpty();

    String newLabel = "Declined social prescribing " + code;
    Map<String, String> change =
        entryForm("CHANGED_CODE", newLabel, SOCIAL_PRESCRIBING_DECLINED, "7");
    change.put("active", "true");
    change.put("version", "0");
    WebSession.Page answer =
        browser.post("/admin/code-lists/closure-reason/" + code + "/edit", change);

    assertThat(answer.status()).isEqualTo(302);
    CodeEntry entry = codeLists.find(CodeList.CLOSURE_REASON, code).orElseThrow();
    assertThat(entry.label()).isEqualTo(newLabel);
    assertThat(entry.snomedCode()).isEqualTo(SOCIAL_PRESCRIBING_DECLINED);
    assertThat(entry.position()).isEqualTo(7);
    assertThat(entry.active()).isTrue();
    assertThat(codeLists.find(CodeList.CLOSURE_REASON, "CHANGED_CODE")).isEmpty();
    assertThat(version(CodeList.CLOSURE_REASON, code)).isEqualTo(1);
    assertThat(audited("CODE_LIST_ENTRY_UPDATED", "CLOSURE_REASON:" + code))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("Changed: label, snomedCode, position"));
  }

  @Test
  void aChangeToALabelAnotherEntryHasIsRefusedAndNothingIsWritten() {
    WebSession browser = admin();
    String code = added(browser, "Went abroad " + uniqueCode());
    Map<String, String> change = entryForm(null, "goals MET", "", "50");
    change.put("active", "true");
    change.put("version", "0");
    WebSession.Page answer =
        browser.post("/admin/code-lists/closure-reason/" + code + "/edit", change);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(errorSummary(answer.document()))
        .containsExactly("This list already has an entry with this label");
    assertThat(version(CodeList.CLOSURE_REASON, code)).isZero();
    assertThat(audited("CODE_LIST_ENTRY_UPDATED", "CLOSURE_REASON:" + code)).isEmpty();
  }

  @Test
  void aStaleEditIsRefusedAndOverwritesNothing() {
    WebSession first = admin();
    WebSession second = admin();
    String original = "Housing found " + uniqueCode();
    String code = added(first, original);

    Map<String, String> firstChange = entryForm(null, original + " (first)", "", "50");
    firstChange.put("active", "true");
    firstChange.put("version", "0");
    assertThat(
            first.post("/admin/code-lists/closure-reason/" + code + "/edit", firstChange).status())
        .isEqualTo(302);

    Map<String, String> staleChange = entryForm(null, original + " (second)", "", "51");
    staleChange.put("active", "true");
    staleChange.put("version", "0");
    WebSession.Page stale =
        second.post("/admin/code-lists/closure-reason/" + code + "/edit", staleChange);

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.document().select("[data-testid=edit-conflict]").text())
        .contains("Someone else changed this entry", original + " (first)");
    assertThat(stale.document().selectFirst("#label").attr("value"))
        .isEqualTo(original + " (second)");
    assertThat(stale.document().selectFirst("input[name=version]").attr("value")).isEqualTo("1");
    CodeEntry entry = codeLists.find(CodeList.CLOSURE_REASON, code).orElseThrow();
    assertThat(entry.label()).isEqualTo(original + " (first)");
    assertThat(entry.position()).isEqualTo(50);

    // The stale deactivate button is refused too.
    WebSession.Page staleDeactivate =
        second.post(
            "/admin/code-lists/closure-reason/" + code + "/active",
            Map.of("active", "false", "version", "0"));
    assertThat(staleDeactivate.status()).isEqualTo(200);
    assertThat(staleDeactivate.document().select(".nhsuk-error-summary").text())
        .contains("Someone else changed");
    assertThat(codeLists.isActive(CodeList.CLOSURE_REASON, code)).isTrue();
  }

  @Test
  void aDeactivatedEntryIsNoLongerOfferedButStillReadsAndCanBeReactivated() {
    WebSession browser = admin();
    String label = "Found work " + uniqueCode();
    String code = added(browser, label);

    WebSession.Page deactivated =
        browser.post(
            "/admin/code-lists/closure-reason/" + code + "/active",
            Map.of("active", "false", "version", "0"));

    assertThat(deactivated.status()).isEqualTo(302);
    assertThat(codeLists.active(CodeList.CLOSURE_REASON))
        .extracting(CodeEntry::code)
        .doesNotContain(code);
    assertThat(codeLists.isActive(CodeList.CLOSURE_REASON, code)).isFalse();
    assertThat(codeLists.label(CodeList.CLOSURE_REASON, code)).isEqualTo(label);
    assertThat(codeLists.all(CodeList.CLOSURE_REASON)).extracting(CodeEntry::code).contains(code);
    WebSession.Page list = browser.get("/admin/code-lists/closure-reason");
    assertThat(list.document().select("[data-testid=success]").text())
        .contains(label + " deactivated");
    assertThat(row(list.document(), code).text()).contains("Inactive", "Reactivate");
    assertThat(audited("CODE_LIST_ENTRY_UPDATED", "CLOSURE_REASON:" + code))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("Changed: active"));

    WebSession.Page reactivated =
        browser.post(
            "/admin/code-lists/closure-reason/" + code + "/active",
            Map.of("active", "true", "version", "1"));
    assertThat(reactivated.status()).isEqualTo(302);
    assertThat(codeLists.isActive(CodeList.CLOSURE_REASON, code)).isTrue();
    assertThat(audited("CODE_LIST_ENTRY_UPDATED", "CLOSURE_REASON:" + code)).hasSize(2);
  }

  @Test
  void anUntickedActiveBoxOnTheChangeFormDeactivates() {
    WebSession browser = admin();
    String label = "Chose another service " + uniqueCode();
    String code = added(browser, label);
    Map<String, String> change = entryForm(null, label, "", "50");
    change.put("version", "0");
    assertThat(browser.post("/admin/code-lists/closure-reason/" + code + "/edit", change).status())
        .isEqualTo(302);
    assertThat(codeLists.isActive(CodeList.CLOSURE_REASON, code)).isFalse();
  }

  @Test
  void unknownListsAndCodesAreNotFound() {
    WebSession browser = admin();
    assertThat(browser.get("/admin/code-lists/favourite-colours").status()).isEqualTo(404);
    assertThat(browser.get("/admin/code-lists/need/NO_SUCH_CODE/edit").status()).isEqualTo(404);
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"ADMINISTRATOR"},
      mode = EnumSource.Mode.EXCLUDE)
  void everyoneElseIsRefusedAndNothingIsWritten(Role role) {
    WebSession browser = new WebSession(port).signedInAs(role);
    long before = rows("NEED");
    assertThat(browser.get("/admin/code-lists").status()).isEqualTo(403);
    assertThat(browser.get("/admin/code-lists/need").status()).isEqualTo(403);
    assertThat(
            browser
                .post(
                    "/admin/code-lists/need/new",
                    entryForm(uniqueCode(), "Sneaky " + role, "", "1"))
                .status())
        .isEqualTo(403);
    assertThat(
            browser
                .post(
                    "/admin/code-lists/need/LONELINESS/active",
                    Map.of("active", "false", "version", "0"))
                .status())
        .isEqualTo(403);
    assertThat(rows("NEED")).isEqualTo(before);
    assertThat(codeLists.isActive(CodeList.NEED, "LONELINESS")).isTrue();
  }
}
