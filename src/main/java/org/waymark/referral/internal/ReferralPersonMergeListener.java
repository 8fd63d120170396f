package org.waymark.referral.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.person.PersonsMerged;

/** Moves referrals to the kept record when two person records merge, in the merge's transaction. */
@Component
class ReferralPersonMergeListener {

  private final ReferralStore referrals;

  ReferralPersonMergeListener(ReferralStore referrals) {
    this.referrals = referrals;
  }

  @EventListener
  void on(PersonsMerged merged) {
    referrals.movePerson(merged.organisationId(), merged.mergedId(), merged.keptId());
  }
}
