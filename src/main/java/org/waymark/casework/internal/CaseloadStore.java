package org.waymark.casework.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.casework.CaseStatus;
import org.waymark.casework.ServiceSettings;

/**
 * Caseload, waiting-list and settings queries over {@code casework_case} and {@code
 * casework_setting}. Access checks, person names and auditing are the caller's job.
 */
@Repository
public class CaseloadStore {

  /** A case as a list shows it, before the person's name is added. */
  public record Row(
      UUID caseId,
      UUID personId,
      UUID linkWorkerId,
      CaseStatus status,
      Instant referredAt,
      Instant openedAt,
      Instant firstContactAt,
      List<String> needs,
      long version) {}

  /** Open cases and, of those, cases awaiting first contact. */
  public record Counts(int open, int awaitingFirstContact) {}

  /** Days from referral to first contact over a period. */
  public record WaitingTimes(Double median, Double ninetiethPercentile, int count) {}

  private static final String ROW_COLUMNS =
      """
      id, person_id, link_worker_id, status, referred_at, opened_at, first_contact_at, needs, version
      """;

  private final JdbcClient jdbc;

  CaseloadStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Cases of one organisation, oldest referral first, at most {@code limit}.
   *
   * @param linkWorkerId null for every link worker
   * @param status null for any
   * @param need null for any
   */
  public List<Row> cases(
      UUID organisationId,
      UUID linkWorkerId,
      CaseStatus status,
      boolean awaitingFirstContactOnly,
      String need,
      int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT " + ROW_COLUMNS + " FROM casework_case WHERE organisation_id = :org");
    Map<String, Object> p = new HashMap<>();
    p.put("org", organisationId);
    if (linkWorkerId != null) {
      sql.append(" AND link_worker_id = :worker");
      p.put("worker", linkWorkerId);
    }
    if (status != null) {
      sql.append(" AND status = :status");
      p.put("status", status.name());
    }
    if (awaitingFirstContactOnly) {
      sql.append(" AND status = 'OPEN' AND first_contact_at IS NULL");
    }
    if (need != null) {
      sql.append(" AND :need = ANY(needs)");
      p.put("need", need);
    }
    sql.append(" ORDER BY referred_at, id LIMIT :limit");
    p.put("limit", limit);
    return jdbc.sql(sql.toString()).params(p).query(CaseloadStore::row).list();
  }

  /** Open cases of one link worker (or, with null, the whole organisation). */
  public Counts counts(UUID organisationId, UUID linkWorkerId) {
    return jdbc.sql(
            """
            SELECT count(*) AS open, count(*) FILTER (WHERE first_contact_at IS NULL) AS waiting
            FROM casework_case
            WHERE organisation_id = :org AND status = 'OPEN'
              AND (CAST(:worker AS uuid) IS NULL OR link_worker_id = :worker)
            """)
        .param("org", organisationId)
        .param("worker", linkWorkerId)
        .query((rs, n) -> new Counts(rs.getInt("open"), rs.getInt("waiting")))
        .single();
  }

  /** Open cases per link worker of one organisation, for every link worker who holds any. */
  public Map<UUID, Counts> countsByLinkWorker(UUID organisationId) {
    Map<UUID, Counts> counts = new HashMap<>();
    jdbc.sql(
            """
            SELECT link_worker_id, count(*) AS open,
              count(*) FILTER (WHERE first_contact_at IS NULL) AS waiting
            FROM casework_case WHERE organisation_id = ? AND status = 'OPEN'
            GROUP BY link_worker_id
            """)
        .param(organisationId)
        .query(
            rs -> {
              counts.put(
                  rs.getObject("link_worker_id", UUID.class),
                  new Counts(rs.getInt("open"), rs.getInt("waiting")));
            });
    return counts;
  }

