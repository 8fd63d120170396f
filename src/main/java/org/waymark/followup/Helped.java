package org.waymark.followup;

/** Whether going to a service helped, in the person's view. */
public enum Helped {
  A_LOT("A lot"),
  A_LITTLE("A little"),
  NOT_AT_ALL("Not at all"),
  NOT_SURE("Not sure");

  private final String label;

  Helped(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
