package org.waymark.research;

/** Where an interview's transcript stands. */
public enum Transcript {
  NOT_NEEDED("Not needed"),
  TO_DO("To do"),
  TRANSCRIBED("Transcribed"),
  CHECKED("Transcribed and checked");

  private final String label;

  Transcript(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
