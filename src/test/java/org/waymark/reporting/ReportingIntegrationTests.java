package org.waymark.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseRecords;
import org.waymark.casework.ContactDetails;
import org.waymark.casework.ContactOutcome;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.connection.Connections;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.DirectoryCuration;
import org.waymark.directory.Listing;
import org.waymark.directory.ListingDetails;
import org.waymark.directory.ReferralMethod;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.Outcomes;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * The dashboards end to end: records made through the modules' own APIs, summaries rebuilt, pages
 * and downloads read over HTTP by each audience, with true counts for the service, suppressed ones
 * for commissioners, and nothing for anyone outside the scope.
 */
@WaymarkIntegrationTest
class ReportingIntegrationTests {

  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired CaseRecords records;
  @Autowired Connections connections;
  @Autowired Outcomes outcomes;
  @Autowired ReportingRefresh refresh;
  @Autowired Commissioning commissioning;
  @Autowired Dashboards dashboards;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  ConnectionFixture f;
  LocalDate today;

  @BeforeEach
  void setUp() {
    f = new ConnectionFixture(identity, curation, port);
    today = LocalDate.now(ZoneId.of("Europe/London"));
  }

  /** Three people referred and taken on; two seen, one missed; one connected; one scored twice. */
  List<CaseFile> threeCases() {
    CaseFile a = f.openCase(referrals, triage, "Ada", "Lovelace");
    CaseFile b = f.openCase(referrals, triage, "Bea", "Brown");
    CaseFile c = f.openCase(referrals, triage, "Cy", "Young");
    contact(a, ContactOutcome.ATTENDED);
    contact(b, ContactOutcome.ATTENDED);
    contact(c, ContactOutcome.DID_NOT_ATTEND);
    f.refer(connections, a, f.waymarkService.id());
    swemwbs(a, Occasion.BASELINE, "2");
    swemwbs(a, Occasion.DISCHARGE, "4");
    return List.of(a, b, c);
  }

  void contact(CaseFile c, ContactOutcome outcome) {
    TestUsers.as(
        f.linkWorker,
        () ->
            records.recordContact(
                c.id(), new ContactDetails("PHONE", today, LocalTime.of(0, 1), 20, outcome, null)));
  }

  void swemwbs(CaseFile c, Occasion occasion, String each) {
    Map<String, String> answers = new java.util.LinkedHashMap<>();
    for (String item :
        List.of(
            "optimistic",
            "useful",
            "relaxed",
            "dealing_with_problems",
            "thinking_clearly",
            "close_to_others",
            "own_mind")) {
      answers.put(item, each);
    }
    TestUsers.as(f.linkWorker, () -> outcomes.record(c.id(), "SWEMWBS", occasion, today, answers));
  }

  static String cell(Document page, String figure, String rowLabel, int column) {
    var row =
        page.select("[data-figure=" + figure + "] tr").stream()
            .filter(r -> r.selectFirst("th") != null && r.selectFirst("th").text().equals(rowLabel))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No row " + rowLabel + " in " + figure));
    return row.select("td").get(column - 1).text();
  }

