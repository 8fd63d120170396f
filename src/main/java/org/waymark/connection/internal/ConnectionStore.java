package org.waymark.connection.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionMethod;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.SharedDetails;
import org.waymark.connection.Signpost;
import org.waymark.connection.StatusReason;

/**
 * The {@code connection}, {@code connection_history} and {@code connection_signpost} tables. Access
 * checks and auditing are the caller's job.
 */
@Repository
public class ConnectionStore {

  static final String COLUMNS =
      """
      c.organisation_id, c.id, c.case_id, c.referral_id, c.person_id, c.requested_by, c.service_id,
      c.service_holder_id, c.service_name, c.service_org_name, c.method, c.status, c.status_reason,
      c.status_detail, c.shared_name, c.shared_contact, c.shared_needs, c.shared_what_matters,
      c.shared_must_know, c.shared_consent, c.shared_need_labels, c.requested_at, c.answer_due_on,
      c.chased_at, c.overdue_flagged_at, c.answered_at, c.first_session_on, c.sessions_attended,
      c.outcome_summary, c.status_changed_at, c.version
      """;

  private final JdbcClient jdbc;

  ConnectionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Connection c) {
    jdbc.sql(
            """
            INSERT INTO connection (organisation_id, id, case_id, referral_id, person_id,
              requested_by, service_id, service_holder_id, service_name, service_org_name, method,
              status, shared_name, shared_contact, shared_needs, shared_need_labels,
              shared_what_matters, shared_must_know, shared_consent, requested_at, answer_due_on,
              status_changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            c.organisationId(),
            c.id(),
            c.caseId(),
            c.referralId(),
            c.personId(),
            c.requestedBy(),
            c.serviceId(),
            c.serviceHolderId(),
            c.serviceName(),
            c.serviceOrganisationName(),
            c.method().name(),
            c.status().name(),
            c.shared().name(),
            c.shared().contact(),
            c.needs().toArray(String[]::new),
            c.shared().needs().toArray(String[]::new),
            c.shared().whatMatters(),
            c.shared().mustKnow(),
            c.shared().consent(),
            Timestamp.from(c.requestedAt()),
            Date.valueOf(c.answerDueOn()),
            Timestamp.from(c.statusChangedAt()))
        .update();
  }

  /** One connection, whichever PCN holds it (callers check access). */
  public Optional<Connection> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM connection c WHERE c.id = ?")
        .param(id)
        .query(ConnectionStore::map)
        .optional();
  }

  /** One connection, locked for a change. */
  public Optional<Connection> lock(UUID organisationId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM connection c WHERE c.organisation_id = ? AND c.id = ? FOR UPDATE")
        .params(organisationId, id)
        .query(ConnectionStore::map)
        .optional();
  }

  public List<Connection> forCase(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM connection c WHERE c.organisation_id = ? AND c.case_id = ?"
                + " ORDER BY c.requested_at DESC, c.id")
        .params(organisationId, caseId)
        .query(ConnectionStore::map)
        .list();
  }

  public List<Connection> forReferral(UUID organisationId, UUID referralId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM connection c WHERE c.organisation_id = ? AND c.referral_id = ?"
                + " ORDER BY c.requested_at")
        .params(organisationId, referralId)
        .query(ConnectionStore::map)
        .list();
  }

  /**
   * Saves a change of state (and the fields that come with it) if the version is still the one
   * read; returns false if someone changed it first.
   */
  public boolean update(Connection c, long expectedVersion) {
    return jdbc.sql(
                """
                UPDATE connection SET status = ?, status_reason = ?, status_detail = ?,
                  answered_at = ?, first_session_on = ?, sessions_attended = ?, outcome_summary = ?,
                  status_changed_at = ?, ended_at = ?,
                  version = version + 1
                WHERE organisation_id = ? AND id = ? AND version = ?
                """)
            .params(
                c.status().name(),
                c.statusReason() == null ? null : c.statusReason().name(),
                c.statusDetail(),
                ts(c.answeredAt()),
                c.firstSessionOn() == null ? null : Date.valueOf(c.firstSessionOn()),
                c.sessionsAttended(),
                c.outcomeSummary(),
                Timestamp.from(c.statusChangedAt()),
                c.status().isFinal() ? Timestamp.from(c.statusChangedAt()) : null,
                c.organisationId(),
                c.id(),
                expectedVersion)
            .update()
        == 1;
  }

  public void addHistory(
      UUID organisationId,
      UUID connectionId,
      ConnectionStatus status,
      StatusReason reason,
      String detail,
      String note,
      String side,
      UUID by,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO connection_history (organisation_id, connection_id, position, status,
              status_reason, status_detail, note, side, changed_by, changed_at)
            VALUES (?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM connection_history
                           WHERE organisation_id = ? AND connection_id = ?), ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            connectionId,
            organisationId,
            connectionId,
            status.name(),
            reason == null ? null : reason.name(),
            detail,
            note,
            side,
            by,
            Timestamp.from(at))
        .update();
  }

  /** The history, oldest first: status, reason, detail, note, side, by (user id), at. */
  public List<HistoryRow> history(UUID organisationId, UUID connectionId) {
    return jdbc.sql(
            """
            SELECT status, status_reason, status_detail, note, side, changed_by, changed_at
            FROM connection_history WHERE organisation_id = ? AND connection_id = ?
            ORDER BY position
            """)
        .params(organisationId, connectionId)
        .query(
            (rs, n) ->
                new HistoryRow(
                    ConnectionStatus.valueOf(rs.getString("status")),
                    reason(rs.getString("status_reason")),
                    rs.getString("status_detail"),
                    rs.getString("note"),
                    rs.getString("side"),
                    rs.getObject("changed_by", UUID.class),
                    rs.getTimestamp("changed_at").toInstant()))
        .list();
  }

  public record HistoryRow(
      ConnectionStatus status,
      StatusReason reason,
      String detail,
      String note,
      String side,
      UUID by,
      Instant at) {}

  /** Referrals still waiting for an answer whose deadline is on or before the day given. */
  public List<Connection> waitingDueBy(LocalDate day) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM connection c WHERE c.status = 'REQUESTED' AND c.answer_due_on <= ?"
                + " AND (c.chased_at IS NULL OR c.overdue_flagged_at IS NULL)"
                + " ORDER BY c.answer_due_on, c.id")
        .param(Date.valueOf(day))
        .query(ConnectionStore::map)
        .list();
  }

  /** A timer's mark on a referral still waiting for an answer. */
  public enum TimerMark {
    /** The service was reminded before the deadline. */
    CHASED("chased_at"),
    /** The link worker was told the deadline passed. */
    OVERDUE("overdue_flagged_at");

    private final String column;

    TimerMark(String column) {
      this.column = column;
    }
  }

  /**
   * Sets a timer's mark on a referral once: false if it was set already or the referral has been
   * answered, so two instances never both act on it.
   */
  public boolean mark(UUID organisationId, UUID id, TimerMark mark, Instant at) {
    return jdbc.sql(
                "UPDATE connection SET "
                    + mark.column
                    + " = ? WHERE organisation_id = ? AND id = ? AND "
                    + mark.column
                    + " IS NULL AND status = 'REQUESTED'")
            .params(Timestamp.from(at), organisationId, id)
            .update()
        == 1;
  }

  public void movePerson(UUID organisationId, UUID from, UUID to) {
    jdbc.sql("UPDATE connection SET person_id = ? WHERE organisation_id = ? AND person_id = ?")
        .params(to, organisationId, from)
        .update();
    jdbc.sql(
            "UPDATE connection_signpost SET person_id = ? WHERE organisation_id = ? AND person_id = ?")
        .params(to, organisationId, from)
        .update();
  }

  public void insertSignpost(Signpost s) {
    jdbc.sql(
            """
            INSERT INTO connection_signpost (organisation_id, id, case_id, person_id, service_id,
              service_name, information, given_on, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            s.organisationId(),
            s.id(),
            s.caseId(),
            s.personId(),
            s.serviceId(),
            s.serviceName(),
            s.information(),
            Date.valueOf(s.givenOn()),
            s.recordedBy(),
            Timestamp.from(s.recordedAt()))
        .update();
  }

  public List<Signpost> signposts(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            """
            SELECT organisation_id, id, case_id, person_id, service_id, service_name, information,
              given_on, recorded_by, recorded_at
            FROM connection_signpost WHERE organisation_id = ? AND case_id = ?
            ORDER BY given_on DESC, recorded_at DESC
            """)
        .params(organisationId, caseId)
        .query(
            (rs, n) ->
                new Signpost(
                    rs.getObject("id", UUID.class),
                    rs.getObject("organisation_id", UUID.class),
                    rs.getObject("case_id", UUID.class),
                    rs.getObject("person_id", UUID.class),
                    rs.getObject("service_id", UUID.class),
                    rs.getString("service_name"),
                    rs.getString("information"),
                    rs.getDate("given_on").toLocalDate(),
                    rs.getObject("recorded_by", UUID.class),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  static Connection map(ResultSet rs, int n) throws SQLException {
    List<String> labels = strings(rs.getArray("shared_need_labels"));
    return new Connection(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getObject("referral_id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getObject("requested_by", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getObject("service_holder_id", UUID.class),
        rs.getString("service_name"),
        rs.getString("service_org_name"),
        ConnectionMethod.valueOf(rs.getString("method")),
        ConnectionStatus.valueOf(rs.getString("status")),
        reason(rs.getString("status_reason")),
        rs.getString("status_detail"),
        strings(rs.getArray("shared_needs")),
        new SharedDetails(
            rs.getString("shared_name"),
            rs.getString("shared_contact"),
            labels,
            rs.getString("shared_what_matters"),
            rs.getString("shared_must_know"),
            rs.getString("shared_consent")),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getDate("answer_due_on").toLocalDate(),
        instant(rs.getTimestamp("chased_at")),
        instant(rs.getTimestamp("overdue_flagged_at")),
        instant(rs.getTimestamp("answered_at")),
        rs.getDate("first_session_on") == null
            ? null
            : rs.getDate("first_session_on").toLocalDate(),
        rs.getInt("sessions_attended"),
        rs.getString("outcome_summary"),
        rs.getTimestamp("status_changed_at").toInstant(),
        rs.getLong("version"));
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  static StatusReason reason(String s) {
    return s == null ? null : StatusReason.valueOf(s);
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Object[] uuids(Collection<UUID> ids) {
    return ids.toArray();
  }
}
