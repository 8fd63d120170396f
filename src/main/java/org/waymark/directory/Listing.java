package org.waymark.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A listing as curators see it: its details, who holds it, where it came from, when it was last
 * verified and its need domains. {@code holderName}, {@code lastVerifiedAt} and {@code
 * lastVerifiedBy} may be null.
 *
 * @param holderOrganisationId the Waymark organisation that holds the listing (the deployment for
 *     public feeds, a VCS organisation for its own listings)
 * @param status the ORUK status, for example {@code active}
 * @param version the version an edit must start from
 * @param stale true when it has not been verified for 12 months (or ever)
 */
public record Listing(
    UUID id,
    UUID holderOrganisationId,
    String holderName,
    ListingDetails details,
    String status,
    String source,
    String sourceId,
    Instant createdAt,
    Instant lastModified,
    Instant lastVerifiedAt,
    String lastVerifiedBy,
    long version,
    boolean stale,
    List<ListingNeed> needs) {

  public Listing {
    needs = List.copyOf(needs);
  }

  /** The service's name. */
  public String name() {
    return details.name();
  }

  /** The need domains a curator has still to confirm or remove. */
  public List<ListingNeed> suggestedNeeds() {
    return needs.stream().filter(n -> !n.confirmed()).toList();
  }
}
