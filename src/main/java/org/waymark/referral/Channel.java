package org.waymark.referral;

/** How a referral arrived. */
public enum Channel {
  WEB_FORM("Referral form"),
  SELF_REFERRAL("Self-referral"),
  API("API"),
  CSV_IMPORT("CSV import");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
