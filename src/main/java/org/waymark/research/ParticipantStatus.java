package org.waymark.research;

/** Where a participant stands with the study. */
public enum ParticipantStatus {
  /** Passed on by their link worker with their agreement to be contacted; not yet consented. */
  AGREED_TO_CONTACT("Agreed to be contacted"),
  CONSENTED("Consented"),
  /** Did not agree to an item without which they cannot take part. */
  DECLINED("Declined"),
  WITHDRAWN("Withdrawn");

  private final String label;

  ParticipantStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
