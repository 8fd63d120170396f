package org.waymark.casework;

/** What happened at a contact. A contact without an outcome is a planned one. */
public enum ContactOutcome {
  ATTENDED("Attended"),
  DID_NOT_ATTEND("Did not attend"),
  CANCELLED_BY_PERSON("Cancelled by the person"),
  CANCELLED_BY_SERVICE("Cancelled by the service");

  private final String label;

  ContactOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Attended and did-not-attend contacts have happened, so they cannot be in the future. */
  public boolean tookPlace() {
    return this == ATTENDED || this == DID_NOT_ATTEND;
  }
}
