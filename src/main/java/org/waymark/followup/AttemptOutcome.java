package org.waymark.followup;

/** How an attempt to follow a person up ended. */
public enum AttemptOutcome {
  /** The follow-up was done with the person: it is complete. */
  COMPLETED("Completed with the person"),
  /** The person could not be reached: the follow-up stays open and the attempt is recorded. */
  NOT_REACHED("Could not reach them"),
  /** The person did not want to be followed up: it ends. */
  DECLINED("They declined");

  private final String label;

  AttemptOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
