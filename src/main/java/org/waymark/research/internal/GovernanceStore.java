package org.waymark.research.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.research.Involvement;
import org.waymark.research.Meeting;
import org.waymark.research.MeetingAction;
import org.waymark.research.MeetingFormat;
import org.waymark.research.MeetingKind;
import org.waymark.research.Output;
import org.waymark.research.OutputKind;

/** Meetings and their actions, public involvement, and outputs. */
@Repository
public class GovernanceStore {

  private final JdbcClient jdbc;

  GovernanceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertMeeting(UUID organisationId, UUID studyId, Meeting m, UUID by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_meeting (organisation_id, id, study_id, kind, held_on, format,
              attendees, topics, decisions, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            m.id(),
            studyId,
            m.kind().name(),
            Date.valueOf(m.heldOn()),
            m.format().name(),
            m.attendees(),
            m.topics(),
            m.decisions(),
            by,
            Timestamp.from(at))
        .update();
  }

  /** The study's meetings, newest first, each with its actions. */
  public List<Meeting> meetings(UUID organisationId, UUID studyId) {
    Map<UUID, List<MeetingAction>> actions = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT a.meeting_id, a.id, a.description, a.owner, a.due_on, a.done_on
            FROM research_action a
            JOIN research_meeting m ON m.organisation_id = a.organisation_id AND m.id = a.meeting_id
            WHERE a.organisation_id = ? AND m.study_id = ?
            ORDER BY a.due_on NULLS LAST, a.id
            """)
        .params(organisationId, studyId)
        .query(
            rs -> {
              actions
                  .computeIfAbsent(rs.getObject("meeting_id", UUID.class), k -> new ArrayList<>())
                  .add(
                      new MeetingAction(
                          rs.getObject("id", UUID.class),
                          rs.getString("description"),
                          rs.getString("owner"),
                          date(rs.getDate("due_on")),
                          date(rs.getDate("done_on"))));
            });
    return jdbc.sql(
            """
            SELECT id, kind, held_on, format, attendees, topics, decisions FROM research_meeting
            WHERE organisation_id = ? AND study_id = ? ORDER BY held_on DESC, recorded_at DESC
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Meeting(
                  id,
                  MeetingKind.valueOf(rs.getString("kind")),
                  rs.getDate("held_on").toLocalDate(),
                  MeetingFormat.valueOf(rs.getString("format")),
                  rs.getString("attendees"),
                  rs.getString("topics"),
                  rs.getString("decisions"),
                  actions.getOrDefault(id, List.of()));
            })
        .list();
  }

  public void insertAction(UUID organisationId, UUID meetingId, MeetingAction a) {
    jdbc.sql(
            """
            INSERT INTO research_action (organisation_id, id, meeting_id, description, owner, due_on)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            a.id(),
            meetingId,
            a.description(),
            a.owner(),
            a.dueOn() == null ? null : Date.valueOf(a.dueOn()))
        .update();
  }

  /** Marks an action of the study done; false if there is no such action or it was done. */
  public boolean completeAction(UUID organisationId, UUID studyId, UUID actionId, LocalDate on) {
    return jdbc.sql(
                """
                UPDATE research_action a SET done_on = ?
                FROM research_meeting m
                WHERE a.organisation_id = ? AND a.id = ? AND a.done_on IS NULL
                  AND m.organisation_id = a.organisation_id AND m.id = a.meeting_id
                  AND m.study_id = ?
                """)
            .params(Date.valueOf(on), organisationId, actionId, studyId)
            .update()
        == 1;
  }

  public Optional<UUID> meetingOf(UUID organisationId, UUID studyId, UUID meetingId) {
    return jdbc.sql(
            "SELECT id FROM research_meeting WHERE organisation_id = ? AND study_id = ? AND id = ?")
        .params(organisationId, studyId, meetingId)
        .query(UUID.class)
        .optional();
  }

  public void insertInvolvement(UUID organisationId, UUID studyId, Involvement i, Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_involvement (organisation_id, id, study_id, contributor, activity,
              took_place_on, hours, payment_pence, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            i.id(),
            studyId,
            i.contributor(),
            i.activity(),
            Date.valueOf(i.tookPlaceOn()),
            i.hours(),
            i.paymentPence(),
            Timestamp.from(at))
        .update();
  }

  public List<Involvement> involvement(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            """
            SELECT id, contributor, activity, took_place_on, hours, payment_pence
            FROM research_involvement WHERE organisation_id = ? AND study_id = ?
            ORDER BY took_place_on DESC, recorded_at DESC
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) ->
                new Involvement(
                    rs.getObject("id", UUID.class),
                    rs.getString("contributor"),
                    rs.getString("activity"),
                    rs.getDate("took_place_on").toLocalDate(),
                    rs.getBigDecimal("hours"),
                    (Integer) rs.getObject("payment_pence")))
        .list();
  }

  public void insertOutput(UUID organisationId, UUID studyId, Output o, Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_output (organisation_id, id, study_id, kind, title, authors,
              published_on, link, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            o.id(),
            studyId,
            o.kind().name(),
            o.title(),
            o.authors(),
            Date.valueOf(o.publishedOn()),
            o.link(),
            Timestamp.from(at))
        .update();
  }

  public List<Output> outputs(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            """
            SELECT id, kind, title, authors, published_on, link FROM research_output
            WHERE organisation_id = ? AND study_id = ? ORDER BY published_on DESC, recorded_at DESC
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) ->
                new Output(
                    rs.getObject("id", UUID.class),
                    OutputKind.valueOf(rs.getString("kind")),
                    rs.getString("title"),
                    rs.getString("authors"),
                    rs.getDate("published_on").toLocalDate(),
                    rs.getString("link")))
        .list();
  }

  private static LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