  /** Open cases without a first contact, oldest referral first, at most {@code limit}. */
  public List<Row> awaitingFirstContact(UUID organisationId, int limit) {
    return jdbc.sql(
            "SELECT "
                + ROW_COLUMNS
                + """
                 FROM casework_case
                WHERE organisation_id = ? AND status = 'OPEN' AND first_contact_at IS NULL
                ORDER BY referred_at, id LIMIT ?
                """)
        .params(organisationId, limit)
        .query(CaseloadStore::row)
        .list();
  }

  /**
   * Whole days (by the calendar in England) from referral to first contact, for the cases first
   * contacted in the last {@code days} days: median and 90th percentile (interpolated).
   */
  public WaitingTimes waitingTimes(UUID organisationId, int days) {
    return jdbc.sql(
            """
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY waited) AS median,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY waited) AS p90,
                   count(*) AS n
            FROM (
              SELECT CAST((first_contact_at AT TIME ZONE 'Europe/London')::date
                          - (referred_at AT TIME ZONE 'Europe/London')::date AS double precision) AS waited
              FROM casework_case
              WHERE organisation_id = ? AND first_contact_at IS NOT NULL
                AND first_contact_at >= now() - make_interval(days => ?)
            ) AS contacted
            """)
        .params(organisationId, days)
        .query(
            (rs, n) ->
                new WaitingTimes(
                    rs.getObject("median", Double.class),
                    rs.getObject("p90", Double.class),
                    rs.getInt("n")))
        .single();
  }

  /**
   * Moves an open case to another link worker if it is still at {@code expectedVersion}.
   *
   * @return false if the case changed since, or is closed
   */
  public boolean reassign(
      UUID organisationId, UUID caseId, long expectedVersion, UUID linkWorkerId) {
    return jdbc.sql(
                """
                UPDATE casework_case SET link_worker_id = ?, version = version + 1
                WHERE organisation_id = ? AND id = ? AND version = ? AND status = 'OPEN'
                """)
            .params(linkWorkerId, organisationId, caseId, expectedVersion)
            .update()
        == 1;
  }

  public ServiceSettings settings(UUID organisationId) {
    return jdbc.sql(
            """
            SELECT team_caseloads_visible, missed_contacts_before_review, version
            FROM casework_setting WHERE organisation_id = ?
            """)
        .param(organisationId)
        .query(
            (rs, n) ->
                new ServiceSettings(
                    organisationId,
                    rs.getBoolean("team_caseloads_visible"),
                    rs.getInt("missed_contacts_before_review"),
                    rs.getLong("version")))
        .optional()
        .orElse(ServiceSettings.defaults(organisationId));
  }

  /**
   * Saves the settings if they are still at {@code expectedVersion} (0 for a PCN that never saved
   * any).
   *
   * @return false if another change came first
   */
  public boolean saveSettings(
      UUID organisationId, long expectedVersion, boolean teamVisible, int missedContacts) {
    int updated =
        jdbc.sql(
                """
                UPDATE casework_setting
                SET team_caseloads_visible = ?, missed_contacts_before_review = ?, version = version + 1
                WHERE organisation_id = ? AND version = ?
                """)
            .params(teamVisible, missedContacts, organisationId, expectedVersion)
            .update();
    if (updated == 0 && expectedVersion == 0) {
      updated =
          jdbc.sql(
                  """
                  INSERT INTO casework_setting (organisation_id, team_caseloads_visible,
                    missed_contacts_before_review, version)
                  VALUES (?, ?, ?, 1)
                  ON CONFLICT (organisation_id) DO NOTHING
                  """)
              .params(organisationId, teamVisible, missedContacts)
              .update();
    }
    return updated == 1;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Array needs = rs.getArray("needs");
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("link_worker_id", UUID.class),
        CaseStatus.valueOf(rs.getString("status")),
        instant(rs.getTimestamp("referred_at")),
        instant(rs.getTimestamp("opened_at")),
        instant(rs.getTimestamp("first_contact_at")),
        needs == null ? List.of() : Arrays.asList((String[]) needs.getArray()),
        rs.getLong("version"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
