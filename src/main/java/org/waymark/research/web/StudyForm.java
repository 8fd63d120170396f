package org.waymark.research.web;

/** A study's details as posted. */
public class StudyForm {

  private String version;
  private String title;
  private String shortName;
  private String summary;
  private String funder;
  private String grantNumber;
  private String sponsor;
  private String ethicsReference;
  private String contactEmail;
  private String contactPhone;
  private String startsOnDay;
  private String startsOnMonth;
  private String startsOnYear;
  private String endsOnDay;
  private String endsOnMonth;
  private String endsOnYear;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getShortName() {
    return shortName;
  }

  public void setShortName(String shortName) {
    this.shortName = shortName;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getFunder() {
    return funder;
  }

  public void setFunder(String funder) {
    this.funder = funder;
  }

  public String getGrantNumber() {
    return grantNumber;
  }

  public void setGrantNumber(String grantNumber) {
    this.grantNumber = grantNumber;
  }

  public String getSponsor() {
    return sponsor;
  }

  public void setSponsor(String sponsor) {
    this.sponsor = sponsor;
  }

  public String getEthicsReference() {
    return ethicsReference;
  }

  public void setEthicsReference(String ethicsReference) {
    this.ethicsReference = ethicsReference;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public void setContactPhone(String contactPhone) {
    this.contactPhone = contactPhone;
  }

  public String getStartsOnDay() {
    return startsOnDay;
  }

  public void setStartsOnDay(String startsOnDay) {
    this.startsOnDay = startsOnDay;
  }

  public String getStartsOnMonth() {
    return startsOnMonth;
  }

  public void setStartsOnMonth(String startsOnMonth) {
    this.startsOnMonth = startsOnMonth;
  }

  public String getStartsOnYear() {
    return startsOnYear;
  }

  public void setStartsOnYear(String startsOnYear) {
    this.startsOnYear = startsOnYear;
  }

  public String getEndsOnDay() {
    return endsOnDay;
  }

  public void setEndsOnDay(String endsOnDay) {
    this.endsOnDay = endsOnDay;
  }

  public String getEndsOnMonth() {
    return endsOnMonth;
  }

  public void setEndsOnMonth(String endsOnMonth) {
    this.endsOnMonth = endsOnMonth;
  }

  public String getEndsOnYear() {
    return endsOnYear;
  }

  public void setEndsOnYear(String endsOnYear) {
    this.endsOnYear = endsOnYear;
  }

  /** Errors of the start date are reported against this property (the date's three boxes). */
  public String getStartsOn() {
    return null;
  }

  /** Errors of the end date are reported against this property (the date's three boxes). */
  public String getEndsOn() {
    return null;
  }
}
