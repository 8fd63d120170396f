package org.waymark.research;

/** Where an interview's audio recording stands. */
public enum Recording {
  NOT_RECORDED("Not recorded"),
  RECORDED("Recorded"),
  RECORDING_DELETED("Recording deleted");

  private final String label;

  Recording(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
