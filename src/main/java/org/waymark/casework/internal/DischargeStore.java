package org.waymark.casework.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CodedEntry;
import org.waymark.casework.Discharge;

/**
 * The {@code casework_discharge} and {@code casework_discharge_code} tables, and closing the case
 * row itself. Access checks and auditing are the caller's job.
 */
@Repository
public class DischargeStore {

  private final JdbcClient jdbc;

  DischargeStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Closes an open case if it is still at {@code version}; false if it changed or closed first. */
  public boolean closeCase(CaseFile c, long version, String closureReason, Instant at) {
    return jdbc.sql(
                """
                UPDATE casework_case SET status = 'CLOSED', closed_at = ?, closure_reason = ?,
                  version = version + 1
                WHERE organisation_id = ? AND id = ? AND version = ? AND status = 'OPEN'
                """)
            .params(java.sql.Timestamp.from(at), closureReason, c.organisationId(), c.id(), version)
            .update()
        == 1;
  }

  public void insert(
      CaseFile c,
      String closureReason,
      String summary,
      List<CodedEntry> codes,
      Instant at,
      UUID by) {
    jdbc.sql(
            """
            INSERT INTO casework_discharge (organisation_id, case_id, referral_id, closure_reason,
              summary, sent_at, sent_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            c.organisationId(),
            c.id(),
            c.referralId(),
            closureReason,
            summary,
            java.sql.Timestamp.from(at),
            by)
        .update();
    int position = 0;
    for (CodedEntry e : codes) {
      jdbc.sql(
              """
              INSERT INTO casework_discharge_code (organisation_id, case_id, position, source,
                source_code, snomed_code, display)
              VALUES (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              c.organisationId(),
              c.id(),
              ++position,
              e.source().name(),
              e.sourceCode(),
              e.snomedCode(),
              e.display())
          .update();
    }
  }

  public Optional<Discharge> find(UUID organisationId, UUID caseId) {
    List<CodedEntry> codes =
        jdbc.sql(
                """
                SELECT source, source_code, snomed_code, display FROM casework_discharge_code
                WHERE organisation_id = ? AND case_id = ? ORDER BY position
                """)
            .params(organisationId, caseId)
            .query(
                (rs, n) ->
                    new CodedEntry(
                        CodedEntry.Source.valueOf(rs.getString("source")),
                        rs.getString("source_code"),
                        rs.getString("snomed_code"),
                        rs.getString("display")))
            .list();
    return jdbc.sql("SELECT * FROM casework_discharge WHERE organisation_id = ? AND case_id = ?")
        .params(organisationId, caseId)
        .query(
            (rs, n) ->
                new Discharge(
                    rs.getObject("case_id", UUID.class),
                    rs.getObject("referral_id", UUID.class),
                    rs.getString("closure_reason"),
                    rs.getString("summary"),
                    codes,
                    rs.getTimestamp("sent_at").toInstant(),
                    rs.getObject("sent_by", UUID.class)))
        .optional();
  }
}
