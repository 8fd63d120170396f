package org.waymark.casework.web;

/** Move a case to another link worker, as posted. */
public class ReassignForm {

  private String version;
  private String linkWorkerId;
  private String reason;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getLinkWorkerId() {
    return linkWorkerId;
  }

  public void setLinkWorkerId(String linkWorkerId) {
    this.linkWorkerId = linkWorkerId;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
