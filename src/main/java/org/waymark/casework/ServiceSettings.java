package org.waymark.casework;

import java.util.UUID;

/**
 * A PCN's casework settings; a PCN that never saved any has the defaults at version 0.
 *
 * @param teamCaseloadsVisible link workers may read (not change) their colleagues' cases
 * @param missedContactsBeforeReview after this many missed contacts in a row (1 to 10) the link
 *     worker is prompted to review the case
 * @param version a change must name it, so that a stale change is refused
 */
public record ServiceSettings(
    UUID organisationId,
    boolean teamCaseloadsVisible,
    int missedContactsBeforeReview,
    long version) {

  public static ServiceSettings defaults(UUID organisationId) {
    return new ServiceSettings(organisationId, false, 2, 0);
  }
}
