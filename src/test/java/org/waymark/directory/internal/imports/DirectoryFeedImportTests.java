package org.waymark.directory.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.directory.internal.imports.ImportFixtures.DEPLOYMENT;
import static org.waymark.directory.internal.imports.ImportFixtures.FEEDS;
import static org.waymark.directory.internal.imports.ImportFixtures.count;
import static org.waymark.directory.internal.imports.ImportFixtures.id;
import static org.waymark.directory.internal.imports.ImportFixtures.stream;
import static org.waymark.directory.internal.imports.ImportFixtures.uniqueSource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.directory.DirectoryImports;
import org.waymark.directory.DirectoryImports.Format;
import org.waymark.directory.DirectoryImports.Line;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.DirectoryImports.Status;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.support.WaymarkIntegrationTest;

@WaymarkIntegrationTest
class DirectoryFeedImportTests {

  @Autowired DirectoryImports imports;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  private static final String TABLES_SQL =
      "SELECT (SELECT count(*) FROM directory_service WHERE source = :s) || '/'"
          + " || (SELECT count(*) FROM directory_organization WHERE source = :s) || '/'"
          + " || (SELECT count(*) FROM directory_taxonomy_term WHERE source = :s) || '/'"
          + " || (SELECT count(*) FROM directory_service_term st JOIN directory_service d"
          + " ON d.organisation_id = st.organisation_id AND d.id = st.service_id WHERE d.source = :s)"
          + " || '/' || (SELECT max(last_modified) FROM directory_service WHERE source = :s)";

  private String tables(String source) {
    return jdbc.sql(TABLES_SQL).param("s", source).query(String.class).single();
  }

  @Test
  void theSourcesAssuranceCountsAsAVerificationUntilACuratorVerifiesLater() {
    String source = uniqueSource("north-lincs");
    imports.importFile(
        Format.ORUK_1_JSON,
        source,
        FEEDS.resolve("north-lincolnshire-council-oruk1-services.json"),
        "test");
    // "We are with You" WAWY was assured by the council on 2024-12-10.
    UUID wawy = id(source, "service", "738f94e0-aa6c-6a5c-2395-7b64421ba2a5");
    Map<String, Object> verified =
        jdbc.sql("SELECT last_verified_at, last_verified_by FROM directory_service WHERE id = :id")
            .param("id", wawy)
            .query()
            .singleRow();
    assertThat(((java.sql.Timestamp) verified.get("last_verified_at")).toInstant())
        .isEqualTo(java.time.Instant.parse("2024-12-10T00:00:00Z"));
    assertThat(verified.get("last_verified_by")).isEqualTo("the source (" + source + ")");

    jdbc.sql(
            "UPDATE directory_service SET last_verified_at = now(), last_verified_by = 'curator@example.org'"
                + " WHERE id = :id")
        .param("id", wawy)
        .update();
    imports.importFile(
        Format.ORUK_1_JSON,
        source,
        FEEDS.resolve("north-lincolnshire-council-oruk1-services.json"),
        "test");
    assertThat(
            jdbc.sql("SELECT last_verified_by FROM directory_service WHERE id = :id")
                .param("id", wawy)
                .query(String.class)
                .single())
        .isEqualTo("curator@example.org");
  }

