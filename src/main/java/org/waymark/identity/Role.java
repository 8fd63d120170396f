package org.waymark.identity;

/** What a user does for an organisation. A membership is one organisation and one role. */
public enum Role {
  LINK_WORKER("Link worker"),
  SERVICE_MANAGER("Service manager"),
  REFERRER("Referrer"),
  VCS_COORDINATOR("VCS coordinator"),
  COMMISSIONER("Commissioner"),
  RESEARCHER("Researcher"),
  ADMINISTRATOR("Administrator");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The Spring Security authority for this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
