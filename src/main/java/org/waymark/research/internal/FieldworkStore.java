package org.waymark.research.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.research.Interview;
import org.waymark.research.InterviewMode;
import org.waymark.research.Observation;
import org.waymark.research.Recording;
import org.waymark.research.Transcript;

/** Observation periods and interviews. */
@Repository
public class FieldworkStore {

  private final JdbcClient jdbc;

  FieldworkStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertObservation(
      UUID organisationId, UUID studyId, Observation o, UUID by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_observation (organisation_id, id, study_id, site_id, researcher_id,
              starts_on, ends_on, hours, field_notes, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            o.id(),
            studyId,
            o.siteId(),
            o.researcherId(),
            Date.valueOf(o.startsOn()),
            Date.valueOf(o.endsOn()),
            o.hours(),
            o.fieldNotes(),
            by,
            Timestamp.from(at))
        .update();
  }

  public List<Observation> observations(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            """
            SELECT id, site_id, researcher_id, starts_on, ends_on, hours, field_notes
            FROM research_observation WHERE organisation_id = ? AND study_id = ?
            ORDER BY starts_on DESC, id
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) ->
                new Observation(
                    rs.getObject("id", UUID.class),
                    rs.getObject("site_id", UUID.class),
                    rs.getObject("researcher_id", UUID.class),
                    rs.getDate("starts_on").toLocalDate(),
                    rs.getDate("ends_on").toLocalDate(),
                    rs.getBigDecimal("hours"),
                    rs.getString("field_notes")))
        .list();
  }

  public void insertInterview(UUID organisationId, UUID studyId, Interview i, UUID by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_interview (organisation_id, id, study_id, participant_id, event_id,
              held_on, mode, duration_minutes, interviewer_id, recording, transcript, analysed,
              recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            i.id(),
            studyId,
            i.participantId(),
            i.eventId(),
            Date.valueOf(i.heldOn()),
            i.mode().name(),
            i.durationMinutes(),
            i.interviewerId(),
            i.recording().name(),
            i.transcript().name(),
            i.analysed(),
            by,
            Timestamp.from(at))
        .update();
  }

  public boolean eventTaken(UUID organisationId, UUID participantId, UUID eventId) {
    return jdbc.sql(
                """
            SELECT count(*) FROM research_interview
            WHERE organisation_id = ? AND participant_id = ? AND event_id = ?
            """)
            .params(organisationId, participantId, eventId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Changes an interview's progress if it is still at that version; false if not. */
  public boolean updateProgress(
      UUID organisationId,
      UUID studyId,
      UUID id,
      long version,
      Recording recording,
      Transcript transcript,
      boolean analysed) {
    return jdbc.sql(
                """
                UPDATE research_interview SET recording = ?, transcript = ?, analysed = ?,
                  version = version + 1
                WHERE organisation_id = ? AND study_id = ? AND id = ? AND version = ?
                """)
            .params(
                recording.name(), transcript.name(), analysed, organisationId, studyId, id, version)
            .update()
        == 1;
  }

  /** The study's interviews, by participant and date. */
  public List<Interview> interviews(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            "SELECT * FROM research_interview WHERE organisation_id = ? AND study_id = ?"
                + " ORDER BY participant_id, held_on")
        .params(organisationId, studyId)
        .query(FieldworkStore::interview)
        .list();
  }

  public Optional<Interview> interview(UUID organisationId, UUID studyId, UUID id) {
    return jdbc.sql(
            "SELECT * FROM research_interview WHERE organisation_id = ? AND study_id = ? AND id = ?")
        .params(organisationId, studyId, id)
        .query(FieldworkStore::interview)
        .optional();
  }

  /** Removes a participant's interviews not yet analysed; how many. */
  public int removeUnanalysed(UUID organisationId, UUID participantId) {
    return jdbc.sql(
            """
            DELETE FROM research_interview
            WHERE organisation_id = ? AND participant_id = ? AND NOT analysed
            """)
        .params(organisationId, participantId)
        .update();
  }

  private static Interview interview(ResultSet rs, int n) throws SQLException {
    return new Interview(
        rs.getObject("id", UUID.class),
        rs.getObject("participant_id", UUID.class),
        rs.getObject("event_id", UUID.class),
        rs.getDate("held_on").toLocalDate(),
        InterviewMode.valueOf(rs.getString("mode")),
        rs.getInt("duration_minutes"),
        rs.getObject("interviewer_id", UUID.class),
        Recording.valueOf(rs.getString("recording")),
        Transcript.valueOf(rs.getString("transcript")),
        rs.getBoolean("analysed"),
        rs.getLong("version"));
  }
}
