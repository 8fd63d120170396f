package org.waymark.casework;

import java.util.List;
import java.util.UUID;

/**
 * The services a person was connected to, for the discharge summary. Implemented by the module that
 * holds connections.
 */
public interface CaseConnections {

  /**
   * One line per service the person was referred or signposted to from the case opened from this
   * referral, oldest first, for example 'Good Neighbours Befriending: referred 3 March 2026,
   * completed (6 sessions attended)'; empty if none.
   */
  List<String> forDischargeSummary(UUID organisationId, UUID referralId);

  /**
   * The services the person is still referred to (waiting for an answer, or with the service) from
   * the case opened from this referral, for the link worker closing the case; empty if none.
   */
  List<String> openFor(UUID organisationId, UUID referralId);
}
