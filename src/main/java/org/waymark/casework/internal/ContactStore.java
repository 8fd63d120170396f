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
import org.waymark.casework.Contact;
import org.waymark.casework.ContactOutcome;

/** The {@code casework_contact} table. Access checks and auditing are the caller's job. */
@Repository
public class ContactStore {

  private static final String COLUMNS =
      """
      organisation_id, id, case_id, contact_type, contact_at, duration_minutes, outcome, notes,
      recorded_by, recorded_at, updated_by, updated_at, version
      """;

  private final JdbcClient jdbc;

  ContactStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      UUID organisationId,
      UUID id,
      UUID caseId,
      String type,
      Instant at,
      Integer durationMinutes,
      ContactOutcome outcome,
      String notes,
      UUID recordedBy) {
    jdbc.sql(
            """
            INSERT INTO casework_contact (organisation_id, id, case_id, contact_type, contact_at,
              duration_minutes, outcome, notes, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            id,
            caseId,
            type,
            Timestamp.from(at),
            durationMinutes,
            outcome == null ? null : outcome.name(),
            notes,
            recordedBy)
        .update();
  }

  /** Changes a contact if it is still at {@code version}; false if it is not (or is missing). */
  public boolean update(
      UUID organisationId,
      UUID caseId,
      UUID id,
      long version,
      String type,
      Instant at,
      Integer durationMinutes,
      ContactOutcome outcome,
      String notes,
      UUID updatedBy) {
    return jdbc.sql(
                """
                UPDATE casework_contact SET contact_type = ?, contact_at = ?, duration_minutes = ?,
                  outcome = ?, notes = ?, updated_by = ?, updated_at = now(), version = version + 1
                WHERE organisation_id = ? AND case_id = ? AND id = ? AND version = ?
                """)
            .params(
                type,
                Timestamp.from(at),
                durationMinutes,
                outcome == null ? null : outcome.name(),
                notes,
                updatedBy,
                organisationId,
                caseId,
                id,
                version)
            .update()
        == 1;
  }

  public Optional<Contact> find(UUID organisationId, UUID caseId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM casework_contact WHERE organisation_id = ? AND case_id = ? AND id = ?")
        .params(organisationId, caseId, id)
        .query(ContactStore::map)
        .optional();
  }

  /** A case's contacts, newest first (planned ones, being later, come first). */
  public List<Contact> forCase(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM casework_contact WHERE organisation_id = ? AND case_id = ?
                ORDER BY contact_at DESC, recorded_at DESC
                """)
        .params(organisationId, caseId)
        .query(ContactStore::map)
        .list();
  }

  /**
   * Sets the case's first contact to its earliest attended contact (null if none), after any change
   * to its contacts. A derived value, so the case's version is left alone: it guards what people
   * edit on the case itself.
   */
  public void recomputeFirstContact(UUID organisationId, UUID caseId) {
    jdbc.sql(
            """
            UPDATE casework_case SET first_contact_at = (
              SELECT min(contact_at) FROM casework_contact
              WHERE organisation_id = ? AND case_id = ? AND outcome = 'ATTENDED')
            WHERE organisation_id = ? AND id = ?
            """)
        .params(organisationId, caseId, organisationId, caseId)
        .update();
  }

  private static Contact map(ResultSet rs, int n) throws SQLException {
    String outcome = rs.getString("outcome");
    return new Contact(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getString("contact_type"),
        rs.getTimestamp("contact_at").toInstant(),
        rs.getObject("duration_minutes", Integer.class),
        outcome == null ? null : ContactOutcome.valueOf(outcome),
        rs.getString("notes"),
        rs.getObject("recorded_by", UUID.class),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getObject("updated_by", UUID.class),
        instant(rs.getTimestamp("updated_at")),
        rs.getLong("version"));
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
