package org.waymark.casework.web;

/**
 * The closure form, carried through its steps: the reason and next steps, then the summary text as
 * edited, with the case's version the closure was started from.
 */
public class ClosureForm {

  private Long version;
  private String closureReason;
  private String nextSteps;
  private String summary;

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getClosureReason() {
    return closureReason;
  }

  public void setClosureReason(String closureReason) {
    this.closureReason = closureReason;
  }

  public String getNextSteps() {
    return nextSteps;
  }

  public void setNextSteps(String nextSteps) {
    this.nextSteps = nextSteps;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }
}
