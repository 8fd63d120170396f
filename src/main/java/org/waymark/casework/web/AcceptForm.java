package org.waymark.casework.web;

/** Accept a referral and allocate it, as posted; every field may be missing or malformed. */
public class AcceptForm {

  private String version;
  private String linkWorkerId;

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
}
