package org.waymark.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.notification.NotificationTemplate;
import org.waymark.notification.StoredTemplate;
import org.waymark.notification.TemplateTexts;

/**
 * The {@code notification_template} table: a row once an administrator has saved a template;
 * without one the template's defaults apply at version 0. Access checks and auditing are the
 * caller's job.
 */
@Repository
public class TemplateStore {

  private final JdbcClient jdbc;

  TemplateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The template as the deployment uses it: the stored row, or the defaults at version 0. */
  public StoredTemplate find(UUID deploymentId, NotificationTemplate template) {
    Optional<StoredTemplate> stored =
        jdbc.sql("SELECT * FROM notification_template WHERE organisation_id = ? AND template = ?")
            .params(deploymentId, template.name())
            .query((rs, n) -> map(template, rs))
            .optional();
    return stored.orElseGet(
        () -> new StoredTemplate(template, template.defaults(), 0, false, null));
  }

  /**
   * Writes the texts if the template is still at {@code expectedVersion}, and moves it to the next.
   *
   * @return false if someone else saved it in the meantime
   */
  public boolean save(
      UUID deploymentId,
      NotificationTemplate template,
      long expectedVersion,
      TemplateTexts t,
      UUID userId,
      Instant now) {
    if (expectedVersion == 0) {
      return jdbc.sql(
                  """
                  INSERT INTO notification_template (organisation_id, template, in_app_title,
                    email_subject, email_body, sms_body, in_app_enabled, email_enabled, sms_enabled,
                    updated_by, updated_at, version)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                  ON CONFLICT (organisation_id, template) DO NOTHING
                  """)
              .params(
                  deploymentId,
                  template.name(),
                  t.inAppTitle(),
                  t.emailSubject(),
                  t.emailBody(),
                  t.smsBody(),
                  t.inAppEnabled(),
                  t.emailEnabled(),
                  t.smsEnabled(),
                  userId,
                  Timestamp.from(now))
              .update()
          == 1;
    }
    return jdbc.sql(
                """
                UPDATE notification_template SET in_app_title = ?, email_subject = ?, email_body = ?,
                  sms_body = ?, in_app_enabled = ?, email_enabled = ?, sms_enabled = ?,
                  updated_by = ?, updated_at = ?, version = version + 1
                WHERE organisation_id = ? AND template = ? AND version = ?
                """)
            .params(
                t.inAppTitle(),
                t.emailSubject(),
                t.emailBody(),
                t.smsBody(),
                t.inAppEnabled(),
                t.emailEnabled(),
                t.smsEnabled(),
                userId,
                Timestamp.from(now),
                deploymentId,
                template.name(),
                expectedVersion)
            .update()
        == 1;
  }

  private static StoredTemplate map(NotificationTemplate template, ResultSet rs)
      throws SQLException {
    TemplateTexts texts =
        new TemplateTexts(
            rs.getString("in_app_title"),
            rs.getString("email_subject"),
            rs.getString("email_body"),
            rs.getString("sms_body"),
            rs.getBoolean("in_app_enabled"),
            rs.getBoolean("email_enabled"),
            rs.getBoolean("sms_enabled"));
    return new StoredTemplate(
        template,
        texts,
        rs.getLong("version"),
        !texts.equals(template.defaults()),
        rs.getTimestamp("updated_at").toInstant());
  }
}
