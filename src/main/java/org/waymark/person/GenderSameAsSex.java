package org.waymark.person;

/**
 * The answer to the ONS 2021 question "Is the gender you identify with the same as your sex
 * registered at birth?". Only with {@link #NO} may a gender identity be written in.
 */
public enum GenderSameAsSex {
  YES("Yes"),
  NO("No"),
  PREFER_NOT_TO_SAY("Prefer not to say");

  private final String label;

  GenderSameAsSex(String label) {
    this.label = label;
  }

  /** The label people see. */
  public String label() {
    return label;
  }
}
