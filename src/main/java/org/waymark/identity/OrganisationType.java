package org.waymark.identity;

/** The kind of organisation. {@code DEPLOYMENT} is the one organisation administrators act for. */
public enum OrganisationType {
  DEPLOYMENT("Deployment"),
  PCN("Primary care network"),
  GP_PRACTICE("GP practice"),
  VCS("Voluntary or community organisation"),
  LOCAL_AUTHORITY("Local authority"),
  ICB("Integrated care board"),
  UNIVERSITY("University"),
  OTHER("Other");

  private final String label;

  OrganisationType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
