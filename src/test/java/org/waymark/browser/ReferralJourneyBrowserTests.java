package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.TestUsers;

/**
 * A referral from start to finish: a GP practice refers someone who looks like a person the service
 * already knows; the service manager sees the warning in triage, accepts and allocates to Lee
 * Linkworker; Lee records a contact, what matters to the person and a goal, and closes the case;
 * the referrer reads the discharge summary. Every page visited meets WCAG 2.2 AA.
 */
class ReferralJourneyBrowserTests extends BrowserTestSupport {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  @Autowired IdentityManagement identity;

  @Test
  void referralIsTriagedWorkedClosedAndTheReferrerReadsTheDischargeSummary() {
    // A referrer at Kirkgate Surgery, so Aire Valley PCN (the demo manager's) receives it.
    UserAccount referrer = TestUsers.create(identity, kirkgate().id(), Role.REFERRER);
    // The demo's Zoë Łukasiewicz-Nguyễn, spelt without accents and given no NHS number.
    String given = "Zoe";
    String family = "Lukasiewicz-Nguyen";

    // The referrer refers.
    LoginPage.open(browser()).signIn(referrer.email(), TestUsers.PASSWORD);
    navigate("Refer someone", "/referrals/new", "refer-someone");
    type("givenName", given);
    type("familyName", family);
    type("dateOfBirth", "12");
    type("dateOfBirth-month", "4");
    type("dateOfBirth-year", "1991");
    type("postcode", "LS6 3BN");
    type("mobile", "07700 900199");
    new Select(browser().find(By.id("registeredPracticeId")))
        .selectByVisibleText("Kirkgate Surgery");
    choose("needs", "LONELINESS");
    choose("needs", "MENTAL_WELLBEING");
    type("reason", "Feels cut off since moving to Leeds and would like to meet people.");
    choose("urgency", "ROUTINE");
    tick("consentToShare");
    tick("consentToContact");
    type("referrerPhone", "0113 496 0100");
    page("referral-form-filled", "referral form filled in");
    submit();
    waitForPath(browser(), p -> p.endsWith("/sent"), "/referrals/{id}/sent");
    String reference = text("[data-testid=reference]");
    assertThat(reference).matches("WM-[0-9A-Z]{4}-[0-9A-Z]{4}");
    page("referral-sent", "referral sent");
    signOut();

    // The service manager triages it.
    LoginPage.open(browser()).signInAs(Role.SERVICE_MANAGER);
    navigate("Triage", "/triage", "triage-queue");
    WebElement row = browser().find(By.cssSelector("tr[data-reference='" + reference + "']"));
    assertThat(row.findElements(By.cssSelector("[data-testid=duplicate-tag]"))).hasSize(1);
    row.findElement(By.linkText(reference)).click();
    waitForPath(browser(), p -> p.startsWith("/triage/"), "/triage/{id}");
    assertThat(browser().findAll(By.cssSelector("[data-testid=duplicate-row]")))
        .anySatisfy(r -> assertThat(r.getText()).contains("Łukasiewicz-Nguyễn"));
    page("triage-decision", "triage decision");
    // The records side by side, without merging: the referral goes on about its own record.
    String decision = browser().path();
    browser().find(By.partialLinkText("Compare and merge")).click();
    waitForPath(browser(), p -> p.matches("/people/.+/merge/.+"), "/people/{id}/merge/{other}");
    page("person-merge", "compare and merge");
    browser().open(decision);
    clickLabel("Lee Linkworker");
    browser().find(By.cssSelector("[data-testid=accept-form] button[type=submit]")).click();
    waitForPath(browser(), p -> p.equals("/triage"), "/triage");
    assertThat(browser().findAll(By.cssSelector("tr[data-reference='" + reference + "']")))
        .isEmpty();
    page("triage-accepted", "triage queue after accepting");
    signOut();

    // The link worker works the case.
    LoginPage.open(browser()).signInAs(Role.LINK_WORKER);
    assertThat(new Header(browser()).actingOrganisation()).contains("Aire Valley PCN");
    navigate("Caseload", "/caseload", "caseload");
    browser().find(By.linkText(given + " " + family)).click();
    waitForPath(browser(), p -> p.matches("/cases/[0-9a-f-]{36}"), "/cases/{id}");
    String casePath = browser().path();
    page("case", "case page");

    browser().find(By.linkText("Record a contact")).click();
    waitForPath(browser(), p -> p.endsWith("/contacts/new"), "/cases/{id}/contacts/new");
    LocalDate yesterday = LocalDate.now(UK).minusDays(1);
    choose("type", "PHONE");
    // The referral arrived today and no contact comes before it: today at midnight is always past.
    date("date", LocalDate.now(UK));
    type("time", "0");
    type("time-minute", "00");
    choose("outcome", "ATTENDED");
    type("durationMinutes", "25");
    type("notes", "Introductory call; agreed to meet at the practice.");
    page("contact-form", "contact form");
    submit();
    waitForPath(browser(), p -> p.equals(casePath + "/contacts"), casePath + "/contacts");
    assertThat(text("main")).contains("Introductory call");
    page("contacts", "contacts");

    browser().open(casePath + "/assessment");
    page("assessment-empty", "assessment before");
    browser().find(By.cssSelector("main a.nhsuk-button")).click();
    waitForPath(browser(), p -> p.endsWith("/assessment/edit"), "/cases/{id}/assessment/edit");
    date("assessedOn", yesterday);
    type("whatMatters", "I want to feel part of somewhere again.");
    page("assessment-form", "assessment form");
    submit();
    waitForPath(browser(), p -> p.equals(casePath + "/assessment"), casePath + "/assessment");
    assertThat(text("[data-testid=what-matters]")).contains("part of somewhere again");
    page("assessment", "assessment");

    browser().open(casePath + "/plan");
    page("plan-empty", "support plan before");
    browser().find(By.cssSelector("[data-testid=add-goal]")).click();
    waitForPath(browser(), p -> p.endsWith("/plan/goals/new"), "/cases/{id}/plan/goals/new");
    type("text", "Join an art group and get to know people there");
    choose("needs", "LONELINESS");
    page("goal-form", "goal form");
    submit();
    waitForPath(browser(), p -> p.equals(casePath + "/plan"), casePath + "/plan");
    assertThat(browser().findAll(By.cssSelector("[data-testid=goal]"))).hasSize(1);
    page("plan", "support plan");

    browser().open(casePath + "/close");
    page("close", "close the case");
    choose("closureReason", "GOALS_MET");
    submit();
    waitForPath(browser(), p -> p.endsWith("/close"), "/cases/{id}/close");
    String summary = browser().find(By.id("summary")).getDomProperty("value");
    assertThat(summary).contains(reference).contains("Goals met");
    page("close-summary", "discharge summary to check");
    submit();
    waitForPath(browser(), p -> p.endsWith("/close/preview"), "/cases/{id}/close/preview");
    page("close-preview", "discharge summary preview");
    browser().find(By.cssSelector("main button[name=action][value=confirm]")).click();
    waitForPath(browser(), p -> p.equals(casePath + "/close"), casePath + "/close");
    assertThat(text("main")).contains("Case closed and discharge summary sent");
    page("closed", "closed case");
    signOut();

    // The referrer reads the discharge summary.
    LoginPage.open(browser()).signIn(referrer.email(), TestUsers.PASSWORD);
    navigate("My referrals", "/referrals/mine", "my-referrals");
    WebElement mine = browser().find(By.cssSelector("tr[data-reference='" + reference + "']"));
    assertThat(mine.getText()).contains("Closed");
    mine.findElement(By.tagName("a")).click();
    waitForPath(browser(), p -> p.matches("/referrals/[0-9a-f-]{36}"), "/referrals/{id}");
    assertThat(text("[data-testid=discharge-summary]")).contains(reference).contains("Goals met");
    page("referral-discharged", "referral with its discharge summary");

    String pdf =
        browser().find(By.partialLinkText("Download the discharge summary")).getDomProperty("href");
    Map<String, Object> answer = fetch(pdf);
    assertThat(answer.get("status")).isEqualTo(200L);
    assertThat((String) answer.get("type")).startsWith("application/pdf");
  }

  private Organisation kirkgate() {
    return identity.organisations(OrganisationType.GP_PRACTICE).stream()
        .filter(o -> o.name().equals("Kirkgate Surgery"))
        .findFirst()
        .orElseThrow();
  }

  private void clickLabel(String text) {
    List<WebElement> labels = browser().findAll(By.cssSelector("main label"));
    labels.stream()
        .filter(l -> l.getText().trim().equals(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No label " + text))
        .click();
  }

  /** Fetches an address with the browser's own session: its status and content type. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> fetch(String url) {
    return (Map<String, Object>)
        browser()
            .driver()
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(r => done({status: r.status, type: r.headers.get('content-type')}))"
                    + ".catch(e => done({status: 0, type: String(e)}));",
                url);
  }
}
