package org.waymark.fhir.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.fhir.FhirClient;

/** The {@code fhir_client} table. */
@Repository
public class FhirClientStore {

  private static final String COLUMNS =
      "id, organisation_id, client_id, name, scopes, system_user_id, referral_source, created_at,"
          + " disabled_at";

  private final JdbcClient jdbc;

  FhirClientStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(
      UUID id,
      UUID organisationId,
      String clientId,
      String secretHash,
      String name,
      List<String> scopes,
      UUID systemUserId,
      String referralSource,
      UUID createdBy) {
    jdbc.sql(
            """
            INSERT INTO fhir_client (id, organisation_id, client_id, secret_hash, name, scopes,
                                     system_user_id, referral_source, created_by)
            VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?)
            """)
        .params(
            id,
            organisationId,
            clientId,
            secretHash,
            name,
            "{" + String.join(",", scopes.stream().map(s -> '"' + s + '"').toList()) + "}",
            systemUserId,
            referralSource,
            createdBy)
        .update();
  }

  public Optional<FhirClient> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM fhir_client WHERE id = ?")
        .param(id)
        .query(FhirClientStore::map)
        .optional();
  }

  public Optional<FhirClient> findByClientId(String clientId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM fhir_client WHERE client_id = ?")
        .param(clientId)
        .query(FhirClientStore::map)
        .optional();
  }

  /** The stored secret hash of an enabled client. */
  public Optional<String> secretHash(String clientId) {
    return jdbc.sql(
            "SELECT secret_hash FROM fhir_client WHERE client_id = ? AND disabled_at IS NULL")
        .param(clientId)
        .query(String.class)
        .optional();
  }

  public List<FhirClient> forOrganisation(UUID organisationId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM fhir_client WHERE organisation_id = ? ORDER BY name")
        .param(organisationId)
        .query(FhirClientStore::map)
        .list();
  }

  public void disable(UUID id) {
    jdbc.sql("UPDATE fhir_client SET disabled_at = now() WHERE id = ? AND disabled_at IS NULL")
        .param(id)
        .update();
  }

  private static FhirClient map(ResultSet rs, int n) throws SQLException {
    Array scopes = rs.getArray("scopes");
    Timestamp disabled = rs.getTimestamp("disabled_at");
    return new FhirClient(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("client_id"),
        rs.getString("name"),
        Arrays.asList((String[]) scopes.getArray()),
        rs.getObject("system_user_id", UUID.class),
        rs.getString("referral_source"),
        rs.getTimestamp("created_at").toInstant(),
        disabled == null ? null : disabled.toInstant());
  }
}
