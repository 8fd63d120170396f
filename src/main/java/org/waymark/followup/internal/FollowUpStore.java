package org.waymark.followup.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.followup.Answer;
import org.waymark.followup.AttemptOutcome;
import org.waymark.followup.Barrier;
import org.waymark.followup.CountsFrom;
import org.waymark.followup.FollowUp;
import org.waymark.followup.FollowUpAnswers;
import org.waymark.followup.FollowUpAttempt;
import org.waymark.followup.FollowUpState;
import org.waymark.followup.FollowUpStatus;
import org.waymark.followup.Helped;
import org.waymark.followup.ServiceAnswer;
import org.waymark.followup.ServiceKind;

/**
 * The {@code follow_up}, {@code follow_up_attempt} and {@code follow_up_service_answer} tables.
 * Access checks and auditing are the caller's job. A follow-up's state (due, overdue, missed) is
 * derived from its dates and the day, in SQL exactly as {@link FollowUpState#of} does in Java.
 */
@Repository
public class FollowUpStore {

  static final String COLUMNS =
      """
      organisation_id, id, case_id, person_id, link_worker_id, name, counts_from, counted_from,
      opens_on, target_on, closes_on, status, attempts, last_attempt_at, ended_at, version
      """;

  private final JdbcClient jdbc;

  FollowUpStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Schedules a follow-up unless the case already has one for the same plan point.
   *
   * @return whether it was written
   */
  public boolean insert(FollowUp f, Instant now) {
    return jdbc.sql(
                """
                INSERT INTO follow_up (organisation_id, id, case_id, person_id, link_worker_id, name,
                  counts_from, counted_from, opens_on, target_on, closes_on, status, created_at,
                  version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, 0)
                ON CONFLICT (organisation_id, case_id, counts_from, name) DO NOTHING
                """)
            .params(
                f.organisationId(),
                f.id(),
                f.caseId(),
                f.personId(),
                f.linkWorkerId(),
                f.name(),
                f.countsFrom().name(),
                Date.valueOf(f.countedFrom()),
                Date.valueOf(f.opensOn()),
                Date.valueOf(f.targetOn()),
                Date.valueOf(f.closesOn()),
                Timestamp.from(now))
            .update()
        == 1;
  }

