package org.waymark.research;

/** What a study's team can export: pseudonymised, consented participants only. */
public enum ExportDataset {
  PARTICIPANTS(
      "participants",
      "Participants",
      "Each consented participant: site, group, when they joined, the consent form version and what they agreed to"),
  INTERVIEWS(
      "interviews",
      "Interviews",
      "Each interview with a consented participant: the event, date, mode, length and progress"),
  LINKED_OUTCOMES(
      "linked_outcomes",
      "Linked outcome scores",
      "Outcome scores from social prescribing records, for participants who consented to record linkage"),
  RECRUITMENT_SUMMARY(
      "recruitment_summary",
      "Recruitment summary for public outputs",
      "Consented participants by site and group, with small numbers suppressed and counts rounded to the nearest 5");

  private final String formName;
  private final String label;
  private final String description;

  ExportDataset(String formName, String label, String description) {
    this.formName = formName;
    this.label = label;
    this.description = description;
  }

  /** Its name as a REDCap form and in file names, for example linked_outcomes. */
  public String formName() {
    return formName;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }
}
