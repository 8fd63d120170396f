package org.waymark.research;

/** How a meeting was held. */
public enum MeetingFormat {
  ONLINE("Online"),
  IN_PERSON("In person"),
  HYBRID("In person and online");

  private final String label;

  MeetingFormat(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
