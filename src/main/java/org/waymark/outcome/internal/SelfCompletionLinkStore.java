package org.waymark.outcome.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.notification.Channel;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.SelfCompletionLink;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code outcome_self_completion_link} table. Access checks and auditing are the caller's job.
 */
@Repository
public class SelfCompletionLinkStore {

  private static final String COLUMNS =
      """
      organisation_id, id, case_id, person_id, instrument_code, instrument_version, occasion,
      channel, sent_by, sent_at, expires_at, opened_at, session_until, partial_saved_at,
      submitted_at, response_id, replaced_at, new_link_asked_at
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  SelfCompletionLinkStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(SelfCompletionLink l, byte[] tokenHash, Map<String, String> partial) {
    jdbc.sql(
            """
            INSERT INTO outcome_self_completion_link (organisation_id, id, case_id, person_id,
              instrument_code, instrument_version, occasion, channel, token_hash, sent_by, sent_at,
              expires_at, partial_answers, partial_saved_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
            """)
        .params(
            l.organisationId(),
            l.id(),
            l.caseId(),
            l.personId(),
            l.instrumentCode(),
            l.instrumentVersion(),
            l.occasion().name(),
            l.channel().name(),
            tokenHash,
            l.sentBy(),
            Timestamp.from(l.sentAt()),
            Timestamp.from(l.expiresAt()),
            json.writeValueAsString(partial),
            l.partialSavedAt() == null ? null : Timestamp.from(l.partialSavedAt()))
        .update();
  }

  /**
   * Marks the case's earlier links to this instrument that were never answered as replaced, and
   * returns the answers the newest of them had saved, to carry over to the new link.
   */
  public Map<String, String> replaceOpen(
      UUID organisationId, UUID caseId, String instrumentCode, Instant at) {
    Map<String, String> carried =
        jdbc.sql(
                """
                SELECT partial_answers::text FROM outcome_self_completion_link
                WHERE organisation_id = ? AND case_id = ? AND instrument_code = ?
                  AND submitted_at IS NULL AND replaced_at IS NULL AND partial_saved_at IS NOT NULL
                ORDER BY partial_saved_at DESC LIMIT 1
                FOR UPDATE
                """)
            .params(organisationId, caseId, instrumentCode)
            .query(String.class)
            .optional()
            .map(this::read)
            .orElse(Map.of());
    jdbc.sql(
            """
            UPDATE outcome_self_completion_link SET replaced_at = ?, session_until = NULL
            WHERE organisation_id = ? AND case_id = ? AND instrument_code = ?
              AND submitted_at IS NULL AND replaced_at IS NULL
            """)
        .params(Timestamp.from(at), organisationId, caseId, instrumentCode)
        .update();
    return carried;
  }

  /** The link with this token hash, locked for the rest of the transaction. */
  public Optional<SelfCompletionLink> lockByToken(byte[] tokenHash) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM outcome_self_completion_link WHERE token_hash = ? FOR UPDATE")
        .param(tokenHash)
        .query(SelfCompletionLinkStore::map)
        .optional();
  }

  /** The link, locked for the rest of the transaction when {@code lock}. */
  public Optional<SelfCompletionLink> find(UUID organisationId, UUID id, boolean lock) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM outcome_self_completion_link WHERE organisation_id = ? AND id = ?"
                + (lock ? " FOR UPDATE" : ""))
        .params(organisationId, id)
        .query(SelfCompletionLinkStore::map)
        .optional();
  }

  /** The case's links, newest first. */
  public List<SelfCompletionLink> forCase(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM outcome_self_completion_link WHERE organisation_id = ? AND case_id = ?
                ORDER BY sent_at DESC
                """)
        .params(organisationId, caseId)
        .query(SelfCompletionLinkStore::map)
        .list();
  }

  public Map<String, String> partialAnswers(UUID organisationId, UUID id) {
    return read(
        jdbc.sql(
                """
                SELECT partial_answers::text FROM outcome_self_completion_link
                WHERE organisation_id = ? AND id = ?
                """)
            .params(organisationId, id)
            .query(String.class)
            .single());
  }

  public void markOpened(UUID organisationId, UUID id, Instant at, Instant sessionUntil) {
    jdbc.sql(
            """
            UPDATE outcome_self_completion_link SET opened_at = ?, session_until = ?
            WHERE organisation_id = ? AND id = ?
            """)
        .params(Timestamp.from(at), Timestamp.from(sessionUntil), organisationId, id)
        .update();
  }

  public void savePartial(UUID organisationId, UUID id, Map<String, String> answers, Instant at) {
    jdbc.sql(
            """
            UPDATE outcome_self_completion_link
            SET partial_answers = CAST(? AS jsonb), partial_saved_at = ?
            WHERE organisation_id = ? AND id = ?
            """)
        .params(json.writeValueAsString(answers), Timestamp.from(at), organisationId, id)
        .update();
  }

  /** Records the answers as sent; the partial answers are cleared, the response holds them now. */
  public void markSubmitted(UUID organisationId, UUID id, UUID responseId, Instant at) {
    jdbc.sql(
            """
            UPDATE outcome_self_completion_link
            SET submitted_at = ?, response_id = ?, partial_answers = '{}'::jsonb,
              session_until = NULL
            WHERE organisation_id = ? AND id = ?
            """)
        .params(Timestamp.from(at), responseId, organisationId, id)
        .update();
  }

  /** Records that the person asked for a new link; false if they had asked already. */
  public boolean markNewLinkAsked(UUID organisationId, UUID id, Instant at) {
    return jdbc.sql(
                """
                UPDATE outcome_self_completion_link SET new_link_asked_at = ?
                WHERE organisation_id = ? AND id = ? AND new_link_asked_at IS NULL
                """)
            .params(Timestamp.from(at), organisationId, id)
            .update()
        == 1;
  }

  public void movePerson(UUID organisationId, UUID from, UUID to) {
    jdbc.sql(
            """
            UPDATE outcome_self_completion_link SET person_id = ?
            WHERE organisation_id = ? AND person_id = ?
            """)
        .params(to, organisationId, from)
        .update();
  }

  private Map<String, String> read(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    Map<String, String> m =
        json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
    return m;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static SelfCompletionLink map(ResultSet rs, int n) throws SQLException {
    return new SelfCompletionLink(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getObject("person_id", UUID.class),
        rs.getString("instrument_code"),
        rs.getInt("instrument_version"),
        Occasion.valueOf(rs.getString("occasion")),
        Channel.valueOf(rs.getString("channel")),
        rs.getObject("sent_by", UUID.class),
        instant(rs, "sent_at"),
        instant(rs, "expires_at"),
        instant(rs, "opened_at"),
        instant(rs, "session_until"),
        instant(rs, "partial_saved_at"),
        instant(rs, "submitted_at"),
        rs.getObject("response_id", UUID.class),
        instant(rs, "replaced_at"),
        instant(rs, "new_link_asked_at"));
  }
}
