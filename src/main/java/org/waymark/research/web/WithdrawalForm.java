package org.waymark.research.web;

/** A withdrawal as posted. */
public class WithdrawalForm {

  private String version;
  private String withdrawal;
  private String withdrawnOnDay;
  private String withdrawnOnMonth;
  private String withdrawnOnYear;
  private String note;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getWithdrawal() {
    return withdrawal;
  }

  public void setWithdrawal(String withdrawal) {
    this.withdrawal = withdrawal;
  }

  public String getWithdrawnOnDay() {
    return withdrawnOnDay;
  }

  public void setWithdrawnOnDay(String withdrawnOnDay) {
    this.withdrawnOnDay = withdrawnOnDay;
  }

  public String getWithdrawnOnMonth() {
    return withdrawnOnMonth;
  }

  public void setWithdrawnOnMonth(String withdrawnOnMonth) {
    this.withdrawnOnMonth = withdrawnOnMonth;
  }

  public String getWithdrawnOnYear() {
    return withdrawnOnYear;
  }

  public void setWithdrawnOnYear(String withdrawnOnYear) {
    this.withdrawnOnYear = withdrawnOnYear;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  /** Errors of the date are reported against this property (the date's three boxes). */
  public String getWithdrawnOn() {
    return null;
  }
}
