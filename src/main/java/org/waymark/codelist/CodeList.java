package org.waymark.codelist;

/** The maintained code lists. Codes are stable and stored by other modules; labels may change. */
public enum CodeList {
  REFERRAL_SOURCE("Referral sources"),
  NEED("Need domains"),
  CONTACT_TYPE("Contact types"),
  CLOSURE_REASON("Closure reasons");

  private final String label;

  CodeList(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
