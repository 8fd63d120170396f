package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * Reads the live schema: every table holding tenant data leads its primary key and every foreign
 * key with {@code organisation_id}, so the schema can be distributed by tenant (docs/adr/0003).
 */
@WaymarkIntegrationTest
class TenantKeyTests {

  /**
   * Global tables (Citus reference tables) and infrastructure, each with its reason in ADR 0003.
   */
  static final Set<String> NOT_DISTRIBUTED =
      Set.of(
          "organisation",
          "user_account",
          "membership",
          "sign_in_attempt",
          "spring_session",
          "spring_session_attributes",
          "event_publication",
          // Infrastructure: db-scheduler's executions, looked up by task name and instance (ADR
          // 0013).
          "scheduled_tasks",
          "postcode_location",
          // Reference data: deprivation deciles by area, the same for every tenant (ADR 0019).
          "report_imd",
          // FHIR client systems, looked up by client id before any tenant is known, like
          // user_account; each row still names its organisation (ADR 0020).
          "fhir_client",
          // Infrastructure: the authorisation server's signing key, shared by every instance.
          "fhir_signing_key");

  @Autowired JdbcClient jdbc;

  private List<String> tenantTables() {
    return jdbc
        .sql(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'flyway%'
            ORDER BY table_name
            """)
        .query(String.class)
        .list()
        .stream()
        .filter(t -> !NOT_DISTRIBUTED.contains(t))
        .toList();
  }

  @Test
  void everyTenantTableLeadsItsPrimaryKeyWithTheOrganisation() {
    List<String> tables = tenantTables();
    assertThat(tables).contains("audit_event");
    for (String table : tables) {
      List<String> key =
          jdbc.sql(
                  """
                  SELECT a.attname FROM pg_index i
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                  WHERE i.indrelid = ?::regclass AND i.indisprimary
                  ORDER BY array_position(i.indkey::int2[], a.attnum)
                  """)
              .param(table)
              .query(String.class)
              .list();
      assertThat(key)
          .as("primary key of " + table)
          .isNotEmpty()
          .first()
          .isEqualTo("organisation_id");
    }
  }

  @Test
  void everyForeignKeyBetweenTenantTablesCarriesTheOrganisation() {
    List<String> offending =
        jdbc.sql(
                """
                SELECT c.conrelid::regclass::text || ' ' || c.conname FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                WHERE c.contype = 'f' AND a.attname <> 'organisation_id'
                  AND c.conrelid::regclass::text <> ALL (?)
                """)
            .param(NOT_DISTRIBUTED.toArray(String[]::new))
            .query(String.class)
            .list();
    assertThat(offending).isEmpty();
  }

  @Test
  void everyUniqueIndexOnATenantTableIncludesTheOrganisation() {
    for (String table : tenantTables()) {
      List<String> uniqueWithoutTenant =
          jdbc.sql(
                  """
                  SELECT ci.relname FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid
                  WHERE i.indrelid = ?::regclass AND i.indisunique AND NOT EXISTS (
                    SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                      AND a.attname = 'organisation_id')
                  """)
              .param(table)
              .query(String.class)
              .list();
      assertThat(uniqueWithoutTenant)
          .as("unique indexes of " + table + " without organisation_id")
          .isEmpty();
    }
  }
}
