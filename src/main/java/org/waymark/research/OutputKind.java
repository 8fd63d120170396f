package org.waymark.research;

/** What a study produced. */
public enum OutputKind {
  BLOG("Blog"),
  PAPER("Paper"),
  PRESENTATION("Presentation"),
  EVENT("Event"),
  REPORT("Report");

  private final String label;

  OutputKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
