package org.waymark.followup;

/** What a follow-up point counts its months from. */
public enum CountsFrom {
  /** The day the case's referral was received. */
  REFERRAL("the referral"),
  /** The day the case was closed. */
  CLOSURE("the case's closure");

  private final String label;

  CountsFrom(String label) {
    this.label = label;
  }

  /** For example, the referral. */
  public String label() {
    return label;
  }
}
