package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.casework.CaseRecords;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.connection.Connections;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.outcome.Outcomes;
import org.waymark.referral.Referrals;
import org.waymark.reporting.Commissioning;
import org.waymark.reporting.ReportingFixture;
import org.waymark.reporting.ReportingRefresh;
import org.waymark.reporting.Section;
import org.waymark.support.TestUsers;

/**
 * A service manager reads every page of their PCN's dashboard and narrows it by need; a
 * commissioner reads the same pages across the PCNs they commission, suppressed; a VCS coordinator
 * reads the figures of the referrals to their organisation. Every page meets WCAG 2.2 AA, and on a
 * phone-sized screen none scrolls sideways (wide tables scroll inside their own region).
 */
class DashboardBrowserTests extends BrowserTestSupport {

  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired CaseRecords records;
  @Autowired Connections connections;
  @Autowired Outcomes outcomes;
  @Autowired ReportingRefresh refresh;
  @Autowired Commissioning commissioning;

  /** Opens the dashboard from the home page's card (the header may fold it under More). */
  void openReports(String path, String screenshot) {
    browser().find(By.cssSelector("[data-testid=reports-card]")).click();
    waitForPath(browser(), p -> p.equals(path), path);
    page(screenshot, path);
  }

  @Test
  void eachAudienceReadsItsDashboards() {
    ConnectionFixture f = new ConnectionFixture(identity, curation, 0);
    new ReportingFixture(f, referrals, triage, records, connections, outcomes).threeCases();
    refresh.refresh(f.pcn.id());

    LoginPage.open(browser()).signIn(f.manager.email(), TestUsers.PASSWORD);
    openReports("/reports/service", "dashboard-service-referrals");
    assertThat(text("[data-testid=freshness]")).contains("Figures as of");
    assertThat(browser().findAll(By.cssSelector("[data-figure] svg[role=img]"))).isNotEmpty();
    for (Section s : Section.pages()) {
      if (s.path().isEmpty()) {
        continue;
      }
      browser().find(By.linkText(s.title())).click();
      waitForPath(browser(), p -> p.startsWith("/reports/service/" + s.path()), s.path());
      page("dashboard-service-" + s.path(), "the service dashboard: " + s.title());
    }
    browser().find(By.linkText(Section.REFERRALS.title())).click();
    waitForPath(browser(), p -> p.startsWith("/reports/service?"), "/reports/service");
    new Select(browser().find(By.id("need"))).selectByValue("HOUSING");
    browser().find(By.cssSelector("form[data-testid=filters] button[type=submit]")).click();
    waitForPath(browser(), p -> p.contains("need=HOUSING"), "/reports/service?need=HOUSING");
    page("dashboard-service-housing", "the service dashboard narrowed to housing");
    assertThat(text("[data-figure=referrals-by-source]")).contains("None in this period");
    browser().narrow(375);
    browser().open("/reports/service/indicator");
    page("dashboard-service-narrow", "the indicator page on a phone");
    assertThat(browser().scrollsSideways()).isFalse();
    browser().wide();
    signOut();

    Organisation icb =
        identity.createOrganisation(
            OrganisationType.ICB, "ICB " + UUID.randomUUID(), null, null, null);
    UserAccount commissioner = TestUsers.create(identity, icb.id(), Role.COMMISSIONER);
    commissioning.add(icb.id(), f.pcn.id());
    LoginPage.open(browser()).signIn(commissioner.email(), TestUsers.PASSWORD);
    openReports("/reports/commissioner", "dashboard-commissioner-referrals");
    assertThat(text("[data-testid=suppression]")).contains("shown as *");
    for (Section s : Section.pages()) {
      if (s.path().isEmpty()) {
        continue;
      }
      browser().open("/reports/commissioner/" + s.path());
      page("dashboard-commissioner-" + s.path(), "the commissioner dashboard: " + s.title());
    }
    signOut();

    LoginPage.open(browser()).signIn(f.coordinator.email(), TestUsers.PASSWORD);
    openReports("/reports/vcs", "dashboard-vcs");
    assertThat(text("[data-figure=connection-outcomes]")).contains("Waiting for an answer");
  }
}
