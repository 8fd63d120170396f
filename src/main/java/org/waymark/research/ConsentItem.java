package org.waymark.research;

/** What a participant can agree to, item by item, on a consent form. */
public enum ConsentItem {
  OBSERVATION("Being observed during link worker sessions"),
  INTERVIEW("Taking part in interviews"),
  AUDIO_RECORDING("Audio recording of interviews"),
  ANONYMISED_QUOTES("Anonymised quotes in reports and papers"),
  RECORD_LINKAGE("Linking to their social prescribing and outcome records"),
  FUTURE_CONTACT("Being contacted about future research");

  private final String label;

  ConsentItem(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
