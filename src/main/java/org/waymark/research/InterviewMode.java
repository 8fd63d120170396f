package org.waymark.research;

/** How an interview was held. */
public enum InterviewMode {
  IN_PERSON("In person"),
  PHONE("By phone"),
  VIDEO("By video call");

  private final String label;

  InterviewMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
