package org.waymark.directory.curation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.shared.NeedDomain;
import org.waymark.support.DemoAccounts;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class DirectoryCurationIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityManagement identity;
  @Autowired AuditLog audit;

  DirectoryCurationFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new DirectoryCurationFixtures(jdbc, identity);
  }

  WebSession as(Role role) {
    return new WebSession(port).signedInAs(role);
  }

  /** Every field of the listing form, filled in validly. */
  static Map<String, String> validForm(String name) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", name);
    f.put("description", "First paragraph.\n\nSecond paragraph.");
    f.put("url", "https://www.example.org/service");
    f.put("email", "hello@example.org");
    f.put("phones", "0113 496 0000\n0113 496 0001");
    f.put("fees", "");
    f.put("freeOfCharge", "true");
    f.put("minimumAge", "18");
    f.put("maximumAge", "");
    f.put("acceptingReferrals", "YES");
    f.put("referralMethod", "EMAIL");
    f.put("referralEmail", "referrals@example.org");
    f.put("referralFormUrl", "");
    f.put("capacity", "8");
    f.put("answerDays", "5");
    return f;
  }

  static String version(WebSession.Page editPage) {
    return editPage.document().selectFirst("input[name=version]").attr("value");
  }

  WebSession.Page edit(WebSession browser, UUID id, Map<String, String> form) {
    WebSession.Page page = browser.get("/directory/listings/" + id + "/edit");
    assertThat(page.status()).isEqualTo(200);
    Map<String, String> posted = new LinkedHashMap<>(form);
    posted.putIfAbsent("version", version(page));
    return browser.post("/directory/listings/" + id + "/edit", posted);
  }

  // ---- who may edit ----

  @Test
  void vcsCoordinatorEditsTheirOwnOrganisationsListingAndTheChangeIsKept() {
    String name = "Befriending " + DirectoryCurationFixtures.unique();
    UUID id = fixtures.service(fixtures.goodNeighbours(), name);
    Map<String, Object> before = fixtures.row(id);
    WebSession vcs = as(Role.VCS_COORDINATOR);

    WebSession.Page form = vcs.get("/directory/listings/" + id + "/edit");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.document().selectFirst("#name").attr("value")).isEqualTo(name);
    assertThat(form.document().selectFirst("#description").text()).isEqualTo("Imported & kept");
    assertThat(form.document().selectFirst("#phones").text()).isEqualTo("0113 496 0000");

    Map<String, String> changed = validForm(name + " by phone");
    WebSession.Page saved = edit(vcs, id, changed);

    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.location()).endsWith("/directory/listings/" + id);
    Map<String, Object> after = fixtures.row(id);
    assertThat(after.get("name")).isEqualTo(name + " by phone");
    assertThat(after.get("description"))
        .isEqualTo("<p>First paragraph.</p><p>Second paragraph.</p>");
    assertThat(after.get("capacity")).isEqualTo(8);
    assertThat(after.get("referral_method")).isEqualTo("EMAIL");
    assertThat(after.get("version")).isEqualTo((Integer) before.get("version") + 1);
    assertThat(((Timestamp) after.get("last_modified")).toInstant())
        .isAfter(((Timestamp) before.get("last_modified")).toInstant())
        .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    // The phone kept keeps what the source said about it; the other collections are untouched.
    assertThat((String) after.get("details"))
        .contains("\"id\": \"p1\"", "\"type\": \"voice\"", "0113 496 0001", "\"languages\"");

    List<Map<String, Object>> changes = fixtures.changes(id);
    assertThat(changes).hasSize(1);
    Map<String, Object> change = changes.get(0);
    assertThat(change.get("changed_by")).isEqualTo("vcs@demo.waymark.test");
    assertThat(((Timestamp) change.get("changed_at")).toInstant())
        .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    assertThat((String) change.get("change")).startsWith("Changed name, description");
    assertThat((String) change.get("changes"))
        .contains("\"name\": [\"" + name + "\", \"" + name + " by phone\"]")
        .contains("\"capacity\": [null, \"8\"]")
        .contains("\"referralMethod\": [\"SIGNPOST\", \"EMAIL\"]");

    WebSession.Page page = vcs.get("/directory/listings/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Your changes have been saved");
    String history = page.document().select("[data-testid=history]").text();
    assertThat(history)
        .contains("vcs@demo.waymark.test", "Name: " + name + " changed to → " + name + " by phone");
  }

  @Test
  void vcsCoordinatorIsRefusedAnotherOrganisationsListingAndTheRefusalIsAudited() {
    String name = "Debt advice " + DirectoryCurationFixtures.unique();
    UUID id = fixtures.service(fixtures.moneyMatters(), name);
    WebSession vcs = as(Role.VCS_COORDINATOR);

    assertThat(vcs.get("/directory/listings/" + id).status()).isEqualTo(403);
    assertThat(vcs.get("/directory/listings/" + id + "/edit").status()).isEqualTo(403);
    Map<String, String> form = validForm("Taken over");
    form.put("version", "0");
    assertThat(vcs.post("/directory/listings/" + id + "/edit", form).status()).isEqualTo(403);
    assertThat(vcs.post("/directory/listings/" + id + "/pause", Map.of()).status()).isEqualTo(403);
    assertThat(vcs.post("/directory/listings/" + id + "/verify", Map.of()).status()).isEqualTo(403);

    assertThat(fixtures.row(id).get("name")).isEqualTo(name);
    assertThat(fixtures.row(id).get("accepting_referrals")).isEqualTo("YES");
    assertThat(fixtures.changes(id)).isEmpty();
    assertThat(
            audit
                .search(
                    new AuditQuery("vcs@demo", null, "EDIT_DIRECTORY_LISTING", null, null, 0, 200))
                .events())
        .filteredOn(e -> id.toString().equals(e.recordId()))
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
              assertThat(e.recordType()).isEqualTo("directory_service");
              assertThat(e.role()).isEqualTo("VCS_COORDINATOR");
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"SERVICE_MANAGER", "ADMINISTRATOR"})
  void curatorsEditAnyOrganisationsListing(Role role) {
    String name = "Walking group " + DirectoryCurationFixtures.unique();
    UUID id = fixtures.service(fixtures.moneyMatters(), name);
    WebSession curator = as(role);

    WebSession.Page saved = edit(curator, id, validForm(name + " (weekly)"));

    assertThat(saved.status()).isEqualTo(302);
    assertThat(fixtures.row(id).get("name")).isEqualTo(name + " (weekly)");
    assertThat(fixtures.changes(id))
        .singleElement()
        .satisfies(c -> assertThat(c.get("changed_by")).isEqualTo(DemoAccounts.email(role)));
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"LINK_WORKER", "REFERRER", "COMMISSIONER", "RESEARCHER"})
  void rolesThatDoNotKeepListingsAreRefused(Role role) {
    String name = "Art class " + DirectoryCurationFixtures.unique();
    UUID id = fixtures.service(fixtures.goodNeighbours(), name);
    WebSession browser = as(role);

    assertThat(browser.get("/directory/listings").status()).isEqualTo(403);
    assertThat(browser.get("/directory/listings/new").status()).isEqualTo(403);
    assertThat(browser.get("/directory/listings/" + id).status()).isEqualTo(403);
    assertThat(browser.get("/directory/listings/" + id + "/edit").status()).isEqualTo(403);
    Map<String, String> form = validForm("Taken over");
    form.put("version", "0");
    assertThat(browser.post("/directory/listings/" + id + "/edit", form).status()).isEqualTo(403);
    assertThat(browser.post("/directory/listings", form).status()).isEqualTo(403);
    assertThat(fixtures.row(id).get("name")).isEqualTo(name);
    assertThat(fixtures.changes(id)).isEmpty();
  }

  // ---- the form ----

  @Test
  void invalidDetailsAreShownWithTheErrorSummaryAndNothingIsWritten() {
    String name = "Lunch club " + DirectoryCurationFixtures.unique();
    UUID id = fixtures.service(fixtures.goodNeighbours(), name);
    Map<String, Object> before = fixtures.row(id);
    WebSession vcs = as(Role.VCS_COORDINATOR);

    Map<String, String> form = validForm("  ");
    form.put("minimumAge", "ten");
    form.put("referralMethod", "EMAIL");
    form.put("referralEmail", "");
    form.put("referralFormUrl", "not a web address");
    form.put("answerDays", "0");
    WebSession.Page page = edit(vcs, id, form);

    assertThat(page.status()).isEqualTo(200);
    Document doc = page.document();
    assertThat(doc.select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactly(
            "#name", "#minimumAge", "#referralEmail", "#referralFormUrl", "#answerDays");
    assertThat(doc.select(".nhsuk-error-summary").text())
        .contains("Enter the name of the service", "Enter a whole number");
    assertThat(doc.selectFirst("#minimumAge").attr("value")).isEqualTo("ten");
    assertThat(doc.selectFirst("#referralFormUrl").attr("value")).isEqualTo("not a web address");
    assertThat(fixtures.row(id)).isEqualTo(before);
    assertThat(fixtures.changes(id)).isEmpty();
  }

  @Test
  void anEditStartedBeforeSomeoneElsesChangeIsRefusedAndKeepsWhatWasTyped() {
    String name = "Choir " + DirectoryCurationFixtures.unique();
    UUID id = fixtures.service(fixtures.goodNeighbours(), name);
    WebSession vcs = as(Role.VCS_COORDINATOR);
    WebSession manager = as(Role.SERVICE_MANAGER);
    String startedAt = version(vcs.get("/directory/listings/" + id + "/edit"));
    assertThat(edit(manager, id, validForm(name + " for everyone")).status()).isEqualTo(302);

    Map<String, String> late = validForm(name + " on Mondays");
    late.put("version", startedAt);
    WebSession.Page page = vcs.post("/directory/listings/" + id + "/edit", late);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("[data-testid=edit-conflict]").text())
        .contains("Someone else changed this listing", "Name");
    assertThat(page.document().selectFirst("#name").attr("value")).isEqualTo(name + " on Mondays");
    assertThat(fixtures.row(id).get("name")).isEqualTo(name + " for everyone");
    assertThat(fixtures.changes(id)).hasSize(1);

    // Saving again, now against the current version, is a deliberate choice and goes through.
    Map<String, String> again = new LinkedHashMap<>(late);
    again.put("version", version(page));
    assertThat(vcs.post("/directory/listings/" + id + "/edit", again).status()).isEqualTo(302);
    assertThat(fixtures.row(id).get("name")).isEqualTo(name + " on Mondays");
  }

  @Test
  void vcsCoordinatorAddsAListingForTheirOwnOrganisationWithItsDescriptionEscaped() {
    String name = "Knit and natter " + DirectoryCurationFixtures.unique();
    WebSession vcs = as(Role.VCS_COORDINATOR);
    assertThat(vcs.get("/directory/listings/new").status()).isEqualTo(200);
    Map<String, String> form = validForm(name);
    form.put("description", "<script>alert('x')</script> & more\nsame paragraph\n\n\nNext");
    // A coordinator cannot choose another holder, whatever the form says.
    form.put("holderOrganisationId", fixtures.moneyMatters().toString());

    WebSession.Page saved = vcs.post("/directory/listings", form);

    assertThat(saved.status()).isEqualTo(302);
    UUID id = UUID.fromString(saved.location().substring(saved.location().lastIndexOf('/') + 1));
    Map<String, Object> row = fixtures.row(id);
    assertThat(row.get("organisation_id")).isEqualTo(fixtures.goodNeighbours());
    assertThat(row.get("source")).isEqualTo("waymark");
    assertThat(row.get("source_id")).isEqualTo(id.toString());
    assertThat(row.get("directory_organization_id")).isNotNull();
    assertThat(row.get("description"))
        .isEqualTo(
            "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more<br>same paragraph</p><p>Next</p>");
    assertThat(fixtures.changes(id))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.get("changed_by")).isEqualTo("vcs@demo.waymark.test");
              assertThat(c.get("change")).isEqualTo("Listing created");
            });
    WebSession.Page page = vcs.get("/directory/listings/" + id);
    assertThat(page.body()).doesNotContain("<script>alert");
    assertThat(page.document().select("[data-testid=details] p").eachText())
        .contains("<script>alert('x')</script> & more\nsame paragraph".replace("\n", " "), "Next");
  }

  @Test
  void curatorChoosesTheHolderOfANewListing() {
    UUID holder = fixtures.freshOrganisation();
    Map<String, String> form = validForm("Men's shed " + DirectoryCurationFixtures.unique());
    form.put("holderOrganisationId", "");
    WebSession admin = as(Role.ADMINISTRATOR);

    WebSession.Page missing = admin.post("/directory/listings", form);
    assertThat(missing.status()).isEqualTo(200);
    assertThat(missing.document().select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactly("#holderOrganisationId");

    form.put("holderOrganisationId", holder.toString());
    WebSession.Page saved = admin.post("/directory/listings", form);
    assertThat(saved.status()).isEqualTo(302);
    UUID id = UUID.fromString(saved.location().substring(saved.location().lastIndexOf('/') + 1));
    assertThat(fixtures.row(id).get("organisation_id")).isEqualTo(holder);
  }

  // ---- quick actions ----

  @Test
  void referralsArePausedAfterConfirmationAndResumed() {
    String name = "Gardening " + DirectoryCurationFixtures.unique();
    UUID id = fixtures.service(fixtures.goodNeighbours(), name);
    WebSession vcs = as(Role.VCS_COORDINATOR);
    assertThat(vcs.get("/directory/listings/" + id).document().select("a[href$=/pause]"))
        .hasSize(1);

    WebSession.Page confirm = vcs.get("/directory/listings/" + id + "/pause");
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.h1()).contains("Pause referrals?");
    assertThat(fixtures.row(id).get("accepting_referrals")).isEqualTo("YES");

    assertThat(vcs.post("/directory/listings/" + id + "/pause", Map.of()).status()).isEqualTo(302);
    Map<String, Object> paused = fixtures.row(id);
    assertThat(paused.get("accepting_referrals")).isEqualTo("PAUSED");
    WebSession.Page page = vcs.get("/directory/listings/" + id);
    assertThat(page.document().select("[data-testid=accepting]").text())
        .isEqualTo("Referrals paused");
    assertThat(page.document().select("form[action$=/resume]")).hasSize(1);

    assertThat(vcs.post("/directory/listings/" + id + "/resume", Map.of()).status()).isEqualTo(302);
    assertThat(fixtures.row(id).get("accepting_referrals")).isEqualTo("YES");
    assertThat(fixtures.changes(id))
        .extracting(c -> c.get("change"))
        .containsExactly("Referrals paused", "Referrals resumed");
    assertThat((String) fixtures.changes(id).get(0).get("changes"))
        .contains("\"acceptingReferrals\": [\"YES\", \"PAUSED\"]");
    assertThat(((Timestamp) fixtures.row(id).get("last_modified")).toInstant())
        .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
  }

  @Test
  void markingAsVerifiedRecordsWhenAndByWhom() {
    String name = "Cookery " + DirectoryCurationFixtures.unique();
    UUID id = fixtures.service(fixtures.goodNeighbours(), name);
    WebSession vcs = as(Role.VCS_COORDINATOR);
    assertThat(vcs.get("/directory/listings/" + id).document().select("[data-testid=stale]"))
        .hasSize(1);

    assertThat(vcs.post("/directory/listings/" + id + "/verify", Map.of()).status()).isEqualTo(302);

    Map<String, Object> row = fixtures.row(id);
    assertThat(((Timestamp) row.get("last_verified_at")).toInstant())
        .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    assertThat(row.get("last_verified_by")).isEqualTo("vcs@demo.waymark.test");
    assertThat(fixtures.changes(id))
        .extracting(c -> c.get("change"))
        .containsExactly("Marked as verified");
    WebSession.Page page = vcs.get("/directory/listings/" + id);
    assertThat(page.document().select("[data-testid=stale]")).isEmpty();
    assertThat(page.document().select("[data-testid=last-verified]").text())
        .endsWith("by vcs@demo.waymark.test");
  }

  // ---- need domains ----

  @Test
  void curatorConfirmsRemovesAndAddsNeedDomains() {
    UUID holder = fixtures.goodNeighbours();
    String name = "Tea dance " + DirectoryCurationFixtures.unique();
    UUID id = fixtures.service(holder, name);
    fixtures.suggest(holder, id, NeedDomain.LONELINESS, "Taxonomy term: Befriending");
    fixtures.suggest(holder, id, NeedDomain.MONEY, "Description mentions \"benefits\"");
    WebSession manager = as(Role.SERVICE_MANAGER);

    WebSession.Page page = manager.get("/directory/listings/" + id + "/needs");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("[data-testid=needs]").text())
        .contains(
            "Loneliness and social isolation", "Suggested", "Why: Taxonomy term: Befriending");

    assertThat(
            manager
                .post("/directory/listings/" + id + "/needs/confirm", Map.of("need", "LONELINESS"))
                .status())
        .isEqualTo(302);
    assertThat(manager.get("/directory/listings/" + id + "/needs/remove?need=MONEY").status())
        .isEqualTo(200);
    assertThat(
            manager
                .post("/directory/listings/" + id + "/needs/remove", Map.of("need", "MONEY"))
                .status())
        .isEqualTo(302);
    assertThat(
            manager
                .post("/directory/listings/" + id + "/needs/add", Map.of("need", "HOUSING"))
                .status())
        .isEqualTo(302);

    Map<String, Map<String, Object>> needs = fixtures.needs(id);
    assertThat(needs).containsOnlyKeys("LONELINESS", "HOUSING");
    assertThat(needs.values())
        .allSatisfy(
            n -> {
              assertThat(n.get("status")).isEqualTo("CONFIRMED");
              assertThat(n.get("decided_by")).isEqualTo("manager@demo.waymark.test");
              assertThat(n.get("decided_at")).isNotNull();
            });
    assertThat(fixtures.changes(id))
        .extracting(c -> c.get("change"))
        .containsExactly(
            "Need domain confirmed: Loneliness and social isolation",
            "Need domain removed: Money, debt and benefits",
            "Need domain added: Housing");
    assertThat(((Timestamp) fixtures.row(id).get("last_modified")).toInstant())
        .isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));

    WebSession.Page missing = manager.post("/directory/listings/" + id + "/needs/add", Map.of());
    assertThat(missing.status()).isEqualTo(200);
    assertThat(missing.document().select(".nhsuk-error-summary").text())
        .contains("Select a need domain to add");
  }

  @Test
  void vcsCoordinatorSeesNeedDomainsButDoesNotDecideThem() {
    UUID holder = fixtures.goodNeighbours();
    UUID id = fixtures.service(holder, "Craft club " + DirectoryCurationFixtures.unique());
    fixtures.suggest(holder, id, NeedDomain.MENTAL_WELLBEING, "Taxonomy term: Arts");
    WebSession vcs = as(Role.VCS_COORDINATOR);

    WebSession.Page page = vcs.get("/directory/listings/" + id);
    assertThat(page.document().select("[data-testid=needs]").text())
        .contains("Mental wellbeing", "Suggested");
    assertThat(page.document().select("a[href$=/needs]")).isEmpty();
    assertThat(vcs.get("/directory/listings/" + id + "/needs").status()).isEqualTo(403);
    assertThat(
            vcs.post(
                    "/directory/listings/" + id + "/needs/confirm",
                    Map.of("need", "MENTAL_WELLBEING"))
                .status())
        .isEqualTo(403);
    assertThat(fixtures.needs(id).get("MENTAL_WELLBEING").get("status")).isEqualTo("SUGGESTED");
  }

  // ---- the lists ----

  @Test
  void staleListShowsAListingVerifiedThirteenMonthsAgoButNotOneVerifiedLastMonth() {
    UUID holder = fixtures.freshOrganisation();
    String suffix = DirectoryCurationFixtures.unique();
    UUID old = fixtures.service(holder, "Old " + suffix);
    UUID recent = fixtures.service(holder, "Recent " + suffix);
    UUID never = fixtures.service(holder, "Never " + suffix);
    Instant now = Instant.now();
    fixtures.verifiedAt(old, now.minus(396, ChronoUnit.DAYS), "someone@example.org");
    fixtures.verifiedAt(recent, now.minus(30, ChronoUnit.DAYS), "someone@example.org");
    WebSession manager = as(Role.SERVICE_MANAGER);

    WebSession.Page page = manager.get("/directory/listings?stale=true&holder=" + holder);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.h1()).isEqualTo("Listings to verify");
    assertThat(page.document().select("[data-testid=listings] tbody tr").eachAttr("data-id"))
        .containsExactly(never.toString(), old.toString());
    String table = page.document().select("[data-testid=listings]").text();
    assertThat(table)
        .contains("Test VCS", "contact-" + old.toString().substring(0, 8) + "@example.org");

    WebSession.Page all = manager.get("/directory/listings?holder=" + holder);
    assertThat(all.document().select("[data-testid=listings] tbody tr").eachAttr("data-id"))
        .containsExactlyInAnyOrder(never.toString(), old.toString(), recent.toString());
  }

  @Test
  void vcsCoordinatorListsOnlyTheirOwnOrganisationsListings() {
    UUID holder = fixtures.freshOrganisation();
    UserAccount coordinator = TestUsers.create(identity, holder, Role.VCS_COORDINATOR);
    String suffix = DirectoryCurationFixtures.unique();
    UUID own = fixtures.service(holder, "Own " + suffix);
    UUID other = fixtures.service(fixtures.moneyMatters(), "Other " + suffix);
    WebSession browser = new WebSession(port);
    assertThat(browser.signIn(coordinator.email(), TestUsers.PASSWORD).status()).isEqualTo(302);

    // Naming another holder changes nothing: a coordinator only ever sees their own.
    WebSession.Page page = browser.get("/directory/listings?holder=" + fixtures.moneyMatters());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("[data-testid=listings] tbody tr").eachAttr("data-id"))
        .containsExactly(own.toString());
    assertThat(page.body()).doesNotContain(other.toString());
    assertThat(page.document().select("select#holder")).isEmpty();
  }

  @Test
  void curatorFiltersListingsWithNeedDomainsToConfirmAndByReferrals() {
    UUID holder = fixtures.freshOrganisation();
    String suffix = DirectoryCurationFixtures.unique();
    UUID suggested = fixtures.service(holder, "Suggested " + suffix);
    UUID plain = fixtures.service(holder, "Plain " + suffix);
    fixtures.suggest(holder, suggested, NeedDomain.FOOD, "Taxonomy term: Food bank");
    jdbc.sql("UPDATE directory_service SET accepting_referrals = 'PAUSED' WHERE id = ?")
        .param(plain)
        .update();
    WebSession admin = as(Role.ADMINISTRATOR);

    assertThat(
            admin
                .get("/directory/listings?needs=true&holder=" + holder)
                .document()
                .select("[data-testid=listings] tbody tr")
                .eachAttr("data-id"))
        .containsExactly(suggested.toString());
    assertThat(
            admin
                .get("/directory/listings?accepting=PAUSED&holder=" + holder)
                .document()
                .select("[data-testid=listings] tbody tr")
                .eachAttr("data-id"))
        .containsExactly(plain.toString());
  }

  @Test
  void theDemoVcsCoordinatorKeepsListingsOfTheirOwn() {
    WebSession.Page page = as(Role.VCS_COORDINATOR).get("/directory/listings");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.document().select("[data-testid=listings] tbody th a").eachText())
        .contains("Befriending visits", "Telephone friendship calls");
    assertThat(page.document().select("nav[aria-label=Menu] a").eachText()).contains("Listings");
  }

  @Test
  void theServicePageOffersAChangeLinkOnlyToThoseWhoMayChangeTheListing() {
    UUID own =
        jdbc.sql("SELECT id FROM directory_service WHERE name = 'Befriending visits'")
            .query(UUID.class)
            .single();
    String page = "/directory/services/" + own;

    assertThat(
            as(Role.VCS_COORDINATOR)
                .get(page)
                .document()
                .select("a:contains(Change this listing)")
                .attr("href"))
        .isEqualTo("/directory/listings/" + own);
    assertThat(
            as(Role.SERVICE_MANAGER).get(page).document().select("a:contains(Change this listing)"))
        .hasSize(1);
    assertThat(as(Role.LINK_WORKER).get(page).document().select("a:contains(Change this listing)"))
        .isEmpty();
    assertThat(
            as(Role.VCS_COORDINATOR)
                .get("/directory/listings/" + own)
                .document()
                .select("a:contains(as link workers see it)")
                .attr("href"))
        .isEqualTo(page);
  }

  private static org.assertj.core.data.TemporalUnitOffset within(Duration d) {
    return new org.assertj.core.data.TemporalUnitWithinOffset(d.toSeconds(), ChronoUnit.SECONDS);
  }
}
