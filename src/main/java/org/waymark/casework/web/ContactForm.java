package org.waymark.casework.web;

import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.validation.Errors;
import org.waymark.casework.Contact;
import org.waymark.casework.ContactDetails;
import org.waymark.casework.ContactOutcome;
import org.waymark.casework.internal.UkTime;
import org.waymark.shared.web.DateInput;

/**
 * The contact form, as typed. {@link #check(Errors)} reports what cannot be read (date parts, time,
 * duration, outcome); the rules (see {@link ContactDetails}) are applied to what can.
 */
public class ContactForm {

  private Long version;
  private String type;
  private String dateDay;
  private String dateMonth;
  private String dateYear;
  private String hour;
  private String minute;
  private String durationMinutes;
  private String outcome;
  private String notes;

  static ContactForm of(Contact c) {
    ContactForm f = new ContactForm();
    f.version = c.version();
    f.type = c.type();
    DateInput d = DateInput.of(UkTime.date(c.contactAt()));
    f.dateDay = d.day();
    f.dateMonth = d.month();
    f.dateYear = d.year();
    LocalTime t = UkTime.time(c.contactAt());
    f.hour = String.valueOf(t.getHour());
    f.minute = String.format("%02d", t.getMinute());
    f.durationMinutes = c.durationMinutes() == null ? "" : c.durationMinutes().toString();
    f.outcome = c.outcome() == null ? "" : c.outcome().name();
    f.notes = c.notes();
    return f;
  }

  void check(Errors errors) {
    DateInput d = dateFields();
    String dateProblem = d.problem();
    if (dateProblem != null) {
      errors.rejectValue("date", "casework.contact.date." + dateProblem);
    }
    if (blank(hour) && blank(minute)) {
      errors.rejectValue("time", "casework.contact.time.required");
    } else if (getTime() == null) {
      errors.rejectValue("time", "casework.contact.time.invalid");
    }
    if (!blank(durationMinutes) && duration() == null) {
      errors.rejectValue("durationMinutes", "casework.contact.duration.range");
    }
    if (!blank(outcome) && outcomeValue() == null) {
      errors.rejectValue("outcome", "casework.contact.outcome.invalid");
    }
  }

  ContactDetails toDetails() {
    return new ContactDetails(type, getDate(), getTime(), duration(), outcomeValue(), notes);
  }

  private DateInput dateFields() {
    return new DateInput(dateDay, dateMonth, dateYear);
  }

  private Integer duration() {
    if (blank(durationMinutes)) {
      return null;
    }
    String s = durationMinutes.strip();
    // Up to four digits: anything longer is out of range anyway and must not overflow.
    return s.matches("\\d{1,4}") ? Integer.valueOf(s) : Integer.valueOf(-1);
  }

  private ContactOutcome outcomeValue() {
    if (blank(outcome)) {
      return null;
    }
    try {
      return ContactOutcome.valueOf(outcome.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The date the three boxes make, or null; errors are reported against this name. */
  public LocalDate getDate() {
    return dateFields().toDate();
  }

  /** The time the two boxes make, or null; errors are reported against this name. */
  public LocalTime getTime() {
    return DateInput.time(hour, minute);
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getDateDay() {
    return dateDay;
  }

  public void setDateDay(String dateDay) {
    this.dateDay = dateDay;
  }

  public String getDateMonth() {
    return dateMonth;
  }

  public void setDateMonth(String dateMonth) {
    this.dateMonth = dateMonth;
  }

  public String getDateYear() {
    return dateYear;
  }

  public void setDateYear(String dateYear) {
    this.dateYear = dateYear;
  }

  public String getHour() {
    return hour;
  }

  public void setHour(String hour) {
    this.hour = hour;
  }

  public String getMinute() {
    return minute;
  }

  public void setMinute(String minute) {
    this.minute = minute;
  }

  public String getDurationMinutes() {
    return durationMinutes;
  }

  public void setDurationMinutes(String durationMinutes) {
    this.durationMinutes = durationMinutes;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getNotes() {
    return notes;
  }

  public void setNotes(String notes) {
    this.notes = notes;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
