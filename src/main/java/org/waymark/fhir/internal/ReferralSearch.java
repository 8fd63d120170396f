package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;

/** The client's own referrals for a search: by patient and by the time of their last change. */
final class ReferralSearch {

  /** The most a search answers; a client polls with _lastUpdated to see everything. */
  static final int LIMIT = 500;

  private ReferralSearch() {}

  static List<Referral> mine(
      Referrals referrals, ReferenceParam patient, DateRangeParam lastUpdated) {
    UUID personId = null;
    if (patient != null) {
      personId = Fhir.uuid(patient.getIdPart()).orElse(null);
      if (personId == null) {
        return List.of();
      }
    }
    Instant since = null;
    Instant until = null;
    if (lastUpdated != null) {
      Date lower = lastUpdated.getLowerBoundAsInstant();
      Date upper = lastUpdated.getUpperBoundAsInstant();
      since = lower == null ? null : lower.toInstant();
      until = upper == null ? null : upper.toInstant();
    }
    Instant end = until;
    return referrals.mine(personId, null, null, since, LIMIT).stream()
        .filter(r -> end == null || !r.statusChangedAt().isAfter(end))
        .toList();
  }
}
