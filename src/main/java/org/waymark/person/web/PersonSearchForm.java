package org.waymark.person.web;

import java.time.LocalDate;
import org.waymark.shared.web.DateInput;

/** The search on the people page, as typed; every field may be blank. */
public class PersonSearchForm {

  private String name;
  private String nhsNumber;
  private String dateOfBirthDay;
  private String dateOfBirthMonth;
  private String dateOfBirthYear;
  private int page;

  DateInput birthParts() {
    return new DateInput(dateOfBirthDay, dateOfBirthMonth, dateOfBirthYear);
  }

  /** The date of birth searched for, or null; errors are reported against this name. */
  public LocalDate getDateOfBirth() {
    return birthParts().toDate();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNhsNumber() {
    return nhsNumber;
  }

  public void setNhsNumber(String nhsNumber) {
    this.nhsNumber = nhsNumber;
  }

  public String getDateOfBirthDay() {
    return dateOfBirthDay;
  }

  public void setDateOfBirthDay(String dateOfBirthDay) {
    this.dateOfBirthDay = dateOfBirthDay;
  }

  public String getDateOfBirthMonth() {
    return dateOfBirthMonth;
  }

  public void setDateOfBirthMonth(String dateOfBirthMonth) {
    this.dateOfBirthMonth = dateOfBirthMonth;
  }

  public String getDateOfBirthYear() {
    return dateOfBirthYear;
  }

  public void setDateOfBirthYear(String dateOfBirthYear) {
    this.dateOfBirthYear = dateOfBirthYear;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
