package org.waymark.research;

/** The parts of a study update the team writes in their own words. */
public enum UpdatePart {
  INTRODUCTION("Introduction"),
  STAY_IN_TOUCH("How to stay in touch"),
  ACKNOWLEDGEMENTS("Acknowledgements"),
  DISCLAIMER("Disclaimer");

  private final String label;

  UpdatePart(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
