package org.waymark.research.web;

/** A work package as posted. */
public class WorkPackageForm {

  private String code;
  private String title;
  private String description;
  private String startsOnDay;
  private String startsOnMonth;
  private String startsOnYear;
  private String endsOnDay;
  private String endsOnMonth;
  private String endsOnYear;

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
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
