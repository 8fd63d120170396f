package org.waymark.followup;

/** A yes, no or not sure answer. */
public enum Answer {
  YES("Yes"),
  NO("No"),
  NOT_SURE("Not sure");

  private final String label;

  Answer(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
