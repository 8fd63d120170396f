package org.waymark.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A case: one episode of support for one person, from an accepted referral.
 *
 * @param organisationId the PCN (the tenant)
 * @param linkWorkerId the user account of the link worker who holds it now
 * @param firstContactAt the first attended contact; null until then
 * @param closureReason a {@code CLOSURE_REASON} code once closed
 */
public record CaseFile(
    UUID id,
    UUID organisationId,
    UUID referralId,
    UUID personId,
    UUID linkWorkerId,
    CaseStatus status,
    Instant openedAt,
    Instant firstContactAt,
    Instant closedAt,
    String closureReason,
    long version) {

  public boolean isOpen() {
    return status == CaseStatus.OPEN;
  }
}
