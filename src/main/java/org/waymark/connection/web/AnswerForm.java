package org.waymark.connection.web;

/**
 * Every answer a service gives on a referral's page, one form per action on that page. The fields
 * have distinct names (the decline, hold and did-not-go-ahead reasons each their own), so that each
 * control on the page has its own id for the error summary's links.
 */
public class AnswerForm {

  private String version;
  private String declineReason;
  private String declineDetail;
  private String holdReason;
  private String holdDetail;
  private String failReason;
  private String failDetail;
  private String outcome;
  private String firstSessionOnDay;
  private String firstSessionOnMonth;
  private String firstSessionOnYear;
  private String sessionsAttended;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getDeclineReason() {
    return declineReason;
  }

  public void setDeclineReason(String declineReason) {
    this.declineReason = declineReason;
  }

  public String getDeclineDetail() {
    return declineDetail;
  }

  public void setDeclineDetail(String declineDetail) {
    this.declineDetail = declineDetail;
  }

  public String getHoldReason() {
    return holdReason;
  }

  public void setHoldReason(String holdReason) {
    this.holdReason = holdReason;
  }

  public String getHoldDetail() {
    return holdDetail;
  }

  public void setHoldDetail(String holdDetail) {
    this.holdDetail = holdDetail;
  }

  public String getFailReason() {
    return failReason;
  }

  public void setFailReason(String failReason) {
    this.failReason = failReason;
  }

  public String getFailDetail() {
    return failDetail;
  }

  public void setFailDetail(String failDetail) {
    this.failDetail = failDetail;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getFirstSessionOnDay() {
    return firstSessionOnDay;
  }

  public void setFirstSessionOnDay(String firstSessionOnDay) {
    this.firstSessionOnDay = firstSessionOnDay;
  }

  public String getFirstSessionOnMonth() {
    return firstSessionOnMonth;
  }

  public void setFirstSessionOnMonth(String firstSessionOnMonth) {
    this.firstSessionOnMonth = firstSessionOnMonth;
  }

  public String getFirstSessionOnYear() {
    return firstSessionOnYear;
  }

  public void setFirstSessionOnYear(String firstSessionOnYear) {
    this.firstSessionOnYear = firstSessionOnYear;
  }

  public String getSessionsAttended() {
    return sessionsAttended;
  }

  public void setSessionsAttended(String sessionsAttended) {
    this.sessionsAttended = sessionsAttended;
  }

  /** Stands in for the date input's three boxes when errors are reported against the date. */
  public String getFirstSessionOn() {
    return null;
  }
}
