package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
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

/**
 * A researcher sets up a study with a site and a work package, a link worker passes a person on,
 * the researcher records their consent and first interview, sees the follow-up fall due, and
 * publishes a study update. Every page meets WCAG 2.2 AA.
 */
class ResearchJourneyBrowserTests extends BrowserTestSupport {

  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;

  @Test
  void aStudyIsSetUpAPersonTakesPartTheFollowUpFallsDueAndAnUpdateIsPublished() {
    ConnectionFixture f = new ConnectionFixture(identity, curation, 0);
    CaseFile openCase = f.openCase(referrals, triage, "Elsie", "Marchbank");
    Organisation university =
        identity.createOrganisation(
            OrganisationType.UNIVERSITY, "University " + UUID.randomUUID(), null, null, null);
    UserAccount chief = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    UserAccount dataManager = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    String shortName = "J" + (System.nanoTime() % 100000);

    LoginPage.open(browser()).signIn(chief.email(), TestUsers.PASSWORD);
    navigate("Studies", "/studies", "studies");
    browser().find(By.cssSelector("[data-testid=new-study]")).click();
    page("study-form", "start a study");
    type("title", "Connecting communities");
    type("shortName", shortName);
    type("funder", "NIHR School for Primary Care Research");
    type("grantNumber", "SPCR-2026-123");
    submit();
    waitFor("[data-testid=details]");
    String studyPath = browser().path();
    page("study", "the study");

    link("Add a site");
    type("code", "S01");
    new Select(browser().find(By.id("siteOrganisationId"))).selectByValue(f.pcn.id().toString());
    page("site-form", "add a site");
    submit();
    waitFor("[data-testid=sites]");
    link("Add a participant group");
    type("name", "Patients");
    type("code", "P");
    submit();
    waitFor("[data-testid=details]");
    link("Add a team member");
    new Select(browser().find(By.id("userId"))).selectByValue(dataManager.id().toString());
    choose("role", "DATA_MANAGER");
    page("member-form", "add a team member");
    submit();
    waitFor("[data-testid=team]");
    link("Add a work package");
    type("code", "WP1");
    type("title", "Interviews with patients");
    submit();
    waitFor("[data-work-package=WP1]");
    link("Add an event");
    type("name", "First interview");
    type("fromMonths", "0");
    type("toMonths", "0");
    submit();
    waitFor("[data-event='First interview']");
    link("Add an event");
    type("name", "Follow-up interview");
    new Select(browser().find(By.id("afterEventId"))).selectByVisibleText("First interview");
    type("fromMonths", "0");
    type("toMonths", "3");
    page("event-form", "add an event");
    submit();
    waitFor("[data-event='Follow-up interview']");
    link("Add a consent form version");
    type("versionLabel", "1.0");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
    date("approvedOn", today);
    tick("items-2");
    tick("essential-2");
    page("consent-document-form", "add a consent form version");
    submit();
    waitFor("[data-testid=consent-documents]");
    page("study-set-up", "the study set up");
    signOut();

    // The link worker passes the person on, with their agreement.
    LoginPage.open(browser()).signIn(f.linkWorker.email(), TestUsers.PASSWORD);
    browser().open("/cases/" + openCase.id() + "/studies");
    page("case-studies", "research studies on the case");
    browser().find(By.cssSelector("label[for='agreed-" + shortName + "']")).click();
    browser().find(By.cssSelector("[data-study='" + shortName + "'] button[type=submit]")).click();
    waitFor("[data-testid=success]");
    assertThat(text("[data-testid=success]")).contains("S01-P-001");
    signOut();

    // The researcher records consent and the first interview; the follow-up falls due.
    LoginPage.open(browser()).signIn(chief.email(), TestUsers.PASSWORD);
    browser().open(studyPath + "/participants");
    page("participants", "participants");
    assertThat(text("[data-testid=participants]"))
        .contains("S01-P-001")
        .doesNotContain("Marchbank");
    browser().find(By.linkText("S01-P-001")).click();
    waitFor("[data-testid=participant]");
    tick("agreed-2");
    browser().find(By.cssSelector("[data-testid=consent-form] button[type=submit]")).click();
    waitFor("[data-testid=interview-form]");
    assertThat(text("[data-testid=status]")).contains("Consented");
    type("durationMinutes", "50");
    page("participant", "the participant");
    browser().find(By.cssSelector("[data-testid=interview-form] button[type=submit]")).click();
    waitFor("[data-interview='First interview']");
    browser().open(studyPath + "/follow-ups");
    assertThat(text("[data-state=DUE]")).contains("S01-P-001").contains("Follow-up interview");
    page("interviews-due", "interviews due");
    browser().open(studyPath + "/progress");
    page("progress", "progress");

    // A study update, previewed and published.
    browser().open(studyPath + "/updates");
    page("updates", "study updates");
    browser().find(By.cssSelector("[data-testid=start-update]")).click();
    waitFor("[data-testid=update-form]");
    type("words-INTRODUCTION", "The study has started at its first site.");
    browser().find(By.cssSelector("[data-testid=update-form] button[type=submit]")).click();
    waitFor("[data-testid=publish]");
    assertThat(text("[data-testid=composed]"))
        .contains("The study has started at its first site.")
        .contains("People taking part: fewer than 8.")
        .contains("SPCR-2026-123");
    page("update-draft", "a draft update");
    browser().find(By.cssSelector("[data-testid=publish]")).click();
    waitFor("[data-testid=pdf]");
    page("update-published", "the published update");
  }

  private void link(String text) {
    browser().find(By.partialLinkText(text)).click();
    waitFor("form[method=post]");
  }

  private void waitFor(String css) {
    new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }
}
