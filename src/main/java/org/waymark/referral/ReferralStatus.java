package org.waymark.referral;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral is. Received referrals wait for triage; a manager accepts (a case opens),
 * declines, or asks the referrer for more information; the referrer may withdraw it while it waits;
 * an accepted referral closes with the discharge summary.
 */
public enum ReferralStatus {
  RECEIVED("Waiting for triage"),
  INFORMATION_REQUESTED("More information requested"),
  ACCEPTED("Accepted"),
  DECLINED("Declined"),
  CLOSED("Closed"),
  WITHDRAWN("Withdrawn by the referrer");

  private final String label;

  ReferralStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The statuses a referral may move to from this one. */
  public Set<ReferralStatus> next() {
    return switch (this) {
      case RECEIVED -> EnumSet.of(INFORMATION_REQUESTED, ACCEPTED, DECLINED, WITHDRAWN);
      case INFORMATION_REQUESTED -> EnumSet.of(RECEIVED, ACCEPTED, DECLINED, WITHDRAWN);
      case ACCEPTED -> EnumSet.of(CLOSED);
      case DECLINED, CLOSED, WITHDRAWN -> EnumSet.noneOf(ReferralStatus.class);
    };
  }

  /** Waiting for a triage decision. */
  public boolean awaitingTriage() {
    return this == RECEIVED || this == INFORMATION_REQUESTED;
  }
}
