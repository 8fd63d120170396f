package org.waymark.directory.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.directory.internal.imports.ImportFixtures.ORUK;
import static org.waymark.directory.internal.imports.ImportFixtures.count;
import static org.waymark.directory.internal.imports.ImportFixtures.id;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.DirectoryImports;
import org.waymark.directory.DirectoryImports.HarvestSource;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.DirectoryImports.Status;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.support.WaymarkIntegrationTest;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Harvests an ORUK 3.0 API served by a real HTTP server on a random loopback port, built from the
 * ORUK examples: two pages of services, each service in full, taxonomies and terms.
 */
@WaymarkIntegrationTest
class DirectoryApiHarvestImportTests {

  @Autowired DirectoryImports imports;
  @Autowired HarvestScheduler scheduler;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  HttpServer server;
  String base;
  final List<String> requests = new CopyOnWriteArrayList<>();
  volatile boolean secondRound;
  ObjectNode serviceFull;

  @BeforeEach
  void startServer() throws IOException {
    serviceFull =
        (ObjectNode)
            Json.MAPPER.readTree(Files.readString(ORUK.resolve("examples/service_full.json")));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oruk", this::answer);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/oruk";
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring("/oruk".length());
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(path + (query == null ? "" : "?" + query));
    int status = 200;
    String body;
    if (path.equals("/taxonomies")) {
      body = Files.readString(ORUK.resolve("examples/taxonomy_list.json"));
    } else if (path.equals("/taxonomy_terms")) {
      body = page(1, 1, terms()).toString();
    } else if (path.equals("/services")) {
      boolean modifiedAfter = query != null && query.contains("modified_after=");
      if (modifiedAfter) {
        body = page(1, 1, List.of(service("svc-b", "Walking group (new times)"))).toString();
      } else if (query != null && query.contains("page=2")) {
        body = page(2, 2, List.of(service("svc-c", "Carers cafe"))).toString();
      } else {
        body =
            page(1, 2, List.of(service("svc-a", "Counselling"), service("svc-b", "Walking group")))
                .toString();
      }
    } else if (path.startsWith("/services/")) {
      String id = path.substring("/services/".length());
      if (id.equals("svc-c") && !secondRound) {
        status = 500;
        body = "{}";
      } else {
        String name =
            switch (id) {
              case "svc-a" -> "Counselling";
              case "svc-b" -> secondRound ? "Walking group (new times)" : "Walking group";
              default -> "Carers cafe";
            };
        body = service(id, name).toString();
      }
    } else {
      status = 404;
      body = "{}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private ObjectNode service(String id, String name) {
    ObjectNode s = serviceFull.deepCopy();
    s.put("id", id);
    s.put("name", name);
    ((ObjectNode) s.at("/service_at_locations/0")).put("id", "sal-" + id);
    ((ObjectNode) s.at("/schedules/0")).put("id", "sch-" + id);
    ObjectNode term = (ObjectNode) s.at("/attributes/0/taxonomy_term");
    term.put("id", "term-child");
    term.put("name", "Talking therapies");
    term.put("parent_id", "term-parent");
    return s;
  }

  private static List<ObjectNode> terms() {
    ObjectNode child = Json.object();
    child.put("id", "term-child");
    child.put("name", "Talking therapies");
    child.put("parent_id", "term-parent");
    child.put("taxonomy_id", "5c4d79d7-cc55-470e-9f1f-8cad074e4892");
    ObjectNode parent = Json.object();
    parent.put("id", "term-parent");
    parent.put("name", "Mental health");
    parent.put("taxonomy_id", "5c4d79d7-cc55-470e-9f1f-8cad074e4892");
    return List.of(child, parent);
  }

  private static ObjectNode page(int number, int pages, List<ObjectNode> contents) {
    ObjectNode page = Json.object();
    page.put("total_items", contents.size());
    page.put("total_pages", pages);
    page.put("page_number", number);
    page.put("size", contents.size());
    page.put("first_page", number == 1);
    page.put("last_page", number == pages);
    page.put("empty", contents.isEmpty());
    ArrayNode items = page.putArray("contents");
    contents.forEach(items::add);
    return page;
  }

  @Test
  void harvestsEveryPageAndServiceThenOnlyWhatWasModified() {
    HarvestSource source = imports.addHarvestSource(base + "/", "Example ORUK API", 24);
    assertThat(source.baseUrl()).isEqualTo(base);
    assertThat(imports.addHarvestSource(base, "Renamed", 12).id()).isEqualTo(source.id());

    Summary first = imports.harvest(source.id(), "test").orElseThrow();
    assertThat(first.kind()).isEqualTo(DirectoryImports.Kind.ORUK_API);
    assertThat(first.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(first.created()).isEqualTo(2);
    assertThat(first.failed()).isEqualTo(1);
    assertThat(imports.lines(first.id(), Outcome.FAILED).get(0).reason())
        .startsWith("HTTP 500 from " + base + "/services/svc-c");
    assertThat(requests)
        .contains(
            "/taxonomies?page=1",
            "/taxonomy_terms?page=1",
            "/services?page=1",
            "/services?page=2",
            "/services/svc-a",
            "/services/svc-b",
            "/services/svc-c");
    String sourceName = base;
    assertThat(count(jdbc, "directory_service", sourceName)).isEqualTo(2);
    // Terms came from /taxonomy_terms with their hierarchy, and from the services' attributes.
    Map<String, Object> term =
        jdbc.sql(
                "SELECT t.name, p.name AS parent, x.name AS taxonomy FROM directory_taxonomy_term t"
                    + " JOIN directory_taxonomy_term p ON p.organisation_id = t.organisation_id"
                    + " AND p.id = t.parent_id JOIN directory_taxonomy x ON x.organisation_id ="
                    + " t.organisation_id AND x.id = t.taxonomy_id WHERE t.id = :id")
            .param("id", id(sourceName, "taxonomy_term", "term-child"))
            .query()
            .singleRow();
    assertThat(term)
        .containsEntry("name", "Talking therapies")
        .containsEntry("parent", "Mental health")
        .containsEntry("taxonomy", "name");
    assertThat(
            jdbc.sql("SELECT taxonomy_text FROM directory_service WHERE id = :id")
                .param("id", id(sourceName, "service", "svc-a"))
                .query(String.class)
                .single())
        .isEqualTo("Talking therapies");
    HarvestSource after =
        imports.harvestSources().stream()
            .filter(s -> s.id().equals(source.id()))
            .findFirst()
            .orElseThrow();
    assertThat(after.lastHarvestedAt()).isNotNull();
    assertThat(after.name()).isEqualTo("Renamed");

    requests.clear();
    secondRound = true;
    Summary second = imports.harvest(source.id(), "test").orElseThrow();
    assertThat(requests)
        .anySatisfy(r -> assertThat(r).startsWith("/services?modified_after=").endsWith("page=1"));
    assertThat(requests).doesNotContain("/services/svc-a", "/services?page=2");
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.total()).isEqualTo(1);
    assertThat(second.message()).contains("services modified after");
    assertThat(
            jdbc.sql("SELECT name FROM directory_service WHERE id = :id")
                .param("id", id(sourceName, "service", "svc-b"))
                .query(String.class)
                .single())
        .isEqualTo("Walking group (new times)");
  }

  @Test
  void scheduledHarvestRunsOnlyWhereTheLockIsFreeAndOnlyForDueSources() throws Exception {
    HarvestSource source = imports.addHarvestSource(base, "Scheduled API", 6);
    // Another instance holds the lock: this one does nothing.
    try (Connection other = dataSource.getConnection();
        PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
      lock.setString(1, HarvestScheduler.LOCK);
      lock.execute();
      assertThat(scheduler.harvestDue()).isEqualTo(-1);
      assertThat(requests).isEmpty();
      try (PreparedStatement unlock =
          other.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
        unlock.setString(1, HarvestScheduler.LOCK);
        unlock.execute();
      }
    }
    assertThat(scheduler.harvestDue()).isGreaterThanOrEqualTo(1);
    assertThat(requests).contains("/services?page=1");
    requests.clear();
    // Harvested just now, so not due again for six hours.
    scheduler.harvestDue();
    assertThat(requests).isEmpty();
    assertThat(
            imports.recentImports(50).stream()
                .filter(s -> s.source().equals(source.baseUrl()))
                .map(Summary::startedBy))
        .contains("schedule");
  }

  @Test
  void anAddressThatIsNotHttpIsRefused() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> imports.addHarvestSource("file:///etc/passwd", "x", 24)))
        .isInstanceOf(DirectoryImports.InvalidHarvestSourceException.class);
  }
}
