package org.waymark.fhir.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code fhir_referral} table: which client made a referral, and the identifier it gave. */
@Repository
class FhirReferralStore {

  record Link(UUID clientId, String system, String value) {}

  private final JdbcClient jdbc;

  FhirReferralStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the link once; a replayed submission finds it there already. */
  void insert(UUID organisationId, UUID referralId, UUID clientId, String system, String value) {
    jdbc.sql(
            """
            INSERT INTO fhir_referral (organisation_id, referral_id, client_id, identifier_system,
                                       identifier_value)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        .params(organisationId, referralId, clientId, system, value)
        .update();
  }

  Optional<Link> find(UUID organisationId, UUID referralId) {
    return jdbc.sql(
            "SELECT client_id, identifier_system, identifier_value FROM fhir_referral"
                + " WHERE organisation_id = ? AND referral_id = ?")
        .params(organisationId, referralId)
        .query(
            (rs, n) ->
                new Link(
                    rs.getObject("client_id", UUID.class),
                    rs.getString("identifier_system"),
                    rs.getString("identifier_value")))
        .optional();
  }
}
