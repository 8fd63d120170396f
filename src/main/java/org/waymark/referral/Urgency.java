package org.waymark.referral;

/** How soon the person should be contacted. */
public enum Urgency {
  ROUTINE("Routine"),
  URGENT("Urgent");

  private final String label;

  Urgency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