  @Test
  void changesMarkTheTenantAndTheRefreshBringsThemIntoTheServiceDashboard() {
    threeCases();
    assertThat(refresh.pending(List.of(f.pcn.id()))).isTrue();
    refresh.refreshChanged();
    assertThat(refresh.pending(List.of(f.pcn.id()))).isFalse();

    WebSession manager = f.signedIn(f.manager);
    WebSession.Page page = manager.get("/reports/service");
    assertThat(page.status()).isEqualTo(200);
    Document d = page.document();
    assertThat(d.select("[data-testid=freshness]").text()).contains("Figures as of");
    assertThat(cell(d, "referrals-by-source", "Total", 1)).isEqualTo("3");
    assertThat(cell(d, "referral-status", "Accepted, support under way", 1)).isEqualTo("3");
    assertThat(d.select("[data-figure=referrals-by-month] svg title").text())
        .isEqualTo("Referrals by month");
    assertThat(d.select("[data-testid=suppression]")).isEmpty();

    Document casework = manager.get("/reports/service/casework").document();
    String month =
        today.format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", java.util.Locale.UK));
    assertThat(cell(casework, "contacts-by-month", month, 1)).isEqualTo("2");
    assertThat(cell(casework, "contacts-by-month", month, 2)).isEqualTo("1");
    assertThat(cell(casework, "caseload-by-link-worker", f.linkWorker.displayName(), 1))
        .isEqualTo("3");

    Document linked = manager.get("/reports/service/connections").document();
    assertThat(cell(linked, "connection-outcomes", "Waiting for an answer", 1)).isEqualTo("1");

    Document wellbeing = manager.get("/reports/service/wellbeing").document();
    assertThat(wellbeing.select("[data-figure=wellbeing-discharge] td").eachText())
        .contains("+14.0");

    // A link worker of the PCN sees the same true counts.
    Document lw = f.signedIn(f.linkWorker).get("/reports/service").document();
    assertThat(cell(lw, "referrals-by-source", "Total", 1)).isEqualTo("3");
  }

  @Test
  void filtersNarrowTheFiguresAndChoicesOutsideTheServiceAreIgnored() {
    threeCases();
    refresh.refresh(f.pcn.id());
    WebSession manager = f.signedIn(f.manager);
    Document byOther =
        manager.get("/reports/service?linkWorker=" + f.otherLinkWorker.id()).document();
    assertThat(byOther.select("[data-figure=referrals-by-source] td")).isEmpty();
    Document byNeed = manager.get("/reports/service?need=HOUSING").document();
    assertThat(byNeed.select("[data-figure=referrals-by-source] td")).isEmpty();
    Document lonely = manager.get("/reports/service?need=LONELINESS").document();
    assertThat(cell(lonely, "referrals-by-source", "Total", 1)).isEqualTo("3");

    // Another PCN's practice is not a choice here: it is dropped, not followed.
    ConnectionFixture other = new ConnectionFixture(identity, curation, port);
    other.openCase(referrals, triage, "Dee", "Other");
    refresh.refresh(other.pcn.id());
    Document probed = manager.get("/reports/service?practice=" + other.practice.id()).document();
    assertThat(cell(probed, "referrals-by-source", "Total", 1)).isEqualTo("3");
    assertThat(probed.select("#practice option[selected]").attr("value")).isEmpty();

    // Dates the wrong way round, or not dates, get a message and the default period.
    WebSession.Page wrong = manager.get("/reports/service?from=2026-13-45&to=yesterday");
    assertThat(wrong.status()).isEqualTo(200);
    assertThat(wrong.document().select("[data-testid=error-summary]").text())
        .contains("The start date must be a real date");
  }

  @Test
  void commissionersSeeTheirPcnsWithSmallNumbersSuppressed() {
    threeCases();
    refresh.refresh(f.pcn.id());
    Organisation icb =
        identity.createOrganisation(
            OrganisationType.ICB, "ICB " + java.util.UUID.randomUUID(), null, null, null);
    UserAccount commissioner = TestUsers.create(identity, icb.id(), Role.COMMISSIONER);
    commissioning.add(icb.id(), f.pcn.id());

    Document d = f.signedIn(commissioner).get("/reports/commissioner").document();
    assertThat(d.select("[data-testid=suppression]").text()).contains("from 1 to 7");
    assertThat(cell(d, "referrals-by-source", "Total", 1)).isEqualTo("*");
    assertThat(d.select("[data-figure=referrals-by-source] td").eachText()).containsOnly("*");
    assertThat(d.select("#linkWorker")).isEmpty();

    // A commissioner of an ICB that does not commission the PCN sees nothing of it, even asking.
    Organisation otherIcb =
        identity.createOrganisation(
            OrganisationType.ICB, "ICB " + java.util.UUID.randomUUID(), null, null, null);
    UserAccount outsider = TestUsers.create(identity, otherIcb.id(), Role.COMMISSIONER);
    Document none = f.signedIn(outsider).get("/reports/commissioner?pcn=" + f.pcn.id()).document();
    assertThat(none.select("[data-figure=referrals-by-source] td")).isEmpty();
  }

