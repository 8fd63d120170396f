package org.waymark.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.Role;
import org.waymark.shared.NeedDomain;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The directory search as JSON: results with reasons, listings, suggestions and problems. */
@WaymarkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectorySearchApiTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  DirectoryFixtures f;
  String here;
  UUID near;
  UUID further;

  @BeforeAll
  void listings() {
    f = new DirectoryFixtures(jdbc);
    here = f.postcode(0);
    near =
        f.service("Money advice")
            .need(NeedDomain.MONEY, "CONFIRMED")
            .free(true)
            .kmNorth(1)
            .insert();
    further = f.service("Benefits help").need(NeedDomain.MONEY, "SUGGESTED").kmNorth(4).insert();
  }

  WebSession session() {
    return new WebSession(port).signedInAs(Role.LINK_WORKER);
  }

  JsonNode get(String path, int status) {
    WebSession.Page page = session().json("GET", path, null);
    assertThat(page.status()).as(page.body()).isEqualTo(status);
    return JSON.readTree(page.body());
  }

  static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void searchAnswersServicesWithReasons() {
    JsonNode r =
        get(
            "/api/directory/services?need=MONEY&need=HOUSING&postcode="
                + q(here)
                + "&distance=10&unit=km&free=true",
            200);
    assertThat(r.path("total").asInt()).isEqualTo(1);
    assertThat(r.path("totalIsAtLeast").asBoolean()).isFalse();
    JsonNode first = r.path("services").get(0);
    assertThat(first.path("id").asString()).isEqualTo(near.toString());
    assertThat(first.path("reasonText").asString())
        .isEqualTo("need: money, debt and benefits · 1.0 km · free");
    assertThat(first.path("reasons").get(0).path("kind").asString()).isEqualTo("NEED");
    assertThat(first.path("distanceKm").asDouble()).isBetween(0.99, 1.01);
    assertThat(r.path("sort").asString()).isEqualTo("DISTANCE");
  }

  @Test
  void serviceAnswersTheListingOr404() {
    JsonNode s = get("/api/directory/services/" + near, 200);
    assertThat(s.path("name").asString()).isEqualTo("Money advice " + f.tag);
    assertThat(s.path("freeOfCharge").asBoolean()).isTrue();
    JsonNode missing = get("/api/directory/services/" + UUID.randomUUID(), 404);
    assertThat(missing.path("status").asInt()).isEqualTo(404);
  }

  @Test
  void suggestionsRankConfirmedNeedsAndNearerServicesFirst() {
    JsonNode r = get("/api/directory/suggestions?needs=MONEY&postcode=" + q(here) + "&age=40", 200);
    assertThat(r.size()).isEqualTo(2);
    assertThat(r.get(0).path("id").asString()).isEqualTo(near.toString());
    assertThat(r.get(0).path("reasonText").asString())
        .isEqualTo("need: money, debt and benefits · 0.6 miles · all ages · accepting referrals");
    assertThat(r.get(1).path("reasonText").asString())
        .startsWith("need: money, debt and benefits (suggested) · 2.5 miles");
  }

  @Test
  void badParametersAreProblemDetailsNamingEachField() {
    WebSession.Page page =
        session().json("GET", "/api/directory/services?need=NOPE&age=x&day=someday", null);
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    JsonNode p = JSON.readTree(page.body());
    assertThat(p.path("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("need", "age", "day");
    assertThat(p.path("errors").get(0).path("message").asString()).isNotBlank();
    assertThat(p.path("requestId").isMissingNode()).isFalse();
  }

  @Test
  void postcodeProblemsAreProblemDetailsWithAClearMessage() {
    JsonNode invalid = get("/api/directory/services?postcode=12345", 400);
    assertThat(invalid.path("errors").get(0).path("code").asString())
        .isEqualTo("directory.search.postcode.invalid");
    JsonNode unknown = get("/api/directory/suggestions?needs=MONEY&postcode=" + q("QQ9 9QQ"), 400);
    assertThat(unknown.path("errors").get(0).path("message").asString())
        .contains("We cannot find that postcode");
    JsonNode distanceAlone = get("/api/directory/services?distance=3", 400);
    assertThat(distanceAlone.path("errors").get(0).path("field").asString()).isEqualTo("postcode");
  }

  @Test
  void suggestionsNeedAtLeastOneNeed() {
    JsonNode p = get("/api/directory/suggestions", 400);
    assertThat(p.path("errors").get(0).path("code").asString())
        .isEqualTo("directory.search.needs.required");
  }
}
