package org.waymark.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.identity.Role;
import org.waymark.shared.NeedDomain;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/** The directory pages as staff see them: the search form and results, and a service's listing. */
@WaymarkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectorySearchPageTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  DirectoryFixtures f;
  String here;
  UUID full;
  UUID stale;
  UUID paused;

  @BeforeAll
  void listings() {
    f = new DirectoryFixtures(jdbc);
    here = f.postcode(0);
    UUID term = f.term("Befriending", null);
    full =
        f.service("Good neighbours")
            .description(
                "<p>Weekly visits from a <strong>volunteer</strong>.</p>"
                    + "<script>alert('x')</script><a href=\"javascript:alert(1)\">click</a>"
                    + "<img src=x onerror=alert(2)>")
            .need(NeedDomain.LONELINESS, "CONFIRMED")
            .need(NeedDomain.MENTAL_WELLBEING, "SUGGESTED")
            .free(true)
            .ages(50, null)
            .kmNorth(1.2)
            .term(term)
            .weekly("TU", "10:00", "12:00", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 30))
            .monthly("-1FR", null, "14:00", "16:00")
            .verified(Instant.now().minus(3, ChronoUnit.DAYS), "Val Coordinator")
            .details(
                """
                {"languages": [{"id": "0b5e8c1a-1d2e-4f3a-9b4c-5d6e7f8a9b01", "name": "English"},
                   {"id": "0b5e8c1a-1d2e-4f3a-9b4c-5d6e7f8a9b02", "name": "Polish", "note": "on Tuesdays"}],
                 "cost_options": [{"id": "0b5e8c1a-1d2e-4f3a-9b4c-5d6e7f8a9b03", "option": "Outings",
                   "amount": 5, "currency": "GBP"}],
                 "contacts": [{"id": "0b5e8c1a-1d2e-4f3a-9b4c-5d6e7f8a9b04", "name": "Sam Organiser",
                   "title": "Coordinator", "email": "sam@example.org",
                   "phones": [{"id": "0b5e8c1a-1d2e-4f3a-9b4c-5d6e7f8a9b05", "number": "0113 496 0000",
                     "description": "weekdays"}]}]}
                """)
            .insert();
    stale =
        f.service("Old listing")
            .description("Plain text description.\n\nSecond paragraph.")
            .verified(Instant.now().minus(400, ChronoUnit.DAYS), "Someone")
            .kmNorth(2)
            .insert();
    paused = f.service("Paused club").accepting(AcceptingReferrals.PAUSED).kmNorth(3).insert();
  }

  WebSession linkWorker() {
    return new WebSession(port).signedInAs(Role.LINK_WORKER);
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void searchShowsResultsWithReasonsAndStatusTags() {
    WebSession.Page page =
        linkWorker()
            .get("/directory?q=" + f.tag + "&postcode=" + q(here) + "&distance=5&unit=KILOMETRES");
    assertThat(page.status()).isEqualTo(200);
    Document d = page.document();
    assertThat(d.selectFirst("[data-testid=result-count]").text()).isEqualTo("3 services found");
    assertThat(d.select("[data-testid=service-result] h3").eachText())
        .containsExactly(
            "Good neighbours " + f.tag, "Old listing " + f.tag, "Paused club " + f.tag);
    assertThat(d.select("[data-testid=reasons]").first().text())
        .isEqualTo("Why it matched: matches \"" + f.tag + "\" · 1.2 km");
    assertThat(d.select("[data-testid=service-result]").get(2).select(".nhsuk-tag").text())
        .isEqualTo("Referrals paused");
    assertThat(d.select("[data-testid=service-result]").first().text())
        .contains("Fixture Trust " + f.tag);
  }

  @Test
  void aTextSearchWithMoreThanAThousandMatchesSaysSoAndAsksForFilters() {
    DirectoryFixtures many = new DirectoryFixtures(jdbc);
    jdbc.sql(
            """
            INSERT INTO directory_service (organisation_id, id, name, description, source, source_id)
            SELECT ?, gen_random_uuid(), ? || ' club ' || i, 'A club.', 'test', 'many-' || i
            FROM generate_series(1, 1005) i""")
        .params(many.holder, many.tag)
        .update();
    Document d = linkWorker().get("/directory?q=" + many.tag).document();
    assertThat(d.selectFirst("[data-testid=result-count]").text())
        .isEqualTo("More than 1,000 services found");
    assertThat(d.selectFirst("[data-testid=narrow-hint]").text()).contains("Add filters");
  }

  @Test
  void searchFormKeepsWhatWasTyped() {
    Document d =
        linkWorker()
            .get(
                "/directory?q="
                    + f.tag
                    + "&need=LONELINESS&free=true&age=60&day=TUESDAY&time=10:30")
            .document();
    assertThat(d.selectFirst("#q").val()).isEqualTo(f.tag);
    assertThat(d.selectFirst("#need option[selected]").val()).isEqualTo("LONELINESS");
    assertThat(d.selectFirst("#free").hasAttr("checked")).isTrue();
    assertThat(d.selectFirst("#age").val()).isEqualTo("60");
    assertThat(d.selectFirst("#day option[selected]").val()).isEqualTo("TUESDAY");
  }

  @Test
  void anInvalidPostcodeIsAnErrorBesideTheField() {
    Document d = linkWorker().get("/directory?postcode=" + q("not a postcode")).document();
    assertThat(d.select(".nhsuk-error-summary__list a").eachText())
        .containsExactly("Enter a real postcode, like LS1 4AP");
    assertThat(d.selectFirst(".nhsuk-error-summary__list a").attr("href")).isEqualTo("#postcode");
    assertThat(d.selectFirst("#postcode-error").text()).contains("Enter a real postcode");
    assertThat(d.select("[data-testid=result-count]")).isEmpty();
  }

  @Test
  void anUnknownPostcodeSaysSoRatherThanShowingEverything() {
    Document d = linkWorker().get("/directory?q=" + f.tag + "&postcode=" + q("QQ9 9QQ")).document();
    assertThat(d.selectFirst("#postcode-error").text())
        .contains("We cannot find that postcode in the postcode directory");
    assertThat(d.select("[data-testid=service-result]")).isEmpty();
  }

  @Test
  void badNumbersAndTimesAreErrorsBesideTheirFields() {
    Document d =
        linkWorker().get("/directory?age=old&time=25:00&distance=far&sort=SIDEWAYS").document();
    assertThat(d.select(".nhsuk-error-summary__list a").eachAttr("href"))
        .containsExactlyInAnyOrder("#distance", "#time", "#age", "#sort");
  }

  @Test
  void servicePageShowsEverythingALinkWorkerNeeds() {
    WebSession.Page page = linkWorker().get("/directory/services/" + full);
    assertThat(page.status()).isEqualTo(200);
    Document d = page.document();
    assertThat(page.h1()).isEqualTo("Fixture Trust " + f.tag + " Good neighbours " + f.tag);
    assertThat(d.select("[data-testid=opening-times] li").eachText())
        .containsExactly(
            "The last Friday of each month 14:00 to 16:00",
            "Tuesdays 10:00 to 12:00, from 1 April to 30 September");
    String verifiedOn =
        DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
            .format(Instant.now().minus(3, ChronoUnit.DAYS).atZone(ZoneId.of("Europe/London")));
    assertThat(d.selectFirst("[data-testid=verified]").text())
        .isEqualTo("Last verified " + verifiedOn + " by Val Coordinator");
    assertThat(d.select("[data-testid=not-verified]")).isEmpty();
    assertThat(d.selectFirst("[data-testid=eligibility]").text())
        .contains("50 and over")
        .contains("Loneliness and social isolation")
        .contains("Mental wellbeing (suggested: fixture)")
        .contains("English, Polish (on Tuesdays)");
    assertThat(d.selectFirst("[data-testid=cost]").text()).contains("Yes").contains("Outings: £5");
    assertThat(d.selectFirst("[data-testid=contact]").text())
        .contains("Sam Organiser")
        .contains("sam@example.org")
        .contains("0113 496 0000 (weekdays)");
    assertThat(d.selectFirst("[data-testid=location]").text())
        .contains("1 Fixture Street")
        .contains("Testham")
        .contains("Step-free entrance");
    assertThat(d.selectFirst("[data-testid=referral]").text())
        .contains("Accepting referrals")
        .contains("Signpost only")
        .contains("Within 10 days");
    assertThat(d.select("[data-testid=terms] a").eachText()).containsExactly("Befriending");
  }

  @Test
  void servicePageRendersOnlyASafeSubsetOfTheDescription() {
    Document d = linkWorker().get("/directory/services/" + full).document();
    var description = d.selectFirst("[data-testid=description]");
    assertThat(description.select("strong").text()).isEqualTo("volunteer");
    assertThat(description.select("script, img")).isEmpty();
    assertThat(description.html()).doesNotContain("javascript").doesNotContain("onerror");
  }

  @Test
  void servicePageWarnsWhenNotVerifiedInTheLastYear() {
    Document d = linkWorker().get("/directory/services/" + stale).document();
    assertThat(d.selectFirst("[data-testid=not-verified]").text())
        .contains("Not verified in the last 12 months")
        .contains("by Someone");
    assertThat(d.select("[data-testid=description] p").eachText())
        .containsExactly("Plain text description.", "Second paragraph.");
  }

  @Test
  void anUnknownServiceIsNotFound() {
    assertThat(linkWorker().get("/directory/services/" + UUID.randomUUID()).status())
        .isEqualTo(404);
    assertThat(linkWorker().get("/directory/services/not-an-id").status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Role.class,
      names = {"COMMISSIONER", "RESEARCHER"})
  void rolesThatMayNotSearchTheDirectoryAreRefused(Role role) {
    WebSession session = new WebSession(port).signedInAs(role);
    assertThat(session.get("/directory").status()).isEqualTo(403);
    assertThat(session.get("/directory/services/" + full).status()).isEqualTo(403);
    assertThat(session.json("GET", "/api/directory/services?q=x", null).status()).isEqualTo(403);
    assertThat(session.json("GET", "/api/directory/services/" + full, null).status())
        .isEqualTo(403);
    assertThat(session.json("GET", "/api/directory/suggestions?needs=MONEY", null).status())
        .isEqualTo(403);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Role.class,
      names = {"LINK_WORKER", "SERVICE_MANAGER", "REFERRER", "VCS_COORDINATOR", "ADMINISTRATOR"})
  void rolesThatMaySearchTheDirectoryGetIn(Role role) {
    WebSession session = new WebSession(port).signedInAs(role);
    assertThat(session.get("/directory?q=" + f.tag).status()).isEqualTo(200);
    assertThat(session.get("/directory/services/" + paused).status()).isEqualTo(200);
  }
}