  public Optional<FollowUp> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM follow_up WHERE id = ?")
        .param(id)
        .query(FollowUpStore::map)
        .optional();
  }

  /** The case's follow-ups by target date. */
  public List<FollowUp> forCase(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM follow_up WHERE organisation_id = ? AND case_id = ? ORDER BY target_on, name")
        .params(organisationId, caseId)
        .query(FollowUpStore::map)
        .list();
  }

  /** The SQL condition for a state on the day {@code :today}. */
  static String condition(FollowUpState state) {
    return switch (state) {
      case UPCOMING -> "status = 'OPEN' AND opens_on > :today AND opens_on <= :upcomingUntil";
      case DUE -> "status = 'OPEN' AND opens_on <= :today AND target_on >= :today";
      case OVERDUE -> "status = 'OPEN' AND target_on < :today AND closes_on >= :today";
      case MISSED -> "status = 'OPEN' AND closes_on < :today";
      case DONE -> "status <> 'OPEN'";
    };
  }

  /**
   * One page of a service's (or one link worker's) follow-ups in a state, by target date (the most
   * recent first for done ones).
   *
   * @param linkWorkerId null for every link worker's
   * @param upcomingUntil the last opening day {@link FollowUpState#UPCOMING} lists
   */
  public List<FollowUp> page(
      UUID organisationId,
      UUID linkWorkerId,
      FollowUpState state,
      LocalDate today,
      LocalDate upcomingUntil,
      int offset,
      int limit) {
    String order = state == FollowUpState.DONE ? "target_on DESC, id" : "target_on, id";
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM follow_up WHERE organisation_id = :organisation"
                + (linkWorkerId == null ? "" : " AND link_worker_id = :worker")
                + " AND "
                + condition(state)
                + " ORDER BY "
                + order
                + " LIMIT :limit OFFSET :offset")
        .param("organisation", organisationId)
        .param("worker", linkWorkerId)
        .param("today", Date.valueOf(today))
        .param("upcomingUntil", Date.valueOf(upcomingUntil))
        .param("limit", limit)
        .param("offset", offset)
        .query(FollowUpStore::map)
        .list();
  }

  /** How many follow-ups are in each state, counted in one statement. */
  public Map<FollowUpState, Long> counts(
      UUID organisationId, UUID linkWorkerId, LocalDate today, LocalDate upcomingUntil) {
    StringBuilder sql = new StringBuilder("SELECT ");
    FollowUpState[] states = FollowUpState.values();
    for (int i = 0; i < states.length; i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("count(*) FILTER (WHERE ")
          .append(condition(states[i]))
          .append(") AS ")
          .append(states[i].name().toLowerCase(java.util.Locale.ROOT));
    }
    sql.append(" FROM follow_up WHERE organisation_id = :organisation");
    if (linkWorkerId != null) {
      sql.append(" AND link_worker_id = :worker");
    }
    return jdbc.sql(sql.toString())
        .param("organisation", organisationId)
        .param("worker", linkWorkerId)
        .param("today", Date.valueOf(today))
        .param("upcomingUntil", Date.valueOf(upcomingUntil))
        .query(
            (rs, n) -> {
              Map<FollowUpState, Long> counts = new HashMap<>();
              for (FollowUpState s : states) {
                counts.put(s, rs.getLong(s.name().toLowerCase(java.util.Locale.ROOT)));
              }
              return counts;
            })
        .single();
  }

  /**
   * Records an attempt on the follow-up if it is still open at {@code expectedVersion}: its status
   * (open again for an attempt that did not reach the person), one more attempt, the next version.
   *
   * @return false if it changed first (or the same form was sent again); nothing is written then
   */
  public boolean recordAttempt(
      UUID organisationId,
      UUID id,
      long expectedVersion,
      FollowUpStatus status,
      UUID by,
      Instant now) {
    boolean ends = status != FollowUpStatus.OPEN;
    return jdbc.sql(
                """
                UPDATE follow_up SET status = ?, attempts = attempts + 1, last_attempt_at = ?,
                  ended_at = ?, ended_by = ?, version = version + 1
                WHERE organisation_id = ? AND id = ? AND version = ? AND status = 'OPEN'
                """)
            .params(
                status.name(),
                Timestamp.from(now),
                ends ? Timestamp.from(now) : null,
                ends ? by : null,
                organisationId,
                id,
                expectedVersion)
            .update()
        == 1;
  }

  public void insertAttempt(UUID organisationId, FollowUpAttempt a) {
    FollowUpAnswers x = a.answers();
    jdbc.sql(
            """
            INSERT INTO follow_up_attempt (organisation_id, id, follow_up_id, outcome,
              how_they_have_been, would_come_back, own_words, note, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            a.id(),
            a.followUpId(),
            x.outcome().name(),
            x.howTheyHaveBeen(),
            x.wouldComeBack() == null ? null : x.wouldComeBack().name(),
            x.ownWords(),
            x.note(),
            a.recordedBy(),
            Timestamp.from(a.recordedAt()))
        .update();
    for (int i = 0; i < x.services().size(); i++) {
      ServiceAnswer s = x.services().get(i);
      jdbc.sql(
              """
              INSERT INTO follow_up_service_answer (organisation_id, attempt_id, position, kind,
                source_id, service_name, went, still_going, helped, barriers, barrier_other)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              organisationId,
              a.id(),
              i,
              s.kind().name(),
              s.sourceId(),
              s.serviceName(),
              s.went().name(),
              s.stillGoing() == null ? null : s.stillGoing().name(),
              s.helped() == null ? null : s.helped().name(),
              s.barriers().stream().map(Barrier::name).toArray(String[]::new),
              s.barrierOther())
          .update();
    }
  }

  /** The follow-up's attempts, the most recent first, each with its answers. */
  public List<FollowUpAttempt> attempts(UUID organisationId, UUID followUpId) {
    List<FollowUpAttempt> attempts =
        jdbc.sql(
                """
                SELECT * FROM follow_up_attempt WHERE organisation_id = ? AND follow_up_id = ?
                ORDER BY recorded_at DESC, id
                """)
            .params(organisationId, followUpId)
            .query(
                (rs, n) ->
                    new FollowUpAttempt(
                        rs.getObject("id", UUID.class),
                        followUpId,
                        new FollowUpAnswers(
                            AttemptOutcome.valueOf(rs.getString("outcome")),
                            rs.getString("how_they_have_been"),
                            List.of(),
                            answer(rs.getString("would_come_back")),
                            rs.getString("own_words"),
                            rs.getString("note")),
                        rs.getObject("recorded_by", UUID.class),
                        rs.getTimestamp("recorded_at").toInstant()))
            .list();
    List<FollowUpAttempt> full = new ArrayList<>();
    for (FollowUpAttempt a : attempts) {
      List<ServiceAnswer> services =
          jdbc.sql(
                  """
                  SELECT * FROM follow_up_service_answer WHERE organisation_id = ? AND attempt_id = ?
                  ORDER BY position
                  """)
              .params(organisationId, a.id())
              .query(
                  (rs, n) ->
                      new ServiceAnswer(
                          ServiceKind.valueOf(rs.getString("kind")),
                          rs.getObject("source_id", UUID.class),
                          rs.getString("service_name"),
                          answer(rs.getString("went")),
                          answer(rs.getString("still_going")),
                          rs.getString("helped") == null
                              ? null
                              : Helped.valueOf(rs.getString("helped")),
                          barriers(rs.getArray("barriers")),
                          rs.getString("barrier_other")))
              .list();
      FollowUpAnswers x = a.answers();
      full.add(
          new FollowUpAttempt(
              a.id(),
              a.followUpId(),
              new FollowUpAnswers(
                  x.outcome(),
                  x.howTheyHaveBeen(),
                  services,
                  x.wouldComeBack(),
                  x.ownWords(),
                  x.note()),
              a.recordedBy(),
              a.recordedAt()));
    }
    return full;
  }

  /** Moves the case's open follow-ups to the link worker who now holds it. */
  public int moveLinkWorker(UUID organisationId, UUID caseId, UUID linkWorkerId) {
    return jdbc.sql(
            """
            UPDATE follow_up SET link_worker_id = ?, version = version + 1
            WHERE organisation_id = ? AND case_id = ? AND status = 'OPEN'
            """)
        .params(linkWorkerId, organisationId, caseId)
        .update();
  }

  /** Cancels the case's open follow-ups (for example because the person died). */
  public int cancelOpen(UUID organisationId, UUID caseId, UUID by, Instant now) {
    return jdbc.sql(
            """
            UPDATE follow_up SET status = 'CANCELLED', ended_at = ?, ended_by = ?,
              version = version + 1
            WHERE organisation_id = ? AND case_id = ? AND status = 'OPEN'
            """)
        .params(Timestamp.from(now), by, organisationId, caseId)
        .update();
  }

  public int movePerson(UUID organisationId, UUID fromPersonId, UUID toPersonId) {
    return jdbc.sql(
            "UPDATE follow_up SET person_id = ? WHERE organisation_id = ? AND person_id = ?")
        .params(toPersonId, organisationId, fromPersonId)
        .update();
  }

  // ---- reminders ----

  /**
   * Open follow-ups, of every service, with a reminder or a missed mark still to come on {@code
   * today}: opened and not yet told, past the target and not yet flagged, or past the closing date.
   */
  public List<FollowUp> needingReminders(LocalDate today, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM follow_up
                WHERE status = 'OPEN' AND missed_at IS NULL AND opens_on <= :today
                  AND (due_notified_at IS NULL OR person_reminded_at IS NULL
                       OR (target_on < :today AND overdue_notified_at IS NULL)
                       OR closes_on < :today)
                ORDER BY opens_on, id LIMIT :limit
                """)
        .param("today", Date.valueOf(today))
        .param("limit", limit)
        .query(FollowUpStore::map)
        .list();
  }

  /**
   * Claims one reminder of an open follow-up: sets the column to {@code now} only if it is still
   * empty. Under concurrent runs the second update waits for the first to commit and then finds the
   * column set, so exactly one caller wins.
   *
   * @param column one of {@code due_notified_at}, {@code overdue_notified_at}, {@code
   *     person_reminded_at}, {@code missed_at}
   * @return whether this caller claimed it
   */
  public boolean claim(UUID organisationId, UUID id, String column, Instant now) {
    if (!List.of("due_notified_at", "overdue_notified_at", "person_reminded_at", "missed_at")
        .contains(column)) {
      throw new IllegalArgumentException(column);
    }
    return jdbc.sql(
                "UPDATE follow_up SET "
                    + column
                    + " = ? WHERE organisation_id = ? AND id = ? AND status = 'OPEN' AND "
                    + column
                    + " IS NULL")
            .params(Timestamp.from(now), organisationId, id)
            .update()
        == 1;
  }

  static FollowUp map(ResultSet rs, int n) throws SQLException {
    Timestamp last = rs.getTimestamp("last_attempt_at");
    Timestamp ended = rs.getTimestamp("ended_at");
    return new FollowUp(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("link_worker_id", UUID.class),
        rs.getString("name"),
        CountsFrom.valueOf(rs.getString("counts_from")),
        rs.getDate("counted_from").toLocalDate(),
        rs.getDate("opens_on").toLocalDate(),
        rs.getDate("target_on").toLocalDate(),
        rs.getDate("closes_on").toLocalDate(),
        FollowUpStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        last == null ? null : last.toInstant(),
        ended == null ? null : ended.toInstant(),
        rs.getLong("version"));
  }

  private static Answer answer(String s) {
    return s == null ? null : Answer.valueOf(s);
  }

  private static List<Barrier> barriers(Array array) throws SQLException {
    return array == null
        ? List.of()
        : Arrays.stream((String[]) array.getArray()).map(Barrier::valueOf).toList();
  }
}
