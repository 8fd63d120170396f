package org.waymark.casework;

/** How much a need domain matters to the person, in their view: a four-point scale of words. */
public enum Importance {
  NOT_AT_ALL("Not at all"),
  A_LITTLE("A little"),
  SOMEWHAT("Somewhat"),
  A_LOT("A lot");

  private final String label;

  Importance(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
