package org.waymark.connection.web;

/** Recording that the person was signposted to a service. */
public class SignpostForm {

  private String serviceId;
  private String information;
  private String givenOnDay;
  private String givenOnMonth;
  private String givenOnYear;

  public String getServiceId() {
    return serviceId;
  }

  public void setServiceId(String serviceId) {
    this.serviceId = serviceId;
  }

  public String getInformation() {
    return information;
  }

  public void setInformation(String information) {
    this.information = information;
  }

  public String getGivenOnDay() {
    return givenOnDay;
  }

  public void setGivenOnDay(String givenOnDay) {
    this.givenOnDay = givenOnDay;
  }

  public String getGivenOnMonth() {
    return givenOnMonth;
  }

  public void setGivenOnMonth(String givenOnMonth) {
    this.givenOnMonth = givenOnMonth;
  }

  public String getGivenOnYear() {
    return givenOnYear;
  }

  public void setGivenOnYear(String givenOnYear) {
    this.givenOnYear = givenOnYear;
  }

  /** The date typed, or null if the boxes do not make one (errors are reported on "givenOn"). */
  public java.time.LocalDate getGivenOn() {
    return new org.waymark.shared.web.DateInput(givenOnDay, givenOnMonth, givenOnYear).toDate();
  }
}
