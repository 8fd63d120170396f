package org.waymark.outcome.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.outcome.GpAppointments;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.Response;
import org.waymark.outcome.Score;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code outcome_response} table. Access checks and auditing are the caller's job. */
@Repository
public class ResponseStore {

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  ResponseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Response r) {
    jdbc.sql(
            """
            INSERT INTO outcome_response (organisation_id, id, case_id, person_id, instrument_code,
              instrument_version, occasion, completed_on, answers, scores, completed_by,
              recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?)
            """)
        .params(
            r.organisationId(),
            r.id(),
            r.caseId(),
            r.personId(),
            r.instrumentCode(),
            r.instrumentVersion(),
            r.occasion().name(),
            Date.valueOf(r.completedOn()),
            json.writeValueAsString(r.answers()),
            json.writeValueAsString(r.scores()),
            r.selfCompleted() ? "SELF" : "WITH_LINK_WORKER",
            r.recordedBy(),
            Timestamp.from(r.recordedAt()))
        .update();
  }

  /** A case's responses, oldest first. */
  public List<Response> forCase(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            """
            SELECT organisation_id, id, case_id, person_id, instrument_code, instrument_version,
              occasion, completed_on, answers::text AS answers, scores::text AS scores,
              completed_by, recorded_by, recorded_at
            FROM outcome_response WHERE organisation_id = ? AND case_id = ?
            ORDER BY completed_on, recorded_at
            """)
        .params(organisationId, caseId)
        .query(
            (rs, n) ->
                new Response(
                    rs.getObject("id", UUID.class),
                    rs.getObject("organisation_id", UUID.class),
                    rs.getObject("case_id", UUID.class),
                    rs.getObject("person_id", UUID.class),
                    rs.getString("instrument_code"),
                    rs.getInt("instrument_version"),
                    Occasion.valueOf(rs.getString("occasion")),
                    rs.getDate("completed_on").toLocalDate(),
                    json.readValue(
                        rs.getString("answers"), new TypeReference<Map<String, String>>() {}),
                    json.readValue(rs.getString("scores"), new TypeReference<List<Score>>() {}),
                    "SELF".equals(rs.getString("completed_by")),
                    rs.getObject("recorded_by", UUID.class),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  /** The case a response belongs to, by the response's id alone. */
  public Optional<UUID> caseOf(UUID responseId) {
    return jdbc.sql("SELECT case_id FROM outcome_response WHERE id = ?")
        .param(responseId)
        .query(UUID.class)
        .optional();
  }

  public void movePerson(UUID organisationId, UUID from, UUID to) {
    jdbc.sql(
            "UPDATE outcome_response SET person_id = ? WHERE organisation_id = ? AND person_id = ?")
        .params(to, organisationId, from)
        .update();
    jdbc.sql(
            """
            UPDATE outcome_gp_appointment_count SET person_id = ?
            WHERE organisation_id = ? AND person_id = ?
            """)
        .params(to, organisationId, from)
        .update();
  }

  public void insertGpAppointments(
      UUID organisationId, UUID personId, GpAppointments g, UUID recordedBy) {
    jdbc.sql(
            """
            INSERT INTO outcome_gp_appointment_count (organisation_id, id, case_id, person_id,
              period, months, appointments, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            g.id(),
            g.caseId(),
            personId,
            g.before() ? "BEFORE" : "AFTER",
            g.months(),
            g.appointments(),
            recordedBy,
            Timestamp.from(g.recordedAt()))
        .update();
  }

  /** A case's GP appointment counts, oldest first. */
  public List<GpAppointments> gpAppointments(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            """
            SELECT id, case_id, period, months, appointments, recorded_at
            FROM outcome_gp_appointment_count WHERE organisation_id = ? AND case_id = ?
            ORDER BY recorded_at
            """)
        .params(organisationId, caseId)
        .query(
            (rs, n) ->
                new GpAppointments(
                    rs.getObject("id", UUID.class),
                    rs.getObject("case_id", UUID.class),
                    "BEFORE".equals(rs.getString("period")),
                    rs.getInt("months"),
                    rs.getInt("appointments"),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }
}
