package org.waymark.casework;

public enum CaseStatus {
  OPEN("Open"),
  CLOSED("Closed");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
