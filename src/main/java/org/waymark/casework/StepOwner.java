package org.waymark.casework;

/** Who takes a step: the person, their link worker, or someone named (a carer, a service). */
public enum StepOwner {
  PERSON("The person"),
  LINK_WORKER("Link worker"),
  SOMEONE_ELSE("Someone else");

  private final String label;

  StepOwner(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
