package org.waymark.casework.internal;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.casework.AssessedNeed;
import org.waymark.casework.Assessment;
import org.waymark.casework.HowItIsGoing;
import org.waymark.casework.Importance;

/**
 * The {@code casework_assessment} and {@code casework_assessment_need} tables. Every save is a new
 * version; nothing is changed. Access checks and auditing are the caller's job.
 */
@Repository
public class AssessmentStore {

  private final JdbcClient jdbc;

  AssessmentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The highest version saved for the case, 0 if none. */
  public int latestVersion(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            """
            SELECT coalesce(max(version), 0) FROM casework_assessment
            WHERE organisation_id = ? AND case_id = ?
            """)
        .params(organisationId, caseId)
        .query(Integer.class)
        .single();
  }

  /**
   * Saves a version with its answered needs.
   *
   * @param needs in the order to keep; needs with nothing recorded are skipped
   */
  public void insert(
      UUID organisationId,
      UUID id,
      UUID caseId,
      int version,
      java.time.LocalDate assessedOn,
      String whatMatters,
      List<AssessedNeed> needs,
      UUID recordedBy) {
    jdbc.sql(
            """
            INSERT INTO casework_assessment (organisation_id, id, case_id, version, assessed_on,
              what_matters, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId, id, caseId, version, Date.valueOf(assessedOn), whatMatters, recordedBy)
        .update();
    for (AssessedNeed n : needs) {
      if (!n.isAnswered()) {
        continue;
      }
      jdbc.sql(
              """
              INSERT INTO casework_assessment_need (organisation_id, assessment_id, need, importance,
                going, in_their_words)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              organisationId,
              id,
              n.need(),
              n.importance() == null ? null : n.importance().name(),
              n.going() == null ? null : n.going().name(),
              n.inTheirWords())
          .update();
    }
  }

  /** Every version of the case's assessment, newest first; each one's needs by code. */
  public List<Assessment> forCase(UUID organisationId, UUID caseId) {
    return load(organisationId, caseId, Integer.MAX_VALUE);
  }

  public Optional<Assessment> latest(UUID organisationId, UUID caseId) {
    return load(organisationId, caseId, 1).stream().findFirst();
  }

  private record Row(
      UUID id,
      int version,
      java.time.LocalDate assessedOn,
      String whatMatters,
      UUID recordedBy,
      java.time.Instant recordedAt) {}

  private List<Assessment> load(UUID organisationId, UUID caseId, int limit) {
    List<Row> rows =
        jdbc.sql(
                """
                SELECT id, version, assessed_on, what_matters, recorded_by, recorded_at
                FROM casework_assessment WHERE organisation_id = ? AND case_id = ?
                ORDER BY version DESC LIMIT ?
                """)
            .params(organisationId, caseId, limit)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getInt("version"),
                        rs.getDate("assessed_on").toLocalDate(),
                        rs.getString("what_matters"),
                        rs.getObject("recorded_by", UUID.class),
                        rs.getTimestamp("recorded_at").toInstant()))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<AssessedNeed>> needs = new LinkedHashMap<>();
    rows.forEach(r -> needs.put(r.id(), new ArrayList<>()));
    jdbc.sql(
            """
            SELECT n.assessment_id, n.need, n.importance, n.going, n.in_their_words
            FROM casework_assessment_need n
            WHERE n.organisation_id = ? AND n.assessment_id = ANY (?)
            ORDER BY n.need
            """)
        .params(organisationId, needs.keySet().toArray(UUID[]::new))
        .query(
            rs -> {
              String importance = rs.getString("importance");
              String going = rs.getString("going");
              needs
                  .get(rs.getObject("assessment_id", UUID.class))
                  .add(
                      new AssessedNeed(
                          rs.getString("need"),
                          importance == null ? null : Importance.valueOf(importance),
                          going == null ? null : HowItIsGoing.valueOf(going),
                          rs.getString("in_their_words")));
            });
    return rows.stream()
        .map(
            r ->
                new Assessment(
                    r.id(),
                    organisationId,
                    caseId,
                    r.version(),
                    r.assessedOn(),
                    r.whatMatters(),
                    needs.get(r.id()),
                    r.recordedBy(),
                    r.recordedAt()))
        .toList();
  }
}
