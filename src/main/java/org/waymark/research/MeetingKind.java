package org.waymark.research;

/** What met. */
public enum MeetingKind {
  STEERING_COMMITTEE("Steering committee"),
  ADVISORY_GROUP("Advisory group"),
  PPI_GROUP("Patient and public involvement group"),
  STUDY_TEAM("Study team");

  private final String label;

  MeetingKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
