package org.waymark.casework;

/** Where a step towards a goal stands. */
public enum StepStatus {
  NOT_STARTED("Not started"),
  IN_PROGRESS("In progress"),
  DONE("Done"),
  NO_LONGER_NEEDED("No longer needed");

  private final String label;

  StepStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
