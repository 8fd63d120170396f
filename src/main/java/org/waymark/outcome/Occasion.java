package org.waymark.outcome;

/** When in a person's support an instrument was given. */
public enum Occasion {
  BASELINE("Baseline"),
  REVIEW("Review"),
  DISCHARGE("Discharge"),
  FOLLOW_UP("Follow-up");

  private final String label;

  Occasion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
