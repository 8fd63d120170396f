package org.waymark.research;

/** What a participant asked for when they withdrew. */
public enum Withdrawal {
  NO_FURTHER_CONTACT("No further contact; data collected so far may be used"),
  REMOVE_UNANALYSED_DATA("No further contact, and remove data not yet analysed");

  private final String label;

  Withdrawal(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
