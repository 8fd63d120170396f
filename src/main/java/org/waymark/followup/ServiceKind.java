package org.waymark.followup;

/** How the person was pointed to a service. */
public enum ServiceKind {
  /** An onward referral (a connection). */
  CONNECTION("Referred"),
  /** Information given for the person to contact the service themselves. */
  SIGNPOST("Signposted");

  private final String label;

  ServiceKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
