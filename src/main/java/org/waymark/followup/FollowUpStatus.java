package org.waymark.followup;

/** Where a follow-up stands, as stored. Whether an open one is due or missed depends on the day. */
public enum FollowUpStatus {
  /** Not yet done (the person may not have been reached yet). */
  OPEN("Not done yet"),
  /** Done with the person. */
  COMPLETED("Done"),
  /** The person did not want to be followed up. */
  DECLINED("Declined"),
  /** Not needed any more, for example because the person died. */
  CANCELLED("Cancelled");

  private final String label;

  FollowUpStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
