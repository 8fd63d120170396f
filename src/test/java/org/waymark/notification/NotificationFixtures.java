package org.waymark.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;

/** Organisations, values and outbox reads the notification tests share. */
public final class NotificationFixtures {

  /** What a connection notification's caller gives: a service name that must stay in the app. */
  public static final Map<String, String> CONNECTION =
      Map.of("service", "Memory Cafe for people living with dementia", "due", "12 March");

  private NotificationFixtures() {}

  /** A new VCS organisation, so that role notifications reach only the test's own users. */
  public static Organisation vcs(IdentityManagement identity) {
    return identity.createOrganisation(
        OrganisationType.VCS,
        "Test VCS " + UUID.randomUUID().toString().substring(0, 8),
        null,
        null,
        null);
  }

  /**
   * A time far from now, different for each call, at which a test's own messages fall due: the
   * application's own dispatcher (running in the shared test context) never reaches them.
   */
  public static Instant farFuture() {
    return Instant.parse("2200-01-01T00:00:00Z")
        .plusSeconds(java.util.concurrent.ThreadLocalRandom.current().nextLong(0, 3_000_000_000L));
  }

  /** Makes the user's outbox messages due at {@code due} instead of now. */
  public static void dueAt(JdbcClient jdbc, UUID userId, Instant due) {
    jdbc.sql("UPDATE notification_outbox SET next_attempt_at = ? WHERE recipient_user_id = ?")
        .params(java.sql.Timestamp.from(due), userId)
        .update();
  }

  public static void messageDueAt(JdbcClient jdbc, UUID id, Instant due) {
    jdbc.sql("UPDATE notification_outbox SET next_attempt_at = ? WHERE id = ?")
        .params(java.sql.Timestamp.from(due), id)
        .update();
  }

  public static Map<String, Object> row(JdbcClient jdbc, UUID id) {
    return jdbc.sql("SELECT * FROM notification_outbox WHERE id = ?").param(id).query().singleRow();
  }

  public static List<UUID> outboxOf(JdbcClient jdbc, UUID userId) {
    return jdbc.sql("SELECT id FROM notification_outbox WHERE recipient_user_id = ?")
        .param(userId)
        .query(UUID.class)
        .list();
  }

  public static long inboxCount(JdbcClient jdbc, UUID userId) {
    return jdbc.sql("SELECT count(*) FROM notification_inbox WHERE user_id = ?")
        .param(userId)
        .query(Long.class)
        .single();
  }
}
