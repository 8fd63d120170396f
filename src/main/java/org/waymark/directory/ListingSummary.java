package org.waymark.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the list of listings. {@code holderName}, {@code contactEmail}, {@code lastVerifiedAt}
 * and {@code lastVerifiedBy} may be null.
 *
 * @param contactEmail the service's email address, else its organisation's: whom to chase
 * @param suggestedNeeds how many need domains wait for a curator
 */
public record ListingSummary(
    UUID id,
    String name,
    UUID holderOrganisationId,
    String holderName,
    String contactEmail,
    AcceptingReferrals acceptingReferrals,
    Instant lastVerifiedAt,
    String lastVerifiedBy,
    int suggestedNeeds,
    boolean stale) {}
