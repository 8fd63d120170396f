package org.waymark.casework.web;

/** A PCN's casework settings, as posted. */
public class SettingsForm {

  private String version;
  private String teamCaseloadsVisible;
  private String missedContactsBeforeReview;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getTeamCaseloadsVisible() {
    return teamCaseloadsVisible;
  }

  public void setTeamCaseloadsVisible(String teamCaseloadsVisible) {
    this.teamCaseloadsVisible = teamCaseloadsVisible;
  }

  public String getMissedContactsBeforeReview() {
    return missedContactsBeforeReview;
  }

  public void setMissedContactsBeforeReview(String missedContactsBeforeReview) {
    this.missedContactsBeforeReview = missedContactsBeforeReview;
  }
}
