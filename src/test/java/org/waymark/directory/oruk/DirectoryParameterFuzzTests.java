package org.waymark.directory.oruk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.identity.Role;
import org.waymark.support.Mutations;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Fuzzing the directory's query parameters, the public Open Referral UK API's and the signed-in
 * search API's: random combinations of every parameter with values of every wrong kind and size are
 * answered with data or with problem details naming the parameter, never a server error.
 */
@WaymarkIntegrationTest
class DirectoryParameterFuzzTests {

  static final List<String> ORUK_PATHS =
      List.of(
          "/oruk/services",
          "/oruk/service_at_locations",
          "/oruk/organizations",
          "/oruk/taxonomies",
          "/oruk/taxonomy_terms");
  static final List<String> ORUK_PARAMETERS =
      List.of(
          "page",
          "per_page",
          "search",
          "postcode",
          "proximity",
          "taxonomy_id",
          "taxonomy_term_id",
          "organization_id",
          "modified_after",
          "minimum_age",
          "maximum_age",
          "day",
          "start_time",
          "end_time");
  static final List<String> SEARCH_PARAMETERS =
      List.of(
          "q",
          "need",
          "term",
          "postcode",
          "distance",
          "unit",
          "openNow",
          "day",
          "time",
          "age",
          "free",
          "accepting",
          "sort",
          "page",
          "size");
  static final List<String> GOOD =
      List.of(
          "1",
          "2",
          "10",
          "LS1 4AP",
          "5000",
          "2026-01-01T00:00:00Z",
          "monday",
          "09:00",
          "65",
          "LONELINESS",
          "walking",
          "true");

  @LocalServerPort int port;

  String query(Random random, List<String> names) {
    StringBuilder q = new StringBuilder();
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      String value =
          random.nextBoolean() ? GOOD.get(random.nextInt(GOOD.size())) : Mutations.junk(random);
      q.append(i == 0 ? "?" : "&")
          .append(names.get(random.nextInt(names.size())))
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  @Test
  void theOpenReferralApiNeverAnswersWithAServerError() {
    WebSession anyone = new WebSession(port);
    Random random = new Random(11);
    for (int i = 0; i < 300; i++) {
      String path =
          ORUK_PATHS.get(random.nextInt(ORUK_PATHS.size())) + query(random, ORUK_PARAMETERS);
      WebSession.Page answer = anyone.json("GET", path, null);
      assertThat(answer.status()).as(path).isIn(Set.of(200, 400));
      if (answer.status() == 400) {
        assertThat(answer.body()).as(path).contains("\"parameter\"");
      }
    }
    for (String id :
        List.of("x", "%00", "..%2F..", "a".repeat(300), "00000000-0000-0000-0000-000000000000")) {
      for (String base : List.of("/oruk/services/", "/oruk/organizations/", "/oruk/taxonomies/")) {
        assertThat(anyone.json("GET", base + id, null).status())
            .as(base + id)
            .isIn(Set.of(400, 404));
      }
    }
  }

  @Test
  void theDirectorySearchApiNeverAnswersWithAServerError() {
    WebSession worker = new WebSession(port).signedInAs(Role.LINK_WORKER);
    Random random = new Random(12);
    for (int i = 0; i < 200; i++) {
      String path = "/api/directory/services" + query(random, SEARCH_PARAMETERS);
      WebSession.Page answer = worker.json("GET", path, null);
      assertThat(answer.status()).as(path).isIn(Set.of(200, 400));
    }
  }
}
