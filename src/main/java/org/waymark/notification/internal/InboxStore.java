package org.waymark.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.notification.InAppNotification;
import org.waymark.notification.NotificationTemplate;

/** The {@code notification_inbox} table: staff users' in-app notifications. */
@Repository
public class InboxStore {

  private final JdbcClient jdbc;

  InboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      UUID organisationId,
      UUID id,
      UUID userId,
      NotificationTemplate template,
      String title,
      String link,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO notification_inbox (organisation_id, id, user_id, template, title, link, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(organisationId, id, userId, template.name(), title, link, Timestamp.from(now))
        .update();
  }

  public long unreadCount(UUID userId) {
    return jdbc.sql("SELECT count(*) FROM notification_inbox WHERE user_id = ? AND read_at IS NULL")
        .param(userId)
        .query(Long.class)
        .single();
  }

  public long count(UUID userId) {
    return jdbc.sql("SELECT count(*) FROM notification_inbox WHERE user_id = ?")
        .param(userId)
        .query(Long.class)
        .single();
  }

  /** A user's notifications, newest first. */
  public List<InAppNotification> page(UUID userId, int offset, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM notification_inbox WHERE user_id = ?
            ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?
            """)
        .params(userId, offset, limit)
        .query(InboxStore::map)
        .list();
  }

  /** One of the user's notifications; empty if it is not theirs or does not exist. */
  public Optional<InAppNotification> find(UUID userId, UUID id) {
    return jdbc.sql("SELECT * FROM notification_inbox WHERE user_id = ? AND id = ?")
        .params(userId, id)
        .query(InboxStore::map)
        .optional();
  }

  public void markRead(UUID userId, UUID id, Instant now) {
    jdbc.sql(
            "UPDATE notification_inbox SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL")
        .params(Timestamp.from(now), userId, id)
        .update();
  }

  public int markAllRead(UUID userId, Instant now) {
    return jdbc.sql(
            "UPDATE notification_inbox SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
        .params(Timestamp.from(now), userId)
        .update();
  }

  private static InAppNotification map(ResultSet rs, int row) throws SQLException {
    Timestamp read = rs.getTimestamp("read_at");
    return new InAppNotification(
        rs.getObject("id", UUID.class),
        NotificationTemplate.valueOf(rs.getString("template")),
        rs.getString("title"),
        rs.getString("link"),
        rs.getTimestamp("created_at").toInstant(),
        read == null ? null : read.toInstant());
  }
}
