package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * The plan for distributing Waymark on Citus (ADR 22), checked against the live schema: every table
 * is a reference table, stays on the coordinator, or is distributed by {@code organisation_id}; no
 * reference or coordinator table refers to a distributed one; and the distribution script in
 * docs/operations/citus-distribution.sql is the one this schema needs (the test writes the current
 * script to target/citus-distribution.sql to compare or copy).
 */
@WaymarkIntegrationTest
class CitusDistributionTests {

  /** Small, global, read everywhere and joined from any tenant: copied to every node. */
  static final Set<String> REFERENCE =
      Set.of(
          "organisation",
          "user_account",
          "membership",
          "code_list_entry",
          "fhir_client",
          "outcome_instrument",
          "postcode_location",
          "report_imd");

  /** Infrastructure looked up by its own keys, never joined with tenant data. */
  static final Set<String> COORDINATOR =
      Set.of(
          "spring_session",
          "spring_session_attributes",
          "event_publication",
          "scheduled_tasks",
          "sign_in_attempt",
          "fhir_signing_key");

  static final Path SCRIPT = Path.of("docs/operations/citus-distribution.sql");

  @Autowired JdbcClient jdbc;

  List<String> tables() {
    return jdbc.sql(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
              AND table_name NOT LIKE 'flyway%'
            ORDER BY table_name
            """)
        .query(String.class)
        .list();
  }

  /** Each table's foreign keys: the tables it refers to. */
  Map<String, Set<String>> references() {
    Map<String, Set<String>> refs = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
            FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid
            """)
        .query()
        .listOfRows()
        .forEach(
            r ->
                refs.computeIfAbsent((String) r.get("child"), k -> new TreeSet<>())
                    .add((String) r.get("parent")));
    return refs;
  }

  boolean hasTenantColumn(String table) {
    return jdbc.sql(
                """
                SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = ? AND column_name = 'organisation_id'
                """)
            .param(table)
            .query(Long.class)
            .single()
        == 1;
  }

  @Test
  void everyTableHasItsPlaceAndDistributedTablesCarryTheTenant() {
    for (String table : tables()) {
      if (REFERENCE.contains(table) || COORDINATOR.contains(table)) {
        continue;
      }
      assertThat(hasTenantColumn(table))
          .as(table + " is distributed by organisation_id, so it must have that column")
          .isTrue();
    }
    assertThat(tables()).containsAll(REFERENCE).containsAll(COORDINATOR);
  }

  @Test
  void onlyDistributedTablesReferToDistributedTables() {
    Map<String, Set<String>> refs = references();
    for (Map.Entry<String, Set<String>> e : refs.entrySet()) {
      String child = e.getKey();
      for (String parent : e.getValue()) {
        boolean parentDistributed = !REFERENCE.contains(parent) && !COORDINATOR.contains(parent);
        boolean childDistributed = !REFERENCE.contains(child) && !COORDINATOR.contains(child);
        if (parentDistributed) {
          assertThat(childDistributed)
              .as(child + " refers to the distributed table " + parent)
              .isTrue();
        }
        if (COORDINATOR.contains(parent)) {
          assertThat(COORDINATOR.contains(child))
              .as(child + " refers to the coordinator-only table " + parent)
              .isTrue();
        }
      }
    }
  }

  @Test
  void theDistributionScriptMatchesTheSchema() throws IOException {
    String expected = script();
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/citus-distribution.sql"), expected, StandardCharsets.UTF_8);
    assertThat(Files.readString(SCRIPT, StandardCharsets.UTF_8))
        .as(
            SCRIPT
                + " is out of date: compare it with target/citus-distribution.sql, written from"
                + " the schema, and copy it over")
        .isEqualTo(expected);
  }

  /** The Citus calls for this schema: reference tables, then distributed ones parents first. */
  String script() {
    List<String> all = tables();
    Map<String, Set<String>> refs = references();
    List<String> distributed = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    List<String> pending =
        all.stream().filter(t -> !REFERENCE.contains(t) && !COORDINATOR.contains(t)).toList();
    // Parents before children, so each foreign key finds its parent already distributed.
    while (placed.size() < pending.size()) {
      boolean progress = false;
      for (String t : pending) {
        if (placed.contains(t)) {
          continue;
        }
        Set<String> parents = refs.getOrDefault(t, Set.of());
        boolean ready =
            parents.stream()
                .filter(p -> pending.contains(p) && !p.equals(t))
                .allMatch(placed::contains);
        if (ready) {
          placed.add(t);
          distributed.add(t);
          progress = true;
        }
      }
      if (!progress) {
        throw new IllegalStateException("Foreign keys in a cycle among " + pending);
      }
    }
    StringBuilder s = new StringBuilder();
    s.append(
        "-- Distributes Waymark's schema on Citus (ADR 22). Written from the live schema by\n");
    s.append(
        "-- CitusDistributionTests: run it once on the coordinator after the migrations, on an\n");
    s.append("-- empty database or during a maintenance window.\n\n");
    s.append("-- Reference tables: copied to every node.\n");
    for (String t : all) {
      if (REFERENCE.contains(t)) {
        s.append("SELECT create_reference_table('").append(t).append("');\n");
      }
    }
    s.append("\n-- Coordinator only (infrastructure): ");
    s.append(String.join(", ", all.stream().filter(COORDINATOR::contains).toList()));
    s.append(".\n\n");
    s.append("-- Distributed by tenant, all co-located, parents before children.\n");
    String first = null;
    for (String t : distributed) {
      s.append("SELECT create_distributed_table('")
          .append(t)
          .append("', 'organisation_id'")
          .append(
              first == null ? ", colocate_with => 'none'" : ", colocate_with => '" + first + "'")
          .append(");\n");
      if (first == null) {
        first = t;
      }
    }
    return s.toString();
  }
}