  @Test
  void councilFeedIsImportedWithBlankRecordsSkippedAndAgainWithoutChange() {
    String source = uniqueSource("bristol");
    Summary first =
        imports.importFile(
            Format.ORUK_1_JSON,
            source,
            FEEDS.resolve("bristol-council-oruk1-services.json"),
            "test");

    assertThat(first.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(first.total()).isEqualTo(819);
    assertThat(first.created()).isEqualTo(811);
    assertThat(first.skipped()).isEqualTo(8);
    assertThat(first.failed()).isZero();
    List<Line> skipped = imports.lines(first.id(), Outcome.SKIPPED);
    assertThat(skipped).hasSize(8);
    assertThat(skipped)
        .filteredOn(l -> l.sourceId().equals("def5ccd4-f121-df4d-60d2-4dc0d69ff555"))
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).isEqualTo("The record has no name"));
    assertThat(skipped)
        .filteredOn(l -> "Nordic walking".equals(l.name()))
        .singleElement()
        .satisfies(l -> assertThat(l.reason()).contains("description is blank"));
    assertThat(imports.lines(first.id(), null)).hasSize(819);
    assertThat(count(jdbc, "directory_service", source)).isEqualTo(811);
    // Target audiences became terms, and taxonomy_text holds their names for search.
    assertThat(count(jdbc, "directory_taxonomy_term", source)).isGreaterThan(10);
    assertThat(
            jdbc.sql("SELECT taxonomy_text FROM directory_service WHERE id = :id")
                .param("id", id(source, "service", "2a3483ea-8966-4f50-9dc3-7bafa1e5c623"))
                .query(String.class)
                .single())
        .isNotBlank();
    String before = tables(source);

