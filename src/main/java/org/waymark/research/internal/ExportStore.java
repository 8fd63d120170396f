package org.waymark.research.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.research.ExportDataset;
import org.waymark.research.ExportFormat;
import org.waymark.research.ExportRecord;

/** The log of a study's exports, and where participants passed on from casework came from. */
@Repository
public class ExportStore {

  /**
   * Where a participant passed on from casework came from, for record linkage.
   *
   * @param personId the person the case is about
   * @param caseId the case they were passed on from
   * @param caseOrganisationId the organisation that holds the case
   */
  public record CaseLink(UUID participantId, UUID personId, UUID caseId, UUID caseOrganisationId) {}

  private final JdbcClient jdbc;

  ExportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records one export. */
  public void insert(UUID organisationId, UUID studyId, ExportRecord r) {
    jdbc.sql(
            """
            INSERT INTO research_export_log (organisation_id, id, study_id, exported_by,
              exported_at, dataset, format, purpose, row_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            r.id(),
            studyId,
            r.exportedBy(),
            Timestamp.from(r.exportedAt()),
            r.dataset().name(),
            r.format().name(),
            r.purpose(),
            r.rows())
        .update();
  }

  /** The study's exports, newest first. */
  public List<ExportRecord> log(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            """
            SELECT id, exported_by, exported_at, dataset, format, purpose, row_count
            FROM research_export_log WHERE organisation_id = ? AND study_id = ?
            ORDER BY exported_at DESC, id
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) ->
                new ExportRecord(
                    rs.getObject("id", UUID.class),
                    rs.getObject("exported_by", UUID.class),
                    rs.getTimestamp("exported_at").toInstant(),
                    ExportDataset.valueOf(rs.getString("dataset")),
                    ExportFormat.valueOf(rs.getString("format")),
                    rs.getString("purpose"),
                    rs.getInt("row_count")))
        .list();
  }

  /** The case a participant came from, if they were passed on from casework. */
  public Optional<CaseLink> caseLink(UUID organisationId, UUID participantId) {
    return jdbc.sql(
            """
            SELECT participant_id, person_id, case_id, case_organisation_id
            FROM research_participant_identity
            WHERE organisation_id = ? AND participant_id = ?
              AND case_id IS NOT NULL AND case_organisation_id IS NOT NULL
            """)
        .params(organisationId, participantId)
        .query(ExportStore::link)
        .optional();
  }

  private static CaseLink link(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new CaseLink(
        rs.getObject("participant_id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getObject("case_organisation_id", UUID.class));
  }
}
