package org.waymark.directory;

/** How a link worker connects someone to a service. */
public enum ReferralMethod {
  SIGNPOST("Signpost only: the person contacts the service"),
  WAYMARK("Refer through Waymark"),
  EMAIL("Refer by email"),
  EXTERNAL_FORM("Refer with the service's own form");

  private final String label;

  ReferralMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
