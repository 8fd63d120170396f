package org.waymark.casework;

/** How things are going for the person in a need domain, in their view: four points of words. */
public enum HowItIsGoing {
  NOT_WELL_AT_ALL("Not well at all"),
  NOT_VERY_WELL("Not very well"),
  QUITE_WELL("Quite well"),
  VERY_WELL("Very well");

  private final String label;

  HowItIsGoing(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
