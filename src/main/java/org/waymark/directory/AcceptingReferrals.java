package org.waymark.directory;

/** Whether a service takes referrals now. */
public enum AcceptingReferrals {
  YES("Accepting referrals"),
  PAUSED("Referrals paused"),
  NO("Not accepting referrals");

  private final String label;

  AcceptingReferrals(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
