package org.waymark.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.identity.Membership;
import org.waymark.identity.OidcSubject;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;

/** User accounts and memberships in PostgreSQL. */
@Repository
public class UserStore {

  /** An account with its password hash, for sign-in only. */
  public record Credentials(
      UUID id, String email, String displayName, String passwordHash, boolean enabled) {}

  private final JdbcClient jdbc;

  UserStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID id, String email, String displayName, String passwordHash) {
    jdbc.sql(
            """
            INSERT INTO user_account (id, email, display_name, password_hash, password_changed_at)
            VALUES (?, ?, ?, ?, now())
            """)
        .params(id, email, displayName, passwordHash)
        .update();
  }

  public boolean emailTaken(String email) {
    return jdbc.sql("SELECT count(*) FROM user_account WHERE lower(email) = lower(?)")
            .param(email.trim())
            .query(Long.class)
            .single()
        > 0;
  }

  public Optional<Credentials> credentials(String email) {
    return jdbc.sql(
            "SELECT id, email, display_name, password_hash, enabled FROM user_account WHERE lower(email) = lower(?)")
        .param(email == null ? "" : email.trim())
        .query(
            (rs, n) ->
                new Credentials(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("display_name"),
                    rs.getString("password_hash"),
                    rs.getBoolean("enabled")))
        .optional();
  }

  /** The account bound to this issuer's subject, if any. */
  public Optional<Credentials> credentialsBySubject(String issuer, String subject) {
    return jdbc.sql(
            """
            SELECT id, email, display_name, password_hash, enabled FROM user_account
            WHERE oidc_issuer = ? AND oidc_subject = ?
            """)
        .params(issuer, subject)
        .query(
            (rs, n) ->
                new Credentials(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getString("display_name"),
                    rs.getString("password_hash"),
                    rs.getBoolean("enabled")))
        .optional();
  }

  public Optional<OidcSubject> oidcSubject(UUID id) {
    return jdbc.sql(
            "SELECT oidc_issuer, oidc_subject FROM user_account WHERE id = ? AND oidc_subject IS NOT NULL")
        .param(id)
        .query((rs, n) -> new OidcSubject(rs.getString(1), rs.getString(2)))
        .optional();
  }

  /**
   * Binds an account that has no binding yet to this issuer's subject; false if it already had one
   * (or another account holds this subject, which the unique index refuses).
   */
  public boolean bindOidcSubject(UUID id, String issuer, String subject) {
    return jdbc.sql(
                """
                UPDATE user_account SET oidc_issuer = ?, oidc_subject = ?
                WHERE id = ? AND oidc_subject IS NULL
                  AND NOT EXISTS (SELECT 1 FROM user_account WHERE oidc_issuer = ? AND oidc_subject = ?)
                """)
            .params(issuer, subject, id, issuer, subject)
            .update()
        > 0;
  }

  public boolean clearOidcSubject(UUID id) {
    return jdbc.sql(
                "UPDATE user_account SET oidc_issuer = NULL, oidc_subject = NULL WHERE id = ? AND oidc_subject IS NOT NULL")
            .param(id)
            .update()
        > 0;
  }

  public Optional<UserAccount> find(UUID id) {
    return jdbc.sql("SELECT * FROM user_account WHERE id = ?")
        .param(id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  public List<UserAccount> search(String text, int limit) {
    String like =
        "%"
            + (text == null
                ? ""
                : text.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_"))
            + "%";
    return jdbc.sql(
            """
            SELECT * FROM user_account
            WHERE lower(email) LIKE :like OR lower(display_name) LIKE :like
            ORDER BY lower(display_name) LIMIT :limit
            """)
        .param("like", like)
        .param("limit", limit)
        .query((rs, n) -> map(rs))
        .list();
  }

  public List<UserAccount> inOrganisation(UUID organisationId) {
    return jdbc.sql(
            """
            SELECT DISTINCT u.* FROM user_account u JOIN membership m ON m.user_id = u.id
            WHERE m.organisation_id = ? ORDER BY u.display_name
            """)
        .param(organisationId)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** Enabled users with this role in this organisation, by name. */
  public List<UserAccount> withRole(UUID organisationId, Role role) {
    return jdbc.sql(
            """
            SELECT u.* FROM user_account u JOIN membership m ON m.user_id = u.id
            WHERE m.organisation_id = ? AND m.role = ? AND u.enabled
            ORDER BY lower(u.display_name), u.id
            """)
        .params(organisationId, role.name())
        .query((rs, n) -> map(rs))
        .list();
  }

  public void setEnabled(UUID id, boolean enabled) {
    jdbc.sql(
            "UPDATE user_account SET enabled = ?, disabled_at = CASE WHEN ? THEN NULL ELSE now() END WHERE id = ?")
        .params(enabled, enabled, id)
        .update();
  }

  public void setPassword(UUID id, String hash) {
    jdbc.sql("UPDATE user_account SET password_hash = ?, password_changed_at = now() WHERE id = ?")
        .params(hash, id)
        .update();
  }

  public List<Membership> memberships(UUID userId) {
    return jdbc.sql(
            """
            SELECT m.organisation_id, o.name, o.type, m.role FROM membership m
            JOIN organisation o ON o.id = m.organisation_id
            WHERE m.user_id = ? ORDER BY lower(o.name), m.role
            """)
        .param(userId)
        .query(
            (rs, n) ->
                new Membership(
                    rs.getObject("organisation_id", UUID.class),
                    rs.getString("name"),
                    OrganisationType.valueOf(rs.getString("type")),
                    Role.valueOf(rs.getString("role"))))
        .list();
  }

  public boolean addMembership(UUID organisationId, UUID userId, Role role) {
    return jdbc.sql(
                """
                INSERT INTO membership (organisation_id, user_id, role) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """)
            .params(organisationId, userId, role.name())
            .update()
        > 0;
  }

  public boolean removeMembership(UUID organisationId, UUID userId, Role role) {
    return jdbc.sql("DELETE FROM membership WHERE organisation_id = ? AND user_id = ? AND role = ?")
            .params(organisationId, userId, role.name())
            .update()
        > 0;
  }

  private UserAccount map(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new UserAccount(
        id,
        rs.getString("email"),
        rs.getString("display_name"),
        rs.getBoolean("enabled"),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("disabled_at")),
        memberships(id));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
