package org.waymark.casework.web;

import org.waymark.casework.PlanStep;
import org.waymark.casework.StepDraft;
import org.waymark.casework.StepOwner;
import org.waymark.casework.StepStatus;

/** The step form, as typed. The target date is optional; its parts are checked here. */
public class StepForm extends PlanEntryForm {

  private StepOwner owner;
  private String ownerName;
  private StepStatus status;

  static StepForm of(PlanStep s) {
    StepForm f = new StepForm();
    f.fill(s.version(), s.text(), s.targetDate());
    f.owner = s.owner();
    f.ownerName = s.ownerName();
    f.status = s.status();
    return f;
  }

  StepDraft toDraft() {
    return new StepDraft(getText(), owner, ownerName, getTargetDate(), status);
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
}
