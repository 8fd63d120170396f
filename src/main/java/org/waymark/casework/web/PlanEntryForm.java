package org.waymark.casework.web;

import java.time.LocalDate;
import org.springframework.validation.Errors;
import org.waymark.shared.web.DateInput;

/**
 * What the goal and step forms share: the version the user started from, the text, and an optional
 * target date typed into three boxes, whose parts are checked here.
 */
public abstract class PlanEntryForm {

  private Long version;
  private String text;
  private String targetDateDay;
  private String targetDateMonth;
  private String targetDateYear;

  /** Fills in the shared fields from a stored goal or step. */
  void fill(Long version, String text, LocalDate targetDate) {
    this.version = version;
    this.text = text;
    DateInput d = DateInput.of(targetDate);
    this.targetDateDay = d.day();
    this.targetDateMonth = d.month();
    this.targetDateYear = d.year();
  }

  /** Reports a target date that is partly typed or not a real date. */
  void check(Errors errors) {
    DateInput d = targetDateInput();
    if (!d.isBlank() && d.problem() != null) {
      errors.rejectValue("targetDate", "casework.plan.targetDate." + d.problem());
    }
  }

  private DateInput targetDateInput() {
    return new DateInput(targetDateDay, targetDateMonth, targetDateYear);
  }

  /** The target date the parts make, or null; errors are reported against this name. */
  public LocalDate getTargetDate() {
    return targetDateInput().toDate();
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getTargetDateDay() {
    return targetDateDay;
  }

  public void setTargetDateDay(String targetDateDay) {
    this.targetDateDay = targetDateDay;
  }

  public String getTargetDateMonth() {
    return targetDateMonth;
  }

  public void setTargetDateMonth(String targetDateMonth) {
    this.targetDateMonth = targetDateMonth;
  }

  public String getTargetDateYear() {
    return targetDateYear;
  }

  public void setTargetDateYear(String targetDateYear) {
    this.targetDateYear = targetDateYear;
  }
}
