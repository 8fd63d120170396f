package org.waymark.referral;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether the person a referral was about has been connected to a community service, for the
 * referrer's view of their referral. Implemented by the module that holds connections; the referrer
 * learns only that (and since when), never which service or anything else.
 */
public interface ReferralConnections {

  /**
   * The day the person was first taken on by a community service after this referral; empty if not
   * (yet).
   */
  Optional<LocalDate> connectedSince(UUID organisationId, UUID referralId);
}
