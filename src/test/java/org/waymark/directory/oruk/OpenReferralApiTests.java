package org.waymark.directory.oruk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.directory.oruk.OrukSchemas.assertValid;
import static org.waymark.directory.oruk.OrukSchemas.schema;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.Role;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Open Referral UK 3.0 API as a harvester or the ORUK validator sees it: every kind of answer
 * valid against the published schemas, no nulls, timestamps with offsets, open to any origin,
 * filters that narrow and combine with AND, pages that add up, 404 and 400 as problem details.
 */
@WaymarkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenReferralApiTests {

  /** RFC 3339 date-time with seconds and an offset (Z or ±hh:mm). */
  private static final Pattern RFC_3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  private OrukFixture f;
  private WebSession web;

  @BeforeAll
  void insertFixture() {
    f = new OrukFixture(jdbc).insert();
    web = new WebSession(port);
  }

  // What the ORUK validator checks

  @Test
  void describesItselfAsHsdsUk30() {
    for (String path : List.of("/oruk", "/oruk/")) {
      JsonNode details = ok(path);
      assertThat(details.get("version").asString()).isEqualTo("HSDS-UK-3.0");
      assertThat(details.get("profile").asString()).startsWith("https://");
      assertThat(details.get("openapi_url").asString()).endsWith(".json");
    }
  }

  @Test
  void everyListAndDetailIsValidAgainstThePublishedSchemas() {
    JsonNode services = okPage("/oruk/services?per_page=1000&search=" + f.token);
    assertThat(ids(services)).hasSize(8);
    eachItem(services, "schema/compiled/service_list.json");
    for (String id : ids(services)) {
      JsonNode service = ok("/oruk/services/" + id);
      assertValid(schema("schema/compiled/service.json"), service, "service " + id);
      assertValid(schema("schema/service.json"), service, "service " + id);
    }

    JsonNode atLocations = okPage("/oruk/service_at_locations?per_page=1000&search=" + f.token);
    assertThat(ids(atLocations)).hasSize(4);
    eachItem(atLocations, "schema/compiled/service_at_location_list.json");
    for (String id : ids(atLocations)) {
      assertValid(
          schema("schema/compiled/service_at_location.json"),
          ok("/oruk/service_at_locations/" + id),
          "service at location " + id);
    }

    eachItem(okPage("/oruk/organizations"), "schema/compiled/organization_list.json");
    for (UUID id : List.of(f.organization, f.parentOrganization, f.otherOrganization)) {
      assertValid(
          schema("schema/compiled/organization.json"),
          ok("/oruk/organizations/" + id),
          "organization " + id);
    }

    eachItem(okPage("/oruk/taxonomies"), "schema/taxonomy.json");
    eachItem(okPage("/oruk/taxonomy_terms"), "schema/taxonomy_term.json");
    for (UUID id : List.of(f.taxonomy, f.otherTaxonomy)) {
      assertValid(schema("schema/taxonomy.json"), ok("/oruk/taxonomies/" + id), "taxonomy");
    }
    for (UUID id : List.of(f.wellbeing, f.befriending, f.gardening)) {
      assertValid(
          schema("schema/taxonomy_term.json"), ok("/oruk/taxonomy_terms/" + id), "taxonomy term");
    }
  }

  /** Keeps the schema checks above honest: formats and required fields are asserted. */
  @Test
  void theSchemaCheckCatchesAnInvalidService() {
    JsonNode invalid =
        json.readTree(
            """
            {"id": "not-a-uuid", "name": "No status", "email": "not-an-email",
             "last_modified": "2024-01-01 10:00"}""");
    assertThat(schema("schema/compiled/service.json").validate(invalid))
        .extracting(com.networknt.schema.Error::getInstanceLocation)
        .map(Object::toString)
        .containsExactlyInAnyOrder("", "/id", "/email", "/last_modified");
  }

  /**
   * As the ORUK validator walks an API: each list endpoint first, then the ids from its first page
   * into the detail endpoint, then its middle and last pages; over the whole directory, not only
   * this test's rows.
   */
  @Test
  void passesAValidatorStyleWalkOfTheWholeDirectory() {
    record Endpoint(String list, String listSchema, String detailSchema) {}
    List<Endpoint> endpoints =
        List.of(
            new Endpoint(
                "/oruk/services",
                "schema/compiled/service_list.json",
                "schema/compiled/service.json"),
            new Endpoint(
                "/oruk/service_at_locations",
                "schema/compiled/service_at_location_list.json",
                "schema/compiled/service_at_location.json"),
            new Endpoint(
                "/oruk/organizations",
                "schema/compiled/organization_list.json",
                "schema/compiled/organization.json"),
            new Endpoint("/oruk/taxonomies", "schema/taxonomy.json", "schema/taxonomy.json"),
            new Endpoint(
                "/oruk/taxonomy_terms", "schema/taxonomy_term.json", "schema/taxonomy_term.json"));
    for (Endpoint endpoint : endpoints) {
      JsonNode first = okPage(endpoint.list() + "?per_page=5");
      eachItem(first, endpoint.listSchema());
      assertThat(first.get("first_page").asBoolean()).isTrue();
      for (String id : ids(first)) {
        assertValid(
            schema(endpoint.detailSchema()), ok(endpoint.list() + "/" + id), endpoint.list());
      }
      long pages = first.get("total_pages").asLong();
      for (long page : new LinkedHashSet<>(List.of(Math.max(1, (pages + 1) / 2), pages))) {
        JsonNode answer = okPage(endpoint.list() + "?per_page=5&page=" + page);
        eachItem(answer, endpoint.listSchema());
        assertThat(answer.get("page_number").asLong()).isEqualTo(page);
        assertThat(answer.get("last_page").asBoolean()).isEqualTo(page == pages);
      }
    }
  }

  @Test
  void nestsEveryCollectionOfAService() {
    JsonNode alpha = ok("/oruk/services/" + f.alpha);

    assertThat(alpha.get("name").asString()).isEqualTo(f.name("Alpha befriending"));
    assertThat(alpha.get("status").asString()).isEqualTo("active");
    assertThat(alpha.get("minimum_age").asInt()).isEqualTo(18);
    assertThat(alpha.get("maximum_age").asInt()).isEqualTo(65);
    assertThat(alpha.get("assured_date").asString()).isEqualTo("2025-06-01");
    assertThat(alpha.get("organization_id").asString()).isEqualTo(f.organization.toString());

    JsonNode organization = alpha.get("organization");
    assertThat(organization.get("parent_organization_id").asString())
        .isEqualTo(f.parentOrganization.toString());
    assertThat(organization.at("/organization_identifiers/0/identifier").asString())
        .isEqualTo("1234567");

    assertThat(alpha.get("schedules")).hasSize(2);
    assertThat(alpha.get("schedules").findValuesAsString("service_at_location_id"))
        .containsExactly(f.alphaAtNear.toString());
    assertThat(alpha.at("/schedules/0/opens_at").asString()).isIn("09:00:00", "09:30:00");

    JsonNode atLocations = alpha.get("service_at_locations");
    assertThat(ids(atLocations))
        .containsExactlyInAnyOrder(f.alphaAtNear.toString(), f.alphaOnline.toString());
    JsonNode near = find(atLocations, f.alphaAtNear.toString());
    assertThat(near.at("/location/id").asString()).isEqualTo(f.nearLocation.toString());
    assertThat(near.at("/location/latitude").asDouble()).isEqualTo(OrukFixture.LATITUDE + 0.0009);
    assertThat(near.at("/location/addresses/0/postal_code").asString())
        .isEqualTo(OrukFixture.POSTCODE);
    assertThat(near.at("/location/accessibility/0/details").asString())
        .isEqualTo("Ramp at the side door.");
    JsonNode online = find(atLocations, f.alphaOnline.toString()).get("location");
    assertThat(online.get("location_type").asString()).isEqualTo("virtual");
    assertThat(online.has("latitude")).isFalse();

    assertThat(alpha.at("/contacts/0/phones/0/number").asString()).isEqualTo("0113 496 0000");
    assertThat(alpha.at("/cost_options/0/amount").asDouble()).isEqualTo(2.5);
    assertThat(alpha.at("/languages/0/code").asString()).isEqualTo("cy");
    assertThat(alpha.at("/funding/0/source").asString()).isEqualTo("The test area council.");
    assertThat(alpha.at("/service_areas/0/service_area").asString()).isEqualTo("Seaton");
    assertThat(alpha.at("/required_documents/0/document").asString()).isEqualTo("Proof of address");

    JsonNode attribute = alpha.at("/attributes/0");
    assertThat(alpha.get("attributes")).hasSize(1);
    assertThat(attribute.get("link_type").asString()).isEqualTo("service");
    assertThat(attribute.get("link_id").asString()).isEqualTo(f.alpha.toString());
    assertThat(attribute.get("taxonomy_term_id").asString()).isEqualTo(f.befriending.toString());
    assertThat(attribute.at("/taxonomy_term/parent_id").asString())
        .isEqualTo(f.wellbeing.toString());
    assertThat(attribute.at("/taxonomy_term/taxonomy").asString()).isEqualTo(f.name("Needs"));
    assertThat(ok("/oruk/services/" + f.alpha).at("/attributes/0/id").asString())
        .as("an attribute's id is the same on every request")
        .isEqualTo(attribute.get("id").asString());
  }

  @Test
  void leavesOutWhatIsNotKnownRatherThanWritingNull() {
    JsonNode golf = ok("/oruk/services/" + f.golf);
    assertThat(golf.get("status").asString()).isEqualTo("defunct");
    for (String absent :
        List.of("url", "email", "organization", "organization_id", "minimum_age", "fees")) {
      assertThat(golf.has(absent)).as(absent).isFalse();
    }
    assertThat(golf.get("schedules")).isEmpty();
    assertThat(golf.get("contacts")).isEmpty();
    assertThat(golf.get("service_at_locations")).isEmpty();
    JsonNode listed = find(okPage("/oruk/services?search=" + f.token).get("contents"), f.golf);
    assertThat(listed.has("organization")).isFalse();
  }

  @Test
  void writesTimestampsWithAnOffset() {
    JsonNode alpha = ok("/oruk/services/" + f.alpha);
    assertThat(alpha.get("last_modified").asString()).matches(RFC_3339);
    JsonNode bravo = ok("/oruk/services/" + f.bravo);
    assertThat(java.time.OffsetDateTime.parse(bravo.get("last_modified").asString()).toInstant())
        .isEqualTo(java.time.Instant.parse("2020-01-01T00:00:00Z"));
  }

  @Test
  void nestsAServiceAtALocationWithItsServiceAndLocation() {
    JsonNode atLocation = ok("/oruk/service_at_locations/" + f.alphaAtNear);
    assertThat(atLocation.get("service_id").asString()).isEqualTo(f.alpha.toString());
    assertThat(atLocation.get("location_id").asString()).isEqualTo(f.nearLocation.toString());
    assertThat(atLocation.at("/location/addresses")).hasSize(1);
    assertThat(atLocation.at("/service/name").asString()).isEqualTo(f.name("Alpha befriending"));
    assertThat(atLocation.at("/service/contacts")).hasSize(1);
    assertThat(atLocation.at("/service/organization/name").asString())
        .isEqualTo(f.name("Community Trust"));
    assertThat(atLocation.get("service").has("service_at_locations")).isFalse();
  }

  @Test
  void nestsAnOrganizationsServicesAndATaxonomysTerms() {
    JsonNode organization = ok("/oruk/organizations/" + f.organization);
    assertThat(organization.get("organization_identifiers")).hasSize(1);
    assertThat(names(organization.get("services")))
        .containsExactly(
            f.name("Alpha befriending"), f.name("Bravo gardening"), f.name("Charlie wellbeing"));
    assertThat(organization.at("/services/0/service_at_locations")).hasSize(2);

    JsonNode taxonomy = ok("/oruk/taxonomies/" + f.taxonomy);
    assertThat(taxonomy.get("version").asString()).isEqualTo("1.0");
    assertThat(names(taxonomy.get("taxonomy_terms")))
        .containsExactly(f.name("Befriending"), f.name("Wellbeing"));
    JsonNode term = ok("/oruk/taxonomy_terms/" + f.befriending);
    assertThat(term.get("parent_id").asString()).isEqualTo(f.wellbeing.toString());
    assertThat(term.get("taxonomy_id").asString()).isEqualTo(f.taxonomy.toString());
    assertThat(term.get("term").asString()).isEqualTo(f.name("Befriending"));
    assertThat(ok("/oruk/taxonomy_terms/" + f.wellbeing).has("parent_id")).isFalse();
  }

  @Test
  void readsAcrossEveryHolder() {
    assertThat(services("")).contains(f.hotel, f.alpha);
    assertThat(ok("/oruk/services/" + f.hotel).at("/organization/name").asString())
        .isEqualTo(f.name("Neighbours Group"));
  }

  // Filters

  @Test
  void eachFilterNarrowsTheServices() {
    assertThat(services(""))
        .containsExactlyInAnyOrder(
            f.alpha, f.bravo, f.charlie, f.delta, f.echo, f.foxtrot, f.golf, f.hotel);
    assertThat(uuids(okPage("/oruk/services?search=" + enc(f.token + " befriending"))))
        .containsExactly(f.alpha);
    assertThat(ids(okPage("/oruk/services?taxonomy_term_id=" + f.befriending)))
        .containsExactly(f.alpha.toString());
    assertThat(ids(okPage("/oruk/services?taxonomy_id=" + f.taxonomy)))
        .containsExactlyInAnyOrder(f.alpha.toString(), f.charlie.toString());
    assertThat(ids(okPage("/oruk/services?organization_id=" + f.organization)))
        .containsExactlyInAnyOrder(f.alpha.toString(), f.bravo.toString(), f.charlie.toString());
    assertThat(services("&modified_after=" + enc(OrukFixture.afterBravo().toString())))
        .hasSize(7)
        .doesNotContain(f.bravo);
    assertThat(services("&modified_after=2024-01-01")).hasSize(7).doesNotContain(f.bravo);
    assertThat(services("&minimum_age=60")).containsExactly(f.charlie);
    assertThat(services("&minimum_age=5")).containsExactlyInAnyOrder(f.alpha, f.charlie, f.foxtrot);
    assertThat(services("&maximum_age=65")).containsExactly(f.alpha);
    assertThat(services("&day=SA")).containsExactly(f.bravo);
    assertThat(services("&day=tuesday")).containsExactly(f.charlie);
    assertThat(services("&day=mo")).containsExactly(f.alpha);
    assertThat(services("&start_time=10:00"))
        .containsExactlyInAnyOrder(f.bravo, f.charlie, f.delta);
    assertThat(services("&end_time=12:00")).containsExactly(f.alpha);
  }

  @Test
  void filtersCombineWithAnd() {
    assertThat(services("&taxonomy_id=" + f.taxonomy + "&minimum_age=60"))
        .containsExactly(f.charlie);
    assertThat(services("&organization_id=" + f.organization + "&day=SA")).containsExactly(f.bravo);
    assertThat(services("&taxonomy_term_id=" + f.befriending + "&day=SA")).isEmpty();
    // Start and end time must hold for the same opening: Alpha opens 09:00-17:00 and
    // 09:30-12:00, neither of which starts at 10:00 or later.
    assertThat(services("&start_time=10:00&end_time=15:00"))
        .containsExactlyInAnyOrder(f.bravo, f.charlie, f.delta);
    assertThat(services("&start_time=10:00&end_time=14:00&day=SA")).containsExactly(f.bravo);
    assertThat(services("&start_time=09:15&end_time=12:00")).containsExactly(f.alpha);
  }

  @Test
  void serviceAtLocationsTakeTheServiceFilters() {
    assertThat(atLocations("&taxonomy_term_id=" + f.befriending))
        .containsExactlyInAnyOrder(f.alphaAtNear, f.alphaOnline);
    assertThat(atLocations("&minimum_age=60")).containsExactly(f.charlieAtFar);
    assertThat(atLocations("&organization_id=" + f.organization + "&day=SA"))
        .containsExactly(f.bravoAtMid);
  }

  @Test
  void findsOnlyTheNearerLocationsWithinAProximityOfAPostcode() {
    String near = "&postcode=" + enc(OrukFixture.POSTCODE);
    assertThat(atLocations(near + "&proximity=500")).containsExactly(f.alphaAtNear);
    assertThat(atLocations(near + "&proximity=5000")).containsExactly(f.alphaAtNear, f.bravoAtMid);
    assertThat(atLocations(near + "&proximity=50000"))
        .containsExactly(f.alphaAtNear, f.bravoAtMid, f.charlieAtFar);
    assertThat(atLocations("&postcode=zx11aa&proximity=5000.5"))
        .as("postcode in any case and spacing")
        .containsExactly(f.alphaAtNear, f.bravoAtMid);
    assertThat(atLocations(near))
        .as("a postcode alone sorts nearest first, places without coordinates last")
        .containsExactly(f.alphaAtNear, f.bravoAtMid, f.charlieAtFar, f.alphaOnline);
    assertThat(atLocations(near + "&proximity=5000&day=SA")).containsExactly(f.bravoAtMid);
  }

  // Pages

  @Test
  void pagesAddUpFromFirstToLast() {
    String list = "/oruk/services?per_page=3&search=" + f.token;
    JsonNode first = okPage(list);
    JsonNode middle = okPage(list + "&page=2");
    JsonNode last = okPage(list + "&page=3");
    JsonNode beyond = okPage(list + "&page=4");

    for (JsonNode page : List.of(first, middle, last, beyond)) {
      assertThat(page.get("total_items").asInt()).isEqualTo(8);
      assertThat(page.get("total_pages").asInt()).isEqualTo(3);
      assertThat(page.get("size").asInt()).isEqualTo(page.get("contents").size());
    }
    assertThat(first.get("size").asInt()).isEqualTo(3);
    assertThat(first.get("page_number").asInt()).isEqualTo(1);
    assertThat(first.get("first_page").asBoolean()).isTrue();
    assertThat(first.get("last_page").asBoolean()).isFalse();
    assertThat(middle.get("size").asInt()).isEqualTo(3);
    assertThat(middle.get("first_page").asBoolean()).isFalse();
    assertThat(middle.get("last_page").asBoolean()).isFalse();
    assertThat(last.get("size").asInt()).isEqualTo(2);
    assertThat(last.get("last_page").asBoolean()).isTrue();
    assertThat(last.get("empty").asBoolean()).isFalse();
    assertThat(beyond.get("empty").asBoolean()).isTrue();
    assertThat(beyond.get("size").asInt()).isZero();

    List<String> names = new ArrayList<>();
    for (JsonNode page : List.of(first, middle, last)) {
      names.addAll(names(page.get("contents")));
    }
    assertThat(names)
        .as("every service once, in name order")
        .containsExactly(
            f.name("Alpha befriending"),
            f.name("Bravo gardening"),
            f.name("Charlie wellbeing"),
            f.name("Delta lunch club"),
            f.name("Echo walking group"),
            f.name("Foxtrot choir"),
            f.name("Golf repair cafe"),
            f.name("Hotel men's shed"));

    JsonNode none = okPage("/oruk/services?search=" + f.token + "nothing");
    assertThat(none.get("total_items").asInt()).isZero();
    assertThat(none.get("empty").asBoolean()).isTrue();
    assertThat(none.get("first_page").asBoolean()).isTrue();
    assertThat(none.get("last_page").asBoolean()).isTrue();
  }

  @Test
  void listsFiftyAPageUnlessAsked() {
    JsonNode page = okPage("/oruk/taxonomy_terms");
    assertThat(page.get("size").asInt()).isLessThanOrEqualTo(50);
    if (page.get("total_items").asInt() > 50) {
      assertThat(page.get("size").asInt()).isEqualTo(50);
    }
  }

  // Errors and CORS

  @Test
  void answersUnknownIdsWith404ProblemDetails() {
    for (String list :
        List.of(
            "services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms")) {
      for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
        WebSession.Page answer = web.json("GET", "/oruk/" + list + "/" + id, null);
        assertThat(answer.status()).as(list + "/" + id).isEqualTo(404);
        assertProblem(answer, 404);
      }
    }
  }

  @Test
  void answersParametersItCannotReadWith400ProblemDetails() {
    Map<String, String> malformed =
        Map.ofEntries(
            Map.entry("/oruk/services?page=abc", "page"),
            Map.entry("/oruk/services?page=0", "page"),
            Map.entry("/oruk/taxonomies?per_page=-1", "per_page"),
            Map.entry("/oruk/organizations?per_page=1000000", "per_page"),
            Map.entry("/oruk/taxonomy_terms?per_page=ten", "per_page"),
            Map.entry("/oruk/services?modified_after=yesterday", "modified_after"),
            Map.entry("/oruk/services?taxonomy_term_id=abc", "taxonomy_term_id"),
            Map.entry("/oruk/services?taxonomy_id=123", "taxonomy_id"),
            Map.entry("/oruk/services?organization_id=x", "organization_id"),
            Map.entry("/oruk/services?minimum_age=old", "minimum_age"),
            Map.entry("/oruk/services?maximum_age=NaN", "maximum_age"),
            Map.entry("/oruk/services?start_time=9am", "start_time"),
            Map.entry("/oruk/services?end_time=25:00", "end_time"),
            Map.entry("/oruk/services?day=funday", "day"),
            Map.entry("/oruk/service_at_locations?postcode=ZX1%201AA&proximity=x", "proximity"),
            Map.entry("/oruk/service_at_locations?postcode=ZX1%201AA&proximity=-5", "proximity"),
            Map.entry("/oruk/service_at_locations?proximity=1000", "proximity"),
            Map.entry("/oruk/service_at_locations?postcode=NOTAPOSTCODE", "postcode"),
            Map.entry(
                "/oruk/service_at_locations?proximity=1000&postcode="
                    + enc(OrukFixture.UNKNOWN_POSTCODE),
                "postcode"));
    malformed.forEach(
        (path, parameter) -> {
          WebSession.Page answer = web.json("GET", path, null);
          assertThat(answer.status()).as(path).isEqualTo(400);
          JsonNode problem = assertProblem(answer, 400);
          assertThat(problem.path("parameter").asString()).as(answer.body()).isEqualTo(parameter);
          assertThat(problem.get("detail").asString()).as(path).contains(parameter);
        });
    JsonNode unknown =
        json.readTree(
            web.json(
                    "GET",
                    "/oruk/service_at_locations?postcode=" + enc(OrukFixture.UNKNOWN_POSTCODE),
                    null)
                .body());
    assertThat(unknown.get("detail").asString()).contains(OrukFixture.UNKNOWN_POSTCODE);
  }

  @Test
  void anyWebPageMayReadIt() {
    WebSession.Page plain = web.json("GET", "/oruk/services?per_page=1", null);
    assertThat(plain.header("Access-Control-Allow-Origin")).contains("*");

    WebSession fromElsewhere = new WebSession(port).header("Origin", "https://example.net");
    WebSession.Page cors = fromElsewhere.json("GET", "/oruk/taxonomies", null);
    assertThat(cors.status()).isEqualTo(200);
    assertThat(cors.header("Access-Control-Allow-Origin")).contains("*");
    assertThat(cors.header("Access-Control-Allow-Credentials")).isEmpty();

    WebSession.Page preflight =
        new WebSession(port)
            .header("Origin", "https://example.net")
            .header("Access-Control-Request-Method", "GET")
            .json("OPTIONS", "/oruk/services", null);
    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin")).contains("*");
    assertThat(preflight.header("Access-Control-Allow-Methods").orElse("")).contains("GET");

    assertThat(
            web.json("GET", "/oruk/services/" + UUID.randomUUID(), null)
                .header("Access-Control-Allow-Origin"))
        .contains("*");
    assertThat(web.json("GET", "/oruk/services?page=x", null).header("Access-Control-Allow-Origin"))
        .contains("*");
  }

  @Test
  void answersTheSameWhoeverIsSignedIn() {
    WebSession signedIn = new WebSession(port).signedInAs(Role.LINK_WORKER);
    WebSession.Page answer = signedIn.json("GET", "/oruk/services/" + f.alpha, null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(json.readTree(answer.body())).isEqualTo(ok("/oruk/services/" + f.alpha));
  }

  // Helpers

  /** A 200 JSON answer, checked for what every answer must be: no nulls, RFC 3339 timestamps. */
  private JsonNode ok(String path) {
    WebSession.Page answer = web.json("GET", path, null);
    assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
    assertThat(answer.header("Content-Type").orElse("")).startsWith("application/json");
    assertThat(answer.header("Access-Control-Allow-Origin")).contains("*");
    JsonNode body = json.readTree(answer.body());
    assertNoNulls(body, path);
    for (JsonNode timestamp : body.findValues("last_modified")) {
      assertThat(timestamp.asString()).as(path).matches(RFC_3339);
    }
    return body;
  }

  /** A list page, checked against the envelope as well. */
  private JsonNode okPage(String path) {
    JsonNode page = ok(path);
    assertValid(OrukSchemas.page(json), page, path);
    assertThat(page.get("size").asInt()).isEqualTo(page.get("contents").size());
    assertThat(page.get("empty").asBoolean()).isEqualTo(page.get("contents").isEmpty());
    return page;
  }

  private static void eachItem(JsonNode page, String schemaPath) {
    for (JsonNode item : page.get("contents")) {
      assertValid(schema(schemaPath), item, "list item " + item.path("id").asString());
    }
  }

  private static void assertNoNulls(JsonNode node, String where) {
    assertThat(node.isNull()).as("null at " + where).isFalse();
    if (node.isObject()) {
      node.properties().forEach(e -> assertNoNulls(e.getValue(), where + "/" + e.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        assertNoNulls(node.get(i), where + "/" + i);
      }
    }
  }

  private JsonNode assertProblem(WebSession.Page answer, int status) {
    assertThat(answer.header("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(answer.header("Access-Control-Allow-Origin")).contains("*");
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.has("requestId")).isTrue();
    assertThat(answer.body()).doesNotContain("Exception");
    return problem;
  }

  /** This fixture's services matching the extra query, in the order the API lists them. */
  private List<UUID> services(String query) {
    return uuids(okPage("/oruk/services?per_page=1000&search=" + f.token + query));
  }

  private List<UUID> atLocations(String query) {
    return uuids(okPage("/oruk/service_at_locations?per_page=1000&search=" + f.token + query));
  }

  private static List<UUID> uuids(JsonNode page) {
    return ids(page).stream().map(UUID::fromString).toList();
  }

  private static List<String> ids(JsonNode pageOrArray) {
    JsonNode items = pageOrArray.isArray() ? pageOrArray : pageOrArray.get("contents");
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.get("id").asString()));
    return ids;
  }

  private static List<String> names(JsonNode items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.get("name").asString()));
    return names;
  }

  private static JsonNode find(JsonNode items, Object id) {
    for (JsonNode item : items) {
      if (item.get("id").asString().equals(id.toString())) {
        return item;
      }
    }
    throw new AssertionError("No item " + id + " in " + items);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