    Summary second =
        imports.importFile(
            Format.ORUK_1_JSON,
            source,
            FEEDS.resolve("bristol-council-oruk1-services.json"),
            "test");
    assertThat(second.unchanged()).isEqualTo(811);
    assertThat(second.created() + second.updated() + second.failed()).isZero();
    assertThat(second.skipped()).isEqualTo(8);
    assertThat(tables(source)).isEqualTo(before);
  }

  @Test
  void targetAudiencesBecomeTermsAndTheirNamesAreSearchText() {
    String source = uniqueSource("feed");
    String feed =
        """
        [{"id": "s1", "name": "Grief café", "description": "<p>A friendly group.</p>",
          "status": "active", "url": "bristolgrief.org.uk",
          "organization": {"id": "o1", "name": "Grief Friends", "description": "Plain text & more",
            "url": "", "logo": "", "uri": ""},
          "pc_targetAudience": [{"id": "Bereaved", "audienceType": "Bereaved "},
                                {"id": "45534", "audienceType": "Parents>Grandparents"}]}]
        """;
    Summary s = imports.importStream(DEPLOYMENT, Format.ORUK_1_JSON, source, stream(feed), null);
    assertThat(s.created()).isEqualTo(1);
    Map<String, Object> row =
        jdbc.sql(
                "SELECT taxonomy_text, url, description FROM directory_service WHERE"
                    + " organisation_id = :h AND id = :id")
            .param("h", DEPLOYMENT)
            .param("id", id(source, "service", "s1"))
            .query()
            .singleRow();
    assertThat(row.get("taxonomy_text")).isEqualTo("Bereaved Parents > Grandparents");
    assertThat(row.get("url")).isEqualTo("https://bristolgrief.org.uk");
    assertThat(
            jdbc.sql("SELECT description FROM directory_organization WHERE id = :id")
                .param("id", id(source, "organization", "o1"))
                .query(String.class)
                .single())
        .isEqualTo("Plain text & more");
    assertThat(
            jdbc.sql("SELECT count(*) FROM directory_service_term WHERE service_id = :id")
                .param("id", id(source, "service", "s1"))
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(imports.lines(s.id(), null).get(0).reason()).contains("https://");
  }

  @Test
  void descriptionsAreSanitisedToSafeTextAndBasicFormatting() {
    String source = uniqueSource("crafted");
    String feed =
        """
        [{"id": "x1", "name": "Crafted", "status": "active",
          "description": "<h2>Welcome</h2><p onclick=\\"steal()\\">Come <b>along</b> <a href=\\"javascript:alert(1)\\">here</a> or <a href=\\"https://example.org/a\\" onmouseover=\\"x()\\">there</a>.</p><script>alert('x')</script><style>p{color:red}</style><img src=\\"data:image/png;base64,iVBORw0KGgo=\\"><ul><li>One</li></ul><div style=\\"color:red\\">Plain</div>"}]
        """;
    Summary s = imports.importStream(DEPLOYMENT, Format.ORUK_1_JSON, source, stream(feed), null);
    assertThat(s.created()).isEqualTo(1);
    String description =
        jdbc.sql("SELECT description FROM directory_service WHERE id = :id")
            .param("id", id(source, "service", "x1"))
            .query(String.class)
            .single();
    assertThat(description)
        .doesNotContain("<script", "alert", "<style", "color:red", "onclick", "onmouseover")
        .doesNotContain("data:", "<img", "javascript:", "<h2", "<div", "style=")
        .contains("<p><strong>Welcome</strong></p>")
        .contains("<strong>along</strong>")
        .contains("<a href=\"https://example.org/a\" rel=\"nofollow noopener\">there</a>")
        .contains("<ul><li>One</li></ul>")
        .contains("Plain");
    assertThat(HtmlSanitiser.text(description)).startsWith("Welcome Come along here or there.");
  }

  @Test
  void aRecordTheDatabaseRefusesFailsAloneAndLeavesNothingBehind() {
    String source = uniqueSource("failing");
    String page =
        """
        {"contents": [
          {"id": "good-1", "name": "Good one", "description": "Fine",
           "organization": {"id": "org-good", "name": "Good org"}},
          {"id": "bad", "name": "Impossible ages", "description": "Ages out of range",
           "minimum_age": 200,
           "organization": {"id": "org-bad", "name": "Org only the bad record brings"},
           "service_at_locations": [{"id": "sal-bad", "location": {"id": "loc-bad", "name": "Hall",
              "latitude": 53.8, "longitude": -1.5}}],
           "attributes": [{"taxonomy_term": {"id": "term-bad", "name": "Orphan term"}}]},
          {"id": "good-2", "name": "Good two", "description": "Also fine",
           "organization": {"id": "org-good", "name": "Good org"}},
          {"id": "good-1", "name": "Good one again", "description": "Repeated"}
        ]}
        """;
    Summary s = imports.importStream(DEPLOYMENT, Format.ORUK_3_JSON, source, stream(page), "test");
    assertThat(s.created()).isEqualTo(2);
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.skipped()).isEqualTo(1);
    Line bad = imports.lines(s.id(), Outcome.FAILED).get(0);
    assertThat(bad.sourceId()).isEqualTo("bad");
    assertThat(bad.reason())
        .contains("directory_service_minimum_age_check")
        .contains("nothing was written")
        .doesNotContain("Exception", "at org.");
    assertThat(imports.lines(s.id(), Outcome.SKIPPED).get(0).reason())
        .isEqualTo("The same id appears earlier in this import (record 1)");
    // Nothing of the failed record is left: not its organisation, location or term.
    assertThat(count(jdbc, "directory_service", source)).isEqualTo(2);
    assertThat(count(jdbc, "directory_organization", source)).isEqualTo(1);
    assertThat(count(jdbc, "directory_location", source)).isZero();
    assertThat(count(jdbc, "directory_taxonomy_term", source)).isZero();
  }

  @Test
  void needsAreSuggestedWithReasonsAndAConfirmedNeedIsKept() {
    String source = uniqueSource("needs");
    String service =
        """
        {"id": "n1", "name": "Chapeltown Befriending",
         "description": "<p>Weekly visits for older people who feel lonely, and help with benefits forms.</p>",
         "attributes": [{"taxonomy_term": {"id": "t-food", "name": "Food banks", "taxonomy": "Demo"}}]}
        """;
    Summary first =
        imports.importStream(DEPLOYMENT, Format.ORUK_3_JSON, source, stream(service), null);
    assertThat(first.created()).isEqualTo(1);
    UUID serviceId = id(source, "service", "n1");
    Map<String, String> needs = needs(serviceId);
    assertThat(needs)
        .containsEntry("LONELINESS", "SUGGESTED: name mentions 'befriending'")
        .containsEntry("MONEY", "SUGGESTED: description mentions 'benefits'")
        .containsEntry("FOOD", "SUGGESTED: taxonomy term 'Food banks'");

    // A curator confirms one need; a changed description withdraws an unsupported suggestion.
    jdbc.sql(
            "UPDATE directory_service_need SET status = 'CONFIRMED', reason = 'Checked by phone',"
                + " decided_by = 'curator', decided_at = now() WHERE service_id = :id AND need ="
                + " 'MONEY'")
        .param("id", serviceId)
        .update();
    String changed =
        service
            .replace("and help with benefits forms", "and a monthly walk")
            .replace("Food banks", "Community meals");
    Summary second =
        imports.importStream(DEPLOYMENT, Format.ORUK_3_JSON, source, stream(changed), null);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(needs(serviceId))
        .containsEntry("MONEY", "CONFIRMED: Checked by phone")
        .containsEntry("LONELINESS", "SUGGESTED: name mentions 'befriending'")
        .containsEntry("PHYSICAL_ACTIVITY", "SUGGESTED: description mentions 'walk'")
        .containsEntry("FOOD", "SUGGESTED: taxonomy term 'Community meals'");
    // The change history names the fields the import changed.
    String history =
        jdbc.sql(
                "SELECT changes::text FROM directory_change WHERE service_id = :id AND change ="
                    + " 'IMPORT_UPDATED'")
            .param("id", serviceId)
            .query(String.class)
            .single();
    assertThat(history).contains("\"description\"", "\"taxonomy_text\"");
  }

  @Test
  void lastModifiedMovesOnlyWhenSomethingChanged() {
    String source = uniqueSource("modified");
    String service =
        """
        {"id": "m1", "name": "Lunch club", "description": "Hot lunches",
         "schedules": [{"id": "sch1", "freq": "WEEKLY", "byday": "WE", "opens_at": "12:00", "closes_at": "14:00"}]}
        """;
    imports.importStream(DEPLOYMENT, Format.ORUK_3_JSON, source, stream(service), null);
    UUID serviceId = id(source, "service", "m1");
    OffsetDateTime first = lastModified(serviceId);
    Summary same =
        imports.importStream(DEPLOYMENT, Format.ORUK_3_JSON, source, stream(service), null);
    assertThat(same.unchanged()).isEqualTo(1);
    assertThat(lastModified(serviceId)).isEqualTo(first);

    // Only a schedule changes: the service counts as updated and its last_modified moves.
    Summary later =
        imports.importStream(
            DEPLOYMENT,
            Format.ORUK_3_JSON,
            source,
            stream(service.replace("14:00", "15:00")),
            null);
    assertThat(later.updated()).isEqualTo(1);
    assertThat(lastModified(serviceId)).isAfter(first);
    assertThat(
            jdbc.sql("SELECT closes_at::text FROM directory_schedule WHERE service_id = :id")
                .param("id", serviceId)
                .query(String.class)
                .single())
        .isEqualTo("15:00:00");
  }

  @Test
  void eachImportIsAuditedAndTheDemoHoldsBothCouncilFeeds() {
    Summary s =
        imports.importStream(
            DEPLOYMENT, Format.ORUK_3_JSON, uniqueSource("audited"), stream("[]"), null);
    assertThat(
            audit
                .search(new AuditQuery(null, null, "DIRECTORY_IMPORTED", null, null, 0, 200))
                .events())
        .anySatisfy(e -> assertThat(e.recordId()).isEqualTo(s.id().toString()));
    Map<String, Integer> demo =
        imports.recentImports(1000).stream()
            .filter(i -> i.source().endsWith("-oruk1-services"))
            .collect(Collectors.toMap(Summary::source, Summary::created, (a, b) -> a));
    assertThat(demo)
        .containsEntry("bristol-council-oruk1-services", 811)
        .containsEntry("north-lincolnshire-council-oruk1-services", 736);
  }

  private Map<String, String> needs(UUID serviceId) {
    return jdbc
        .sql("SELECT need, status, reason FROM directory_service_need WHERE service_id = :id")
        .param("id", serviceId)
        .query()
        .listOfRows()
        .stream()
        .collect(
            Collectors.toMap(
                r -> (String) r.get("need"), r -> r.get("status") + ": " + r.get("reason")));
  }

  private OffsetDateTime lastModified(UUID serviceId) {
    return jdbc.sql("SELECT last_modified FROM directory_service WHERE id = :id")
        .param("id", serviceId)
        .query(OffsetDateTime.class)
        .single();
  }
}
