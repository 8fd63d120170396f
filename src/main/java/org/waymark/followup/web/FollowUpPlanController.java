package org.waymark.followup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.followup.CountsFrom;
import org.waymark.followup.FollowUpConflictException;
import org.waymark.followup.FollowUpPlan;
import org.waymark.followup.FollowUpPlans;
import org.waymark.followup.FollowUpValidationException;
import org.waymark.followup.PlanPoint;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;

/**
 * The service's follow-up plan, which its managers edit: up to six follow-ups, each counted from
 * the referral or the case's closure, with the months at which it opens, is aimed at and closes.
 * Empty rows are ignored, so a point is removed by clearing its row.
 */
@Controller
class FollowUpPlanController {

  private final FollowUpPlans plans;
  private final MessageSource messages;

  FollowUpPlanController(FollowUpPlans plans, MessageSource messages) {
    this.plans = plans;
    this.messages = messages;
  }

  @GetMapping("/follow-ups/plan")
  @RequiresPermission(Permission.MANAGE_CASEWORK)
  String form(Model model) {
    model.addAttribute("planForm", form(plans.current()));
    return page(model);
  }

  @PostMapping("/follow-ups/plan")
  @RequiresPermission(Permission.MANAGE_CASEWORK)
  String save(
      @ModelAttribute("planForm") PlanForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    plans.current(); // checks the user manages the service before reading anything posted
    while (form.getPoints().size() > FollowUpPlans.MAX_POINTS) {
      if (!form.getPoints().get(form.getPoints().size() - 1).blank()) {
        break;
      }
      form.getPoints().remove(form.getPoints().size() - 1);
    }
    while (form.getPoints().size() < FollowUpPlans.MAX_POINTS) {
      form.getPoints().add(new PlanForm.PointForm());
    }
    List<PlanPoint> points = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < form.getPoints().size(); i++) {
      PlanForm.PointForm p = form.getPoints().get(i);
      if (p.blank()) {
        continue;
      }
      Integer opens = Web.months(p.getOpensAfter());
      Integer target = Web.months(p.getTargetAfter());
      Integer closes = Web.months(p.getClosesAfter());
      String f = "points[" + i + "].";
      if (opens == null) {
        errors.rejectValue(f + "opensAfter", "followup.plan.months.invalid");
      }
      if (target == null) {
        errors.rejectValue(f + "targetAfter", "followup.plan.months.invalid");
      }
      if (closes == null) {
        errors.rejectValue(f + "closesAfter", "followup.plan.months.invalid");
      }
      points.add(
          new PlanPoint(
              p.getName(),
              Web.choice(CountsFrom.class, p.getCountsFrom()),
              opens == null ? 0 : opens,
              target == null ? 0 : target,
              closes == null ? 0 : closes));
      rows.add(i);
    }
    // Each rule problem names the point's place among the filled rows: map it back to its row.
    for (FollowUpValidationException.Problem p : FollowUpPlans.problems(points)) {
      String field = p.field();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("points\\[(\\d+)](.*)").matcher(field);
      if (m.matches()) {
        field = "points[" + rows.get(Integer.parseInt(m.group(1))) + "]" + m.group(2);
        if (errors.hasFieldErrors(field)) {
          continue;
        }
        errors.rejectValue(field, p.messageKey());
      } else {
        // Too many follow-ups: the first one over the limit carries the message.
        errors.rejectValue(
            "points[" + rows.get(Math.min(FollowUpPlans.MAX_POINTS, rows.size() - 1)) + "].name",
            p.messageKey());
      }
    }
    if (errors.hasErrors()) {
      return page(model);
    }
    try {
      plans.change(Web.version(form.getVersion()), points);
    } catch (FollowUpValidationException e) {
      errors.reject("followup.plan.months.range");
      return page(model);
    } catch (FollowUpConflictException e) {
      model.addAttribute("problem", text("followup.plan.stale"));
      model.addAttribute("planForm", form(plans.current()));
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(model);
    }
    flash.addFlashAttribute("success", text("followup.plan.saved"));
    return "redirect:/follow-ups/plan";
  }

  private String page(Model model) {
    model.addAttribute("countsFromOptions", CountsFrom.values());
    return "followup/plan";
  }

  /** The plan's points, then empty rows up to the most a plan may have. */
  private static PlanForm form(FollowUpPlan plan) {
    PlanForm form = new PlanForm();
    form.setVersion(Long.toString(plan.version()));
    for (PlanPoint p : plan.points()) {
      PlanForm.PointForm f = new PlanForm.PointForm();
      f.setName(p.name());
      f.setCountsFrom(p.countsFrom().name());
      f.setOpensAfter(Integer.toString(p.opensAfter()));
      f.setTargetAfter(Integer.toString(p.targetAfter()));
      f.setClosesAfter(Integer.toString(p.closesAfter()));
      form.getPoints().add(f);
    }
    while (form.getPoints().size() < FollowUpPlans.MAX_POINTS) {
      form.getPoints().add(new PlanForm.PointForm());
    }
    return form;
  }

  private String text(String key) {
    return messages.getMessage(key, null, Locale.UK);
  }
}
