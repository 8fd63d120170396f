package org.waymark.connection.web;

/** Attendance recorded by the link worker for a service that does not answer in Waymark. */
public class ConnectionAttendanceForm {

  private String firstSessionOnDay;
  private String firstSessionOnMonth;
  private String firstSessionOnYear;
  private String sessionsAttended;
  private String version;

  public String getFirstSessionOnDay() {
    return firstSessionOnDay;
  }

  public void setFirstSessionOnDay(String v) {
    this.firstSessionOnDay = v;
  }

  public String getFirstSessionOnMonth() {
    return firstSessionOnMonth;
  }

  public void setFirstSessionOnMonth(String v) {
    this.firstSessionOnMonth = v;
  }

  public String getFirstSessionOnYear() {
    return firstSessionOnYear;
  }

  public void setFirstSessionOnYear(String v) {
    this.firstSessionOnYear = v;
  }

  public String getSessionsAttended() {
    return sessionsAttended;
  }

  public void setSessionsAttended(String sessionsAttended) {
    this.sessionsAttended = sessionsAttended;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  /** The date typed, or null (errors are reported on "firstSessionOn"). */
  public java.time.LocalDate getFirstSessionOn() {
    return new org.waymark.shared.web.DateInput(
            firstSessionOnDay, firstSessionOnMonth, firstSessionOnYear)
        .toDate();
  }
}
