package org.waymark.casework;

/** Where a goal of the support plan stands; everything but {@link #ACTIVE} is an outcome. */
public enum GoalStatus {
  ACTIVE("Active"),
  ACHIEVED("Achieved"),
  PARTLY_ACHIEVED("Partly achieved"),
  NOT_ACHIEVED("Not achieved"),
  NO_LONGER_RELEVANT("No longer relevant");

  private final String label;

  GoalStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
