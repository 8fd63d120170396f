package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;

/**
 * The closed loop: a link worker finds a service from the case and refers the person onward, seeing
 * exactly what will be shared; the VCS coordinator is told, accepts, records attendance and
 * completion; the link worker is told and sees the loop closed, and the GP's referrer sees that the
 * person was connected. Every page visited meets WCAG 2.2 AA.
 */
class ConnectionJourneyBrowserTests extends BrowserTestSupport {

  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;

  @Test
  void linkWorkerRefersOnwardTheServiceAnswersAndTheLoopCloses() {
    ConnectionFixture f = new ConnectionFixture(identity, curation, 0);
    CaseFile openCase = f.openCase(referrals, triage, "Brenda", "Ackroyd");
    String service = f.waymarkService.details().name();

    // The link worker finds the service from the case and refers Brenda.
    LoginPage.open(browser()).signIn(f.linkWorker.email(), TestUsers.PASSWORD);
    navigate("Caseload", "/caseload", "connection-caseload");
    browser().find(By.linkText("Brenda Ackroyd")).click();
    waitForPath(browser(), p -> p.equals("/cases/" + openCase.id()), "/cases/{id}");
    browser()
        .find(By.cssSelector("[data-testid=case-navigation]"))
        .findElement(By.linkText("Connections"))
        .click();
    waitForPath(browser(), p -> p.endsWith("/connections"), "/cases/{id}/connections");
    page("case-connections", "the case's connections");
    type("q", service);
    browser().find(By.cssSelector("form[role=search] button")).click();
    waitForPath(browser(), p -> p.contains("/connections"), "search results");
    page("case-connections-found", "services found");
    browser()
        .find(By.cssSelector("[data-testid=found]"))
        .findElement(By.partialLinkText("Refer"))
        .click();
    waitForPath(browser(), p -> p.contains("/connections/new"), "/cases/{id}/connections/new");
    assertThat(browser().find(By.id("needs")).isSelected()).isTrue();
    type("whatMatters", "Getting back to the knitting circle");
    tick("consentGiven");
    page("onward-referral-form", "onward referral form");
    submit();
    waitForPath(browser(), p -> p.endsWith("/preview"), "/cases/{id}/connections/preview");
    assertThat(text("[data-testid=shared]"))
        .contains("Brenda Ackroyd")
        .contains("Getting back to the knitting circle")
        .doesNotContain("1961");
    page("onward-referral-preview", "what will be shared");
    browser().find(By.xpath("//button[normalize-space()='Send the referral']")).click();
    waitForPath(browser(), p -> p.matches("/connections/[0-9a-f-]{36}"), "/connections/{id}");
    assertThat(text("[data-testid=status]")).isEqualTo("Waiting for an answer");
    page("connection-sent", "the referral sent");
    signOut();

    // The coordinator is told, accepts, records attendance and completion.
    LoginPage.open(browser()).signIn(f.coordinator.email(), TestUsers.PASSWORD);
    assertThat(browser().find(By.cssSelector(".nhsuk-header")).getText())
        .contains("Notifications (1");
    notifications("vcs-notifications");
    browser().find(By.partialLinkText("New referral to " + service)).click();
    waitForPath(browser(), p -> p.startsWith("/vcs/referrals/"), "/vcs/referrals/{id}");
    assertThat(text("[data-testid=shared]")).contains("Brenda Ackroyd").doesNotContain("1961");
    page("vcs-referral", "the referral in the VCS portal");
    browser().find(By.cssSelector("[data-testid=accept-form] button")).click();
    waitForPath(browser(), p -> p.startsWith("/vcs/referrals/"), "/vcs/referrals/{id}");
    waitForText("[data-testid=status]", "Accepted");
    date("firstSessionOn", LocalDate.now(ZoneId.of("Europe/London")));
    type("sessionsAttended", "2");
    browser().find(By.cssSelector("[data-testid=attendance-form] button")).click();
    waitForPath(browser(), p -> p.startsWith("/vcs/referrals/"), "/vcs/referrals/{id}");
    waitForText("[data-testid=status]", "Attending");
    page("vcs-referral-attending", "the referral attending");
    type("outcome", "Two visits; now goes to the Thursday knitting circle");
    browser().find(By.cssSelector("[data-testid=complete-form] button")).click();
    waitForPath(browser(), p -> p.startsWith("/vcs/referrals/"), "/vcs/referrals/{id}");
    waitForText("[data-testid=status]", "Completed");
    page("vcs-referral-completed", "the referral completed");
    navigate("Referrals", "/vcs/referrals", "vcs-inbox");
    signOut();

    // The link worker is told and sees the loop closed.
    LoginPage.open(browser()).signIn(f.linkWorker.email(), TestUsers.PASSWORD);
    notifications("link-worker-notifications");
    assertThat(text("main")).contains(service + ": referral completed");
    navigate("Connections", "/connections", "open-connections");
    assertThat(browser().findAll(By.cssSelector("[data-testid=connection-row]"))).isEmpty();
    browser().open("/cases/" + openCase.id() + "/connections");
    assertThat(text("[data-testid=connections]")).contains(service).contains("Completed");
    page("case-connections-closed-loop", "the loop closed");
    browser()
        .find(By.cssSelector("[data-testid=connections]"))
        .findElement(By.linkText(service))
        .click();
    waitForPath(browser(), p -> p.startsWith("/connections/"), "/connections/{id}");
    assertThat(text("[data-testid=attendance]")).startsWith("2 sessions");
    assertThat(text("[data-testid=outcome]")).contains("knitting circle");
    page("connection-completed", "the completed referral");
    signOut();

    // The referrer learns that Brenda was connected, and nothing more.
    LoginPage.open(browser()).signIn(f.referrer.email(), TestUsers.PASSWORD);
    browser().open("/referrals/" + openCase.referralId());
    assertThat(text("[data-testid=connected]")).contains("Connected to community support since");
    assertThat(text("main")).doesNotContain(service);
    page("referral-connected", "the referrer's view");
  }

  /** Follows the header's notifications link. */
  private void notifications(String screenshot) {
    browser().find(By.cssSelector("[data-testid=notifications-link] a")).click();
    waitForPath(browser(), p -> p.equals("/notifications"), "/notifications");
    page(screenshot, "/notifications");
  }
}
