package org.waymark.person;

/** Sex, in the ONS harmonised standard's categories. */
public enum Sex {
  FEMALE("Female"),
  MALE("Male"),
  NOT_KNOWN("Not known or prefer not to say");

  private final String label;

  Sex(String label) {
    this.label = label;
  }

  /** The label people see. */
  public String label() {
    return label;
  }
}
