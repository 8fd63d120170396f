package org.waymark.connection.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.StatusReason;

/**
 * The lists of connections: a service holder's inbox, a PCN's (or one link worker's) open
 * connections, and the rows behind a holder's service figures. Each reads only the columns its list
 * shows; access checks and auditing are the caller's job.
 */
@Repository
public class InboxQueries {

  private static final String ROW_COLUMNS =
      """
      c.organisation_id, c.id, c.case_id, c.requested_by, c.service_id, c.service_name,
      c.service_org_name, c.shared_name, c.status, c.status_reason, c.requested_at,
      c.answer_due_on
      """;

  private final JdbcClient jdbc;

  InboxQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One connection as a list shows it. */
  public record Row(
      UUID organisationId,
      UUID id,
      UUID caseId,
      UUID requestedBy,
      UUID serviceId,
      String serviceName,
      String serviceOrganisationName,
      String sharedName,
      ConnectionStatus status,
      StatusReason statusReason,
      Instant requestedAt,
      LocalDate answerDueOn) {}

  /** What the service figures are computed from, for one connection. */
  public record FigureRow(
      UUID serviceId,
      String serviceName,
      ConnectionStatus status,
      Instant requestedAt,
      Instant answeredAt,
      LocalDate answerDueOn) {}

  /**
   * One page of the referrals to the services an organisation holds, in these states and
   * (optionally) to one service: by answer deadline, earliest first, when {@code byDeadline}, else
   * newest first.
   *
   * @param serviceId null for every service
   */
  public List<Row> inbox(
      UUID holderId,
      Collection<ConnectionStatus> statuses,
      UUID serviceId,
      boolean byDeadline,
      int limit,
      long offset) {
    String order =
        byDeadline
            ? " ORDER BY c.answer_due_on, c.requested_at, c.id"
            : " ORDER BY c.requested_at DESC, c.id";
    return jdbc.sql(
            "SELECT "
                + ROW_COLUMNS
                + " FROM connection c"
                + inboxWhere(statuses, serviceId)
                + order
                + " LIMIT :limit OFFSET :offset")
        .param("holder", holderId)
        .param("service", serviceId)
        .param("limit", limit)
        .param("offset", offset)
        .query(InboxQueries::row)
        .list();
  }

  /** How many referrals {@link #inbox} pages through. */
  public long countInbox(UUID holderId, Collection<ConnectionStatus> statuses, UUID serviceId) {
    return jdbc.sql("SELECT count(*) FROM connection c" + inboxWhere(statuses, serviceId))
        .param("holder", holderId)
        .param("service", serviceId)
        .query(Long.class)
        .single();
  }

  private static String inboxWhere(Collection<ConnectionStatus> statuses, UUID serviceId) {
    return " WHERE c.service_holder_id = :holder"
        + statusIn(statuses)
        + (serviceId == null ? "" : " AND c.service_id = :service");
  }

  /**
   * One page of a PCN's connections in these states, newest first: all of them, or those one user
   * requested.
   *
   * @param requestedBy null for every link worker's
   */
  public List<Row> requested(
      UUID organisationId,
      UUID requestedBy,
      Collection<ConnectionStatus> statuses,
      int limit,
      long offset) {
    return jdbc.sql(
            "SELECT "
                + ROW_COLUMNS
                + " FROM connection c"
                + requestedWhere(statuses, requestedBy)
                + " ORDER BY c.requested_at DESC, c.id LIMIT :limit OFFSET :offset")
        .param("org", organisationId)
        .param("worker", requestedBy)
        .param("limit", limit)
        .param("offset", offset)
        .query(InboxQueries::row)
        .list();
  }

  /** How many connections {@link #requested} pages through. */
  public long countRequested(
      UUID organisationId, UUID requestedBy, Collection<ConnectionStatus> statuses) {
    return jdbc.sql("SELECT count(*) FROM connection c" + requestedWhere(statuses, requestedBy))
        .param("org", organisationId)
        .param("worker", requestedBy)
        .query(Long.class)
        .single();
  }

  private static String requestedWhere(Collection<ConnectionStatus> statuses, UUID requestedBy) {
    return " WHERE c.organisation_id = :org"
        + statusIn(statuses)
        + (requestedBy == null ? "" : " AND c.requested_by = :worker");
  }

  /**
   * The states as literals (enum names, never user input), so that the planner sees constants: it
   * can then use the partial index of open connections, and every state at once is no condition at
   * all, which lets a whole inbox walk its index newest first.
   */
  static String statusIn(Collection<ConnectionStatus> statuses) {
    if (statuses.containsAll(EnumSet.allOf(ConnectionStatus.class))) {
      return "";
    }
    if (statuses.isEmpty()) {
      return " AND false";
    }
    return statuses.stream()
        .sorted()
        .map(s -> "'" + s.name() + "'")
        .collect(Collectors.joining(", ", " AND c.status IN (", ")"));
  }

  /**
   * The referrals to an organisation's services that the figures count: those still open, and those
   * received since {@code since}.
   */
  public List<FigureRow> figureRows(UUID holderId, Instant since) {
    return jdbc.sql(
            """
            SELECT c.service_id, c.service_name, c.status, c.requested_at, c.answered_at,
              c.answer_due_on
            FROM connection c
            WHERE c.service_holder_id = :holder
              AND (c.status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')
                   OR c.requested_at >= :since)
            """)
        .param("holder", holderId)
        .param("since", Timestamp.from(since))
        .query(
            (rs, n) ->
                new FigureRow(
                    rs.getObject("service_id", UUID.class),
                    rs.getString("service_name"),
                    ConnectionStatus.valueOf(rs.getString("status")),
                    rs.getTimestamp("requested_at").toInstant(),
                    ConnectionStore.instant(rs.getTimestamp("answered_at")),
                    rs.getDate("answer_due_on").toLocalDate()))
        .list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Date due = rs.getDate("answer_due_on");
    return new Row(
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getObject("requested_by", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getString("service_name"),
        rs.getString("service_org_name"),
        rs.getString("shared_name"),
        ConnectionStatus.valueOf(rs.getString("status")),
        ConnectionStore.reason(rs.getString("status_reason")),
        rs.getTimestamp("requested_at").toInstant(),
        due.toLocalDate());
  }
}
