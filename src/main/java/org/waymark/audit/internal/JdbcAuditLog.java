package org.waymark.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.audit.AuditPage;
import org.waymark.audit.AuditQuery;
import org.waymark.shared.ActingUser;
import org.waymark.shared.RequestContext;

/** The audit log in PostgreSQL; the table's triggers refuse UPDATE, DELETE and TRUNCATE. */
@Service
class JdbcAuditLog implements AuditLog {

  private final JdbcClient jdbc;
  private final TransactionTemplate independent;

  JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.independent = new TransactionTemplate(transactions);
    this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Override
  public void record(AuditEntry entry) {
    record(currentActor(), entry);
  }

  @Override
  public void recordIndependently(AuditEntry entry) {
    AuditActor actor = currentActor();
    independent.executeWithoutResult(status -> record(actor, entry));
  }

  @Override
  public void record(AuditActor actor, AuditEntry entry) {
    jdbc.sql(
            """
            INSERT INTO audit_event (organisation_id, user_id, username, role, action, outcome,
              record_type, record_id, person_id, remote_address, request_id, detail)
            VALUES (:org, :user, :username, :role, :action, :outcome, :recordType, :recordId,
              :person, :address, :requestId, :detail)
            """)
        .param("org", actor.organisationId() == null ? DEPLOYMENT : actor.organisationId())
        .param("user", actor.userId())
        .param("username", actor.username())
        .param("role", actor.role())
        .param("action", entry.action())
        .param("outcome", entry.outcome().name())
        .param("recordType", entry.recordType())
        .param("recordId", entry.recordId())
        .param("person", entry.personId())
        .param("address", RequestContext.remoteAddress())
        .param("requestId", RequestContext.requestId())
        .param("detail", entry.detail())
        .update();
  }

  private static AuditActor currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof ActingUser user) {
      return new AuditActor(user.organisationId(), user.userId(), user.username(), user.role());
    }
    return new AuditActor(DEPLOYMENT, null, auth == null ? null : auth.getName(), null);
  }

  @Override
  public AuditPage search(AuditQuery q) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    List<Object> params = new ArrayList<>();
    if (q.username() != null && !q.username().isBlank()) {
      where.append(" AND lower(username) LIKE ?");
      params.add("%" + escapeLike(q.username().trim().toLowerCase()) + "%");
    }
    if (q.personId() != null) {
      where.append(" AND person_id = ?");
      params.add(q.personId());
    }
    if (q.action() != null && !q.action().isBlank()) {
      where.append(" AND action = ?");
      params.add(q.action().trim());
    }
    if (q.from() != null) {
      where.append(" AND occurred_at >= ?");
      params.add(q.from().atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    if (q.to() != null) {
      where.append(" AND occurred_at < ?");
      params.add(q.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }
    long total =
        jdbc.sql("SELECT count(*) FROM audit_event" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(q.size());
    pageParams.add((long) q.page() * q.size());
    List<AuditEvent> events =
        jdbc.sql(
                "SELECT * FROM audit_event"
                    + where
                    + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(JdbcAuditLog::map)
            .list();
    return new AuditPage(events, q.page(), q.size(), total);
  }

  @Override
  public List<AuditEvent> forPerson(UUID personId) {
    return jdbc.sql(
            "SELECT * FROM audit_event WHERE person_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 1000")
        .param(personId)
        .query(JdbcAuditLog::map)
        .list();
  }

  @Override
  public List<String> actions() {
    // A loose index scan: one index probe per distinct action on (action, occurred_at), instead of
    // reading every row of an append-only table that only grows.
    return jdbc.sql(
            """
            WITH RECURSIVE seen(action) AS (
              (SELECT action FROM audit_event ORDER BY action LIMIT 1)
              UNION ALL
              SELECT (SELECT e.action FROM audit_event e WHERE e.action > seen.action ORDER BY e.action LIMIT 1)
              FROM seen WHERE seen.action IS NOT NULL
            )
            SELECT action FROM seen WHERE action IS NOT NULL
            """)
        .query(String.class)
        .list();
  }

  private static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static AuditEvent map(ResultSet rs, int row) throws SQLException {
    return new AuditEvent(
        rs.getLong("id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("username"),
        rs.getString("role"),
        rs.getString("action"),
        AuditOutcome.valueOf(rs.getString("outcome")),
        rs.getString("record_type"),
        rs.getString("record_id"),
        rs.getObject("person_id", UUID.class),
        rs.getString("remote_address"),
        rs.getString("request_id"),
        rs.getString("detail"));
  }
}