  @Test
  void eachAudienceIsRefusedTheOthersDashboards() {
    WebSession referrer = f.signedIn(f.referrer);
    assertThat(referrer.get("/reports/service").status()).isEqualTo(403);
    WebSession linkWorker = f.signedIn(f.linkWorker);
    assertThat(linkWorker.get("/reports/commissioner").status()).isEqualTo(403);
    assertThat(linkWorker.get("/reports/vcs").status()).isEqualTo(403);
    WebSession coordinator = f.signedIn(f.coordinator);
    assertThat(coordinator.get("/reports/service").status()).isEqualTo(403);
    assertThat(coordinator.get("/reports/service/download?table=referrals-by-source").status())
        .isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE outcome = 'REFUSED' AND user_id = :u")
                .param("u", f.coordinator.id())
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void theVcsCoordinatorSeesTheReferralsToTheirOrganisationFromEveryPcn() {
    CaseFile a = f.openCase(referrals, triage, "Ada", "Lovelace");
    f.refer(connections, a, f.waymarkService.id());
    ConnectionFixture other = new ConnectionFixture(identity, curation, port);
    CaseFile b = other.openCase(referrals, triage, "Bo", "Other");
    other.refer(connections, b, f.waymarkService.id());
    refresh.refreshChanged();

    Document d = f.signedIn(f.coordinator).get("/reports/vcs").document();
    assertThat(cell(d, "connection-outcomes", "Total", 1)).isEqualTo("2");
    assertThat(d.select("#service option").eachText()).contains(f.waymarkService.name());
    // The other fixture's coordinator holds no referrals: their page is empty.
    Document empty = other.signedIn(other.coordinator).get("/reports/vcs").document();
    assertThat(cell(empty, "connection-outcomes", "Total", 1)).isEqualTo("0");
  }

  @Test
  void downloadsAreTheTablesAsShownGuardedAgainstFormulasAndAudited() {
    Listing trap =
        ConnectionFixture.as(
            f.coordinator,
            () ->
                curation.createListing(
                    f.vcs.id(),
                    ListingDetails.named("=HYPERLINK(\"http://x\")", "A service")
                        .withReferrals(
                            AcceptingReferrals.YES, ReferralMethod.WAYMARK, null, null, 20, 10)));
    CaseFile a = f.openCase(referrals, triage, "Ada", "Lovelace");
    f.refer(connections, a, trap.id());
    refresh.refresh(f.pcn.id());

    WebSession manager = f.signedIn(f.manager);
    WebSession.Page csv =
        manager.get(
            "/reports/service/download?page=connections&table=connections-by-service&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition").orElseThrow())
        .contains("waymark-service-connections-by-service.csv");
    assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(csv.body()).doesNotContain(",=HYPERLINK");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'REPORT_EXPORTED'"
                        + " AND user_id = :u AND detail LIKE 'service connections-by-service csv%'")
                .param("u", f.manager.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);

    WebSession.Page xlsx =
        manager.get(
            "/reports/service/download?page=connections&table=connections-by-service&format=xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.header("Content-Type").orElseThrow()).contains("spreadsheetml");

    assertThat(manager.get("/reports/service/download?table=no-such-table").status())
        .isEqualTo(404);
    assertThat(
            manager.get("/reports/service/download?table=referrals-by-source&format=exe").status())
        .isEqualTo(404);
    assertThat(manager.get("/reports/service/nonsense").status()).isEqualTo(404);
  }
}
