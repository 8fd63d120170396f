package org.waymark.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.casework.Note;

/**
 * The {@code casework_note} table: append-only, apart from marking a note as entered in error.
 * Access checks and auditing are the caller's job.
 */
@Repository
public class NoteStore {

  private static final String COLUMNS =
      """
      organisation_id, id, case_id, body, sensitive, written_by, written_at, entered_in_error_at,
      entered_in_error_by, entered_in_error_reason
      """;

  private final JdbcClient jdbc;

  NoteStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      UUID organisationId, UUID id, UUID caseId, String body, boolean sensitive, UUID writtenBy) {
    jdbc.sql(
            """
            INSERT INTO casework_note (organisation_id, id, case_id, body, sensitive, written_by)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(organisationId, id, caseId, body, sensitive, writtenBy)
        .update();
  }

  /** Marks a note as entered in error, once; false if it is missing or already marked. */
  public boolean markEnteredInError(
      UUID organisationId, UUID caseId, UUID id, UUID by, String reason) {
    return jdbc.sql(
                """
                UPDATE casework_note SET entered_in_error_at = now(), entered_in_error_by = ?,
                  entered_in_error_reason = ?
                WHERE organisation_id = ? AND case_id = ? AND id = ? AND entered_in_error_at IS NULL
                """)
            .params(by, reason, organisationId, caseId, id)
            .update()
        == 1;
  }

  public Optional<Note> find(UUID organisationId, UUID caseId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM casework_note WHERE organisation_id = ? AND case_id = ? AND id = ?")
        .params(organisationId, caseId, id)
        .query(NoteStore::map)
        .optional();
  }

  /** A case's notes, newest first. */
  public List<Note> forCase(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM casework_note WHERE organisation_id = ? AND case_id = ?
                ORDER BY written_at DESC, id
                """)
        .params(organisationId, caseId)
        .query(NoteStore::map)
        .list();
  }

  private static Note map(ResultSet rs, int n) throws SQLException {
    return new Note(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getString("body"),
        rs.getBoolean("sensitive"),
        rs.getObject("written_by", UUID.class),
        rs.getTimestamp("written_at").toInstant(),
        ContactStore.instant(rs.getTimestamp("entered_in_error_at")),
        rs.getObject("entered_in_error_by", UUID.class),
        rs.getString("entered_in_error_reason"));
  }
}
