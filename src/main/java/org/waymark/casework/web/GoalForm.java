package org.waymark.casework.web;

import java.util.ArrayList;
import java.util.List;
import org.waymark.casework.GoalDraft;
import org.waymark.casework.GoalStatus;
import org.waymark.casework.PlanGoal;

/** The goal form, as typed. The target date is optional; its parts are checked here. */
public class GoalForm extends PlanEntryForm {

  private List<String> needs = new ArrayList<>();
  private GoalStatus status;

  static GoalForm of(PlanGoal g) {
    GoalForm f = new GoalForm();
    f.fill(g.version(), g.text(), g.targetDate());
    f.needs = new ArrayList<>(g.needs());
    f.status = g.status();
    return f;
  }

  GoalDraft toDraft() {
    return new GoalDraft(getText(), needs, status, getTargetDate());
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
}
