package org.waymark.referral.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code referral_idempotency_key} table: which referral a client's {@code Idempotency-Key}
 * stands for. Callers run in the referral's transaction.
 */
@Repository
public class IdempotencyKeys {

  /** A claimed key: the digest of the request that claimed it and the referral it made. */
  public record Claimed(String requestHash, UUID referralOrganisationId, UUID referralId) {}

  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Claimed> find(UUID organisationId, UUID clientUserId, String key) {
    return jdbc.sql(
            """
            SELECT request_hash, referral_organisation_id, referral_id FROM referral_idempotency_key
            WHERE organisation_id = ? AND client_user_id = ? AND idempotency_key = ?
            """)
        .params(organisationId, clientUserId, key)
        .query(
            (rs, n) ->
                new Claimed(
                    rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)))
        .optional();
  }

  /**
   * Claims a key for a referral about to be written. If another transaction holds the same key
   * uncommitted, this waits until it ends. ON CONFLICT DO NOTHING rather than catching a unique-key
   * violation, which would abort the whole PostgreSQL transaction.
   *
   * @return true if claimed; false if the key is taken (read it with {@link #find})
   */
  public boolean claim(
      UUID organisationId,
      UUID clientUserId,
      String key,
      String requestHash,
      UUID referralOrganisationId,
      UUID referralId) {
    return jdbc.sql(
                """
                INSERT INTO referral_idempotency_key (organisation_id, client_user_id, idempotency_key,
                  request_hash, referral_organisation_id, referral_id)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (organisation_id, client_user_id, idempotency_key) DO NOTHING
                """)
            .params(
                organisationId, clientUserId, key, requestHash, referralOrganisationId, referralId)
            .update()
        == 1;
  }
}
