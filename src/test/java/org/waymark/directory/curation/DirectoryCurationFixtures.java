package org.waymark.directory.curation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.shared.NeedDomain;

/**
 * Directory rows for curation tests, written with SQL as an import would leave them, each with a
 * unique name so tests never see each other's listings in the shared database.
 */
final class DirectoryCurationFixtures {

  private final JdbcClient jdbc;
  private final IdentityManagement identity;

  DirectoryCurationFixtures(JdbcClient jdbc, IdentityManagement identity) {
    this.jdbc = jdbc;
    this.identity = identity;
  }

  /** Letters that make a test's names unique in the shared database. */
  static String unique() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }

  /** The demo VCS coordinator's organisation. */
  UUID goodNeighbours() {
    return organisation("Good Neighbours Befriending");
  }

  /** Another demo VCS organisation, whose listings the demo VCS coordinator must not change. */
  UUID moneyMatters() {
    return organisation("Money Matters Advice");
  }

  /** A VCS organisation of the test's own. */
  UUID freshOrganisation() {
    return identity
        .createOrganisation(OrganisationType.VCS, "Test VCS " + unique(), null, null, null)
        .id();
  }

  UUID organisation(String name) {
    return identity.organisations(OrganisationType.VCS).stream()
        .filter(o -> o.name().equals(name))
        .map(Organisation::id)
        .findFirst()
        .orElseThrow();
  }

  /** An imported-looking service, last changed a day ago, never verified. */
  UUID service(UUID holder, String name) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO directory_service (organisation_id, id, name, description, email, details,
              accepting_referrals, referral_method, answer_days, source, source_id, last_modified)
            VALUES (?, ?, ?, '<p>Imported &amp; <em>kept</em></p>', ?,
              '{"phones":[{"id":"p1","number":"0113 496 0000","type":"voice"}],"languages":[{"id":"6f1c7d3e-2a1b-4c5d-8e9f-0a1b2c3d4e5f","name":"English"}]}',
              'YES', 'SIGNPOST', 10, 'test', ?, now() - interval '1 day')
            """)
        .params(
            holder,
            id,
            name,
            "contact-" + id.toString().substring(0, 8) + "@example.org",
            id.toString())
        .update();
    return id;
  }

  void verifiedAt(UUID id, Instant when, String by) {
    jdbc.sql("UPDATE directory_service SET last_verified_at = ?, last_verified_by = ? WHERE id = ?")
        .params(Timestamp.from(when), by, id)
        .update();
  }

  void suggest(UUID holder, UUID id, NeedDomain need, String reason) {
    jdbc.sql(
            """
            INSERT INTO directory_service_need (organisation_id, service_id, need, status, reason)
            VALUES (?, ?, ?, 'SUGGESTED', ?)
            """)
        .params(holder, id, need.name(), reason)
        .update();
  }

  /** The service's row as stored: column name to value. */
  Map<String, Object> row(UUID id) {
    return jdbc.sql(
            """
            SELECT name, description, email, accepting_referrals, referral_method, referral_email,
              capacity, answer_days, minimum_age, maximum_age, free_of_charge, last_modified, version,
              last_verified_at, last_verified_by, details::text AS details, organisation_id,
              directory_organization_id, source, source_id
            FROM directory_service WHERE id = ?
            """)
        .param(id)
        .query()
        .singleRow();
  }

  /** The service's change history, oldest first: who, summary and changes as JSON text. */
  List<Map<String, Object>> changes(UUID id) {
    return jdbc.sql(
            "SELECT changed_by, changed_at, change, changes::text AS changes FROM directory_change"
                + " WHERE service_id = ? ORDER BY id")
        .param(id)
        .query()
        .listOfRows();
  }

  /** The service's need domains: need to status. */
  Map<String, Map<String, Object>> needs(UUID id) {
    Map<String, Map<String, Object>> needs = new java.util.LinkedHashMap<>();
    jdbc.sql(
            "SELECT need, status, decided_by, decided_at FROM directory_service_need WHERE service_id = ?")
        .param(id)
        .query()
        .listOfRows()
        .forEach(r -> needs.put((String) r.get("need"), r));
    return needs;
  }
}
