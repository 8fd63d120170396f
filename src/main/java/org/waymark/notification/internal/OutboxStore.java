package org.waymark.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.notification.Channel;
import org.waymark.notification.NotificationTemplate;
import org.waymark.notification.OutboxEntry;
import org.waymark.notification.OutboxStatus;

/**
 * The {@code notification_outbox} table. Every change after a claim names the attempt it belongs
 * to, so a dispatcher whose lease ran out (and whose message another dispatcher took over) cannot
 * overwrite the newer attempt's outcome.
 */
@org.springframework.stereotype.Repository
public class OutboxStore {

  private final JdbcClient jdbc;

  public OutboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds a message due at {@code now}, in the caller's transaction: PENDING, or SKIPPED with {@code
   * skippedBecause} when that is given.
   */
  public void insert(
      UUID organisationId,
      UUID id,
      Channel channel,
      NotificationTemplate template,
      UUID recipientUserId,
      UUID recipientPersonId,
      String address,
      String subject,
      String body,
      String skippedBecause,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO notification_outbox (organisation_id, id, channel, template, recipient_user_id,
              recipient_person_id, address, subject, body, status, last_error, attempts,
              next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
            """)
        .params(
            organisationId,
            id,
            channel.name(),
            template.name(),
            recipientUserId,
            recipientPersonId,
            address,
            subject,
            body,
            skippedBecause == null ? OutboxStatus.PENDING.name() : OutboxStatus.SKIPPED.name(),
            skippedBecause,
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
  }

  /**
   * Claims up to {@code limit} messages that are due at {@code now} (pending and due, or sending
   * with a lease that has ended), skipping rows another dispatcher holds locked: each becomes
   * SENDING until {@code leaseUntil}, with one more attempt counted. Run in its own short
   * transaction.
   */
  public List<OutboxMessage> claimDue(Instant now, Instant leaseUntil, int limit) {
    return jdbc.sql(
            """
            UPDATE notification_outbox o
            SET status = 'SENDING', claimed_until = :leaseUntil, attempts = o.attempts + 1
            FROM (
              SELECT organisation_id, id FROM notification_outbox
              WHERE (status = 'PENDING' AND next_attempt_at <= :now)
                 OR (status = 'SENDING' AND claimed_until <= :now)
              ORDER BY next_attempt_at
              LIMIT :limit
              FOR UPDATE SKIP LOCKED
            ) due
            WHERE o.organisation_id = due.organisation_id AND o.id = due.id
            RETURNING o.*
            """)
        .param("now", Timestamp.from(now))
        .param("leaseUntil", Timestamp.from(leaseUntil))
        .param("limit", limit)
        .query(OutboxStore::map)
        .list();
  }

  /**
   * Marks a claimed message sent; false if this attempt no longer holds it. The text of a message
   * to a person is not kept once sent: it may hold a single-use link, and the person has it now.
   */
  public boolean markSent(OutboxMessage claimed, String providerReference, Instant now) {
    return jdbc.sql(
                """
                UPDATE notification_outbox SET status = 'SENT', sent_at = ?, provider_reference = ?,
                  claimed_until = NULL, last_error = NULL,
                  body = CASE WHEN recipient_person_id IS NULL THEN body
                    ELSE '(not kept once sent to the person)' END
                WHERE organisation_id = ? AND id = ? AND status = 'SENDING' AND attempts = ?
                """)
            .params(
                Timestamp.from(now),
                providerReference,
                claimed.organisationId(),
                claimed.id(),
                claimed.attempts())
            .update()
        == 1;
  }

  /** Makes a claimed message due again at {@code nextAttemptAt}, keeping the error. */
  public boolean retryLater(OutboxMessage claimed, String error, Instant nextAttemptAt) {
    return jdbc.sql(
                """
                UPDATE notification_outbox SET status = 'PENDING', next_attempt_at = ?,
                  claimed_until = NULL, last_error = ?
                WHERE organisation_id = ? AND id = ? AND status = 'SENDING' AND attempts = ?
                """)
            .params(
                Timestamp.from(nextAttemptAt),
                truncate(error),
                claimed.organisationId(),
                claimed.id(),
                claimed.attempts())
            .update()
        == 1;
  }

  /** Ends a claimed message as FAILED or SKIPPED with the reason. */
  public boolean finish(OutboxMessage claimed, OutboxStatus status, String reason) {
    if (status != OutboxStatus.FAILED && status != OutboxStatus.SKIPPED) {
      throw new IllegalArgumentException("Not a final status without sending: " + status);
    }
    return jdbc.sql(
                """
                UPDATE notification_outbox SET status = ?, claimed_until = NULL, last_error = ?
                WHERE organisation_id = ? AND id = ? AND status = 'SENDING' AND attempts = ?
                """)
            .params(
                status.name(),
                truncate(reason),
                claimed.organisationId(),
                claimed.id(),
                claimed.attempts())
            .update()
        == 1;
  }

  /** Moves messages to a person who was merged into another record. */
  public int movePerson(UUID organisationId, UUID fromPersonId, UUID toPersonId) {
    return jdbc.sql(
            """
            UPDATE notification_outbox SET recipient_person_id = ?
            WHERE organisation_id = ? AND recipient_person_id = ?
            """)
        .params(toPersonId, organisationId, fromPersonId)
        .update();
  }

  /** The most recent messages, newest first, without addresses or texts. */
  public List<OutboxEntry> recent(int limit) {
    return jdbc.sql(
            """
            SELECT id, channel, template, status, attempts, last_error, created_at, sent_at
            FROM notification_outbox ORDER BY created_at DESC, id LIMIT ?
            """)
        .param(limit)
        .query(
            (rs, n) ->
                new OutboxEntry(
                    rs.getObject("id", UUID.class),
                    Channel.valueOf(rs.getString("channel")),
                    NotificationTemplate.valueOf(rs.getString("template")),
                    OutboxStatus.valueOf(rs.getString("status")),
                    rs.getInt("attempts"),
                    rs.getString("last_error"),
                    instant(rs, "created_at"),
                    instant(rs, "sent_at")))
        .list();
  }

  private static String truncate(String error) {
    if (error == null) {
      return null;
    }
    return error.length() > 1000 ? error.substring(0, 1000) : error;
  }

  static OutboxMessage map(ResultSet rs, int row) throws SQLException {
    return new OutboxMessage(
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("id", UUID.class),
        Channel.valueOf(rs.getString("channel")),
        NotificationTemplate.valueOf(rs.getString("template")),
        rs.getObject("recipient_user_id", UUID.class),
        rs.getObject("recipient_person_id", UUID.class),
        rs.getString("address"),
        rs.getString("subject"),
        rs.getString("body"),
        OutboxStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        instant(rs, "claimed_until"),
        rs.getString("provider_reference"),
        rs.getString("last_error"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
