package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.search.DirectoryFixtures;
import org.waymark.identity.Role;
import org.waymark.shared.NeedDomain;

/** A link worker searches the directory and reads a listing; both pages meet WCAG 2.2 AA. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryBrowserTests extends BrowserTestSupport {

  @Autowired JdbcClient jdbc;

  DirectoryFixtures f;
  String postcode;

  @BeforeAll
  void listings() {
    f = new DirectoryFixtures(jdbc);
    postcode = f.postcode(0);
    f.service("Riverside walking group")
        .description("<p>Gentle <strong>walks</strong> for people who want company.</p>")
        .need(NeedDomain.PHYSICAL_ACTIVITY, "CONFIRMED")
        .need(NeedDomain.LONELINESS, "SUGGESTED")
        .free(true)
        .kmNorth(1.2)
        .weekly("TU,TH", "10:00", "12:00", null, null)
        .verified(Instant.now().minus(2, ChronoUnit.DAYS), "Val Coordinator")
        .insert();
    f.service("Chair walks")
        .description("Seated exercise.")
        .need(NeedDomain.PHYSICAL_ACTIVITY, "CONFIRMED")
        .accepting(AcceptingReferrals.PAUSED)
        .kmNorth(3)
        .insert();
  }

  @Test
  void linkWorkerSearchesByTextAndDistanceAndOpensAService() {
    LoginPage.open(browser()).signInAs(Role.LINK_WORKER);
    DirectorySearchPage search = DirectorySearchPage.openFromHeader(browser());
    assertThat(search.resultCount()).endsWith("found");
    browser().assertAccessible("directory search");

    DirectorySearchPage results =
        search.type("q", "walks " + f.tag).type("postcode", postcode).tick("free").search();
    assertThat(results.resultCount()).isEqualTo("1 service found");
    assertThat(results.serviceNames()).containsExactly("Riverside walking group " + f.tag);
    assertThat(results.reasons().get(0)).contains("0.7 miles").contains("free");
    assertThat(browser().consoleErrors()).isEmpty();
    browser().assertAccessible("directory search results");

    ServicePage service = results.open("Riverside walking group " + f.tag);
    assertThat(service.heading()).isEqualTo("Riverside walking group " + f.tag);
    assertThat(service.openingTimes()).containsExactly("Tuesdays and Thursdays 10:00 to 12:00");
    assertThat(service.verification()).startsWith("Last verified").endsWith("by Val Coordinator");
    assertThat(browser().consoleErrors()).isEmpty();
    browser().assertAccessible("service page");
  }

  @Test
  void anInvalidPostcodeIsShownInTheErrorSummary() {
    LoginPage.open(browser()).signInAs(Role.LINK_WORKER);
    DirectorySearchPage results =
        DirectorySearchPage.openFromHeader(browser()).type("postcode", "nowhere").search();
    assertThat(results.errors()).containsExactly("Enter a real postcode, like LS1 4AP");
    assertThat(results.resultCount()).isEmpty();
    browser().assertAccessible("directory search with an error");
  }

  @Test
  void pausedServicesAreTaggedInTheResults() {
    LoginPage.open(browser()).signInAs(Role.LINK_WORKER);
    DirectorySearchPage results =
        DirectorySearchPage.openFromHeader(browser()).type("q", f.tag).search();
    assertThat(results.serviceNames()).hasSize(2);
    assertThat(browser().find(By.cssSelector("[data-testid=service-result] .nhsuk-tag")).getText())
        .isEqualToIgnoringCase("Referrals paused");
    browser().assertAccessible("directory results with a paused service");
  }
}
