package org.waymark.casework.web;

/**
 * Decline a referral, as posted: the reason, and a suggested service or the manager's own
 * signposting.
 */
public class DeclineForm {

  private String version;
  private String reason;
  private String serviceId;
  private String signposting;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getServiceId() {
    return serviceId;
  }

  public void setServiceId(String serviceId) {
    this.serviceId = serviceId;
  }

  public String getSignposting() {
    return signposting;
  }

  public void setSignposting(String signposting) {
    this.signposting = signposting;
  }
}
