package org.waymark.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseStatus;

/**
 * The {@code casework_case} and {@code casework_assignment} tables. Access checks and auditing are
 * the caller's job.
 */
@Repository
public class CaseStore {

  public static final String COLUMNS =
      """
      organisation_id, id, referral_id, person_id, link_worker_id, status, opened_at, first_contact_at,
      closed_at, closure_reason, version
      """;

  private final JdbcClient jdbc;

  CaseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      UUID organisationId,
      UUID id,
      UUID referralId,
      UUID personId,
      UUID linkWorkerId,
      UUID assignedBy) {
    insert(organisationId, id, referralId, personId, linkWorkerId, assignedBy, null, List.of());
  }

  /**
   * Opens a case with what triage copies from the referral.
   *
   * @param referredAt when the referral arrived; null for now
   * @param needs {@code NEED} codes the referral named
   */
  public void insert(
      UUID organisationId,
      UUID id,
      UUID referralId,
      UUID personId,
      UUID linkWorkerId,
      UUID assignedBy,
      Instant referredAt,
      List<String> needs) {
    jdbc.sql(
            """
            INSERT INTO casework_case (organisation_id, id, referral_id, person_id, link_worker_id,
              referred_at, needs)
            VALUES (?, ?, ?, ?, ?, COALESCE(CAST(? AS timestamptz), now()), ?)
            """)
        .params(
            organisationId,
            id,
            referralId,
            personId,
            linkWorkerId,
            referredAt == null ? null : Timestamp.from(referredAt),
            needs.toArray(String[]::new))
        .update();
    recordAssignment(organisationId, id, linkWorkerId, assignedBy, null);
  }

  public void recordAssignment(
      UUID organisationId, UUID caseId, UUID linkWorkerId, UUID assignedBy, String reason) {
    jdbc.sql(
            """
            INSERT INTO casework_assignment (organisation_id, case_id, link_worker_id, assigned_by, reason)
            VALUES (?, ?, ?, ?, ?)
            """)
        .params(organisationId, caseId, linkWorkerId, assignedBy, reason)
        .update();
  }

  public Optional<CaseFile> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM casework_case WHERE id = ?")
        .param(id)
        .query(CaseStore::map)
        .optional();
  }

  /** A person's cases held by one organisation, newest first. */
  public List<CaseFile> forPerson(UUID organisationId, UUID personId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM casework_case WHERE organisation_id = ? AND person_id = ?"
                + " ORDER BY opened_at DESC, id")
        .params(organisationId, personId)
        .query(CaseStore::map)
        .list();
  }

  public Optional<CaseFile> forReferral(UUID organisationId, UUID referralId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM casework_case WHERE organisation_id = ? AND referral_id = ?")
        .params(organisationId, referralId)
        .query(CaseStore::map)
        .optional();
  }

  /** The day (UK calendar) the case's referral was received. */
  public java.time.LocalDate referredOn(CaseFile c) {
    return jdbc.sql(
            """
            SELECT (referred_at AT TIME ZONE 'Europe/London')::date FROM casework_case
            WHERE organisation_id = ? AND id = ?
            """)
        .params(c.organisationId(), c.id())
        .query(java.time.LocalDate.class)
        .single();
  }

  /** Whether link workers of this organisation may see their colleagues' cases. */
  public boolean teamCaseloadsVisible(UUID organisationId) {
    return jdbc.sql("SELECT team_caseloads_visible FROM casework_setting WHERE organisation_id = ?")
        .param(organisationId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Moves every case about one person record to another (a merge). */
  public int movePerson(UUID organisationId, UUID fromPersonId, UUID toPersonId) {
    return jdbc.sql(
            "UPDATE casework_case SET person_id = ? WHERE organisation_id = ? AND person_id = ?")
        .params(toPersonId, organisationId, fromPersonId)
        .update();
  }

  public static CaseFile map(ResultSet rs, int n) throws SQLException {
    return new CaseFile(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("referral_id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("link_worker_id", UUID.class),
        CaseStatus.valueOf(rs.getString("status")),
        instant(rs.getTimestamp("opened_at")),
        instant(rs.getTimestamp("first_contact_at")),
        instant(rs.getTimestamp("closed_at")),
        rs.getString("closure_reason"),
        rs.getLong("version"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
