package org.waymark.research;

/** What a member of a study team does on it. */
public enum StudyRole {
  CHIEF_INVESTIGATOR("Chief investigator", true),
  CO_INVESTIGATOR("Co-investigator", true),
  STUDY_MANAGER("Study manager", true),
  DATA_MANAGER("Data manager", false),
  RESEARCHER("Researcher", false);

  private final String label;
  private final boolean setsUp;

  StudyRole(String label, boolean setsUp) {
    this.label = label;
    this.setsUp = setsUp;
  }

  public String label() {
    return label;
  }

  /** Whether members with this role change the study's set-up (details, team, sites, plan). */
  public boolean setsUp() {
    return setsUp;
  }
}
