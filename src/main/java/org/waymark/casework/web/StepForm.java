package org.waymark.casework.web;

import java.time.LocalDate;
import org.springframework.validation.Errors;
import org.waymark.casework.PlanStep;
import org.waymark.casework.StepDraft;
import org.waymark.casework.StepOwner;
import org.waymark.casework.StepStatus;
import org.waymark.shared.web.DateInput;

/** The step form, as typed. The target date is optional; its parts are checked here. */
public class StepForm {

  private Long version;
  private String text;
  private StepOwner owner;
  private String ownerName;
  private StepStatus status;
  private String targetDateDay;
  private String targetDateMonth;
  private String targetDateYear;

  static StepForm of(PlanStep s) {
    StepForm f = new StepForm();
    f.version = s.version();
    f.text = s.text();
    f.owner = s.owner();
    f.ownerName = s.ownerName();
    f.status = s.status();
    DateInput d = DateInput.of(s.targetDate());
    f.targetDateDay = d.day();
    f.targetDateMonth = d.month();
    f.targetDateYear = d.year();
    return f;
  }

  void check(Errors errors) {
    DateInput d = targetDateFields();
    if (!d.isBlank() && d.problem() != null) {
      errors.rejectValue("targetDate", "casework.plan.targetDate." + d.problem());
    }
  }

  StepDraft toDraft() {
    return new StepDraft(text, owner, ownerName, getTargetDate(), status);
  }

  private DateInput targetDateFields() {
    return new DateInput(targetDateDay, targetDateMonth, targetDateYear);
  }

  /** The target date the parts make, or null; errors are reported against this name. */
  public LocalDate getTargetDate() {
    return targetDateFields().toDate();
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

  public StepOwner getOwner() {
    return owner;
  }

  public void setOwner(StepOwner owner) {
    this.owner = owner;
  }

  public String getOwnerName() {
    return ownerName;
  }

  public void setOwnerName(String ownerName) {
    this.ownerName = ownerName;
  }

  public StepStatus getStatus() {
    return status;
  }

  public void setStatus(StepStatus status) {
    this.status = status;
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
