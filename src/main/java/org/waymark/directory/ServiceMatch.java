package org.waymark.directory;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A service found by a search or suggested for a person, with the reasons it matched.
 *
 * @param organisationName the organisation that runs the service; may be null
 * @param status the ORUK status: 'active' or 'temporarily closed'
 * @param distanceKm to the nearest of its locations; null when no postcode was given
 * @param reasons in the order of {@link MatchReason.Kind}; empty when nothing was asked for
 */
public record ServiceMatch(
    UUID id,
    UUID organisationId,
    String name,
    String organisationName,
    String status,
    AcceptingReferrals acceptingReferrals,
    Double distanceKm,
    List<MatchReason> reasons) {

  public ServiceMatch {
    reasons = List.copyOf(reasons);
  }

  /**
   * The reasons as one line, for example 'need: loneliness · 1.2 km · free · open Tue 10:00–12:00'.
   */
  public String reasonText() {
    return reasons.stream().map(MatchReason::text).collect(Collectors.joining(" · "));
  }

  public boolean temporarilyClosed() {
    return "temporarily closed".equals(status);
  }
}
