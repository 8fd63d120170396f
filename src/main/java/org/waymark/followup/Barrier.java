package org.waymark.followup;

/** What got in the way of going to a service, or of keeping going. */
public enum Barrier {
  COST("Cost"),
  TRANSPORT("Transport or getting there"),
  HEALTH("Their health"),
  CONFIDENCE("Confidence"),
  NOT_SUITABLE("The service was not suitable"),
  WAITING_LIST("A waiting list"),
  OTHER("Something else");

  private final String label;

  Barrier(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
