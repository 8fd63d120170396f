package org.waymark.referral;

/** How the person prefers to be contacted. */
public enum ContactMethod {
  PHONE("Phone call"),
  TEXT("Text message"),
  EMAIL("Email"),
  LETTER("Letter");

  private final String label;

  ContactMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
