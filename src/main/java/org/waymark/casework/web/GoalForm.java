package org.waymark.casework.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;
import org.waymark.casework.GoalDraft;
import org.waymark.casework.GoalStatus;
import org.waymark.casework.PlanGoal;
import org.waymark.shared.web.DateInput;

/** The goal form, as typed. The target date is optional; its parts are checked here. */
public class GoalForm {

  private Long version;
  private String text;
  private List<String> needs = new ArrayList<>();
  private GoalStatus status;
  private String targetDateDay;
  private String targetDateMonth;
  private String targetDateYear;

  static GoalForm of(PlanGoal g) {
    GoalForm f = new GoalForm();
    f.version = g.version();
    f.text = g.text();
    f.needs = new ArrayList<>(g.needs());
    f.status = g.status();
    DateInput d = DateInput.of(g.targetDate());
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

  GoalDraft toDraft() {
    return new GoalDraft(text, needs, status, getTargetDate());
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

  public List<String> getNeeds() {
    return needs;
  }

  public void setNeeds(List<String> needs) {
    this.needs = needs == null ? new ArrayList<>() : needs;
  }

  public GoalStatus getStatus() {
    return status;
  }

  public void setStatus(GoalStatus status) {
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
