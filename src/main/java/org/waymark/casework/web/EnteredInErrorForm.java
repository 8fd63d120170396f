package org.waymark.casework.web;

/** The reason a note is marked as entered in error. */
public class EnteredInErrorForm {

  private String reason;

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
