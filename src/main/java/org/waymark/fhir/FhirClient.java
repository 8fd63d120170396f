package org.waymark.fhir;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client system registered to call the FHIR API.
 *
 * @param organisationId the organisation the client acts for (its tenant)
 * @param clientId the OAuth2 client id it presents with its secret
 * @param scopes SMART system scopes, for example {@code system/ServiceRequest.write}
 * @param systemUserId the account the client acts as: access checks and the audit log see it
 * @param referralSource the {@code REFERRAL_SOURCE} code its referrals carry when a referral names
 *     none; may be null
 * @param disabledAt when it was disabled; null while it may get tokens
 */
public record FhirClient(
    UUID id,
    UUID organisationId,
    String clientId,
    String name,
    List<String> scopes,
    UUID systemUserId,
    String referralSource,
    Instant createdAt,
    Instant disabledAt) {

  public FhirClient {
    scopes = List.copyOf(scopes);
  }

  public boolean enabled() {
    return disabledAt == null;
  }
}
