package org.waymark.casework.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseHeaders;
import org.waymark.casework.CaseNotOpenException;
import org.waymark.casework.Casework;
import org.waymark.casework.GoalStatus;
import org.waymark.casework.PlanEditConflictException;
import org.waymark.casework.PlanGoal;
import org.waymark.casework.PlanStep;
import org.waymark.casework.PlanValidationException;
import org.waymark.casework.PlanValidationException.Problem;
import org.waymark.casework.StepOwner;
import org.waymark.casework.StepStatus;
import org.waymark.casework.SupportPlans;
import org.waymark.casework.internal.CaseAccess;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;

/**
 * The support plan pages of a case: the plan, and the forms to add or change a goal, add or change
 * a step, and add a review. A closed case's plan is read-only.
 */
@Controller
class SupportPlanController {

  private final SupportPlans plans;
  private final Casework casework;
  private final CaseAccess access;
  private final PlanHeaders headers;
  private final CaseHeaders caseHeaders;
  private final CodeLists codes;
  private final CasePages pages;

  SupportPlanController(
      SupportPlans plans,
      Casework casework,
      CaseAccess access,
      PlanHeaders headers,
      CaseHeaders caseHeaders,
      CodeLists codes,
      CasePages pages) {
    this.plans = plans;
    this.casework = casework;
    this.access = access;
    this.headers = headers;
    this.caseHeaders = caseHeaders;
    this.codes = codes;
    this.pages = pages;
  }

  @GetMapping("/cases/{id}/plan")
  @RequiresPermission(Permission.READ_CASEWORK)
  String plan(@PathVariable UUID id, Model model) {
    List<PlanGoal> goals = plans.goals(id);
    CaseFile c = casework.find(id);
    model.addAttribute("header", caseHeaders.of(c));
    model.addAttribute("caseFile", c);
    model.addAttribute("goals", goals);
    model.addAttribute("needLabels", needLabels());
    model.addAttribute("mayChange", c.isOpen() && access.mayWrite(c));
    return "casework/plan";
  }

  // ---- goals ----

  @GetMapping("/cases/{id}/plan/goals/new")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String newGoal(@PathVariable UUID id, Model model) {
    model.addAttribute("goalForm", new GoalForm());
    return goalForm(model, plans.requireChangeable(id), null, List.of());
  }

  @PostMapping("/cases/{id}/plan/goals")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String addGoal(
      @PathVariable UUID id,
      @ModelAttribute("goalForm") GoalForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = plans.requireChangeable(id);
    reject(errors, plans.problems(form.toDraft()));
    form.check(errors);
    String saved =
        save(
            id,
            errors,
            model,
            flash,
            "casework.plan.goal.added",
            () -> plans.addGoal(id, form.toDraft()),
            null);
    if (saved != null) {
      return saved;
    }
    return goalForm(model, c, null, List.of());
  }

  @GetMapping("/cases/{id}/plan/goals/{goalId}/edit")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String editGoal(@PathVariable UUID id, @PathVariable UUID goalId, Model model) {
    PlanGoal g = plans.goalToChange(id, goalId);
    model.addAttribute("goalForm", GoalForm.of(g));
    return goalForm(model, plans.requireChangeable(id), goalId, g.needs());
  }

  @PostMapping("/cases/{id}/plan/goals/{goalId}/edit")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String updateGoal(
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @ModelAttribute("goalForm") GoalForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    PlanGoal current = plans.goalToChange(id, goalId);
    CaseFile c = plans.requireChangeable(id);
    if (form.getStatus() == null) {
      errors.rejectValue("status", "casework.plan.goal.status.required");
    }
    reject(errors, plans.problems(form.toDraft()));
    form.check(errors);
    String saved =
        save(
            id,
            errors,
            model,
            flash,
            "casework.plan.goal.changed",
            () ->
                plans.updateGoal(
                    id, goalId, form.getVersion() == null ? -1 : form.getVersion(), form.toDraft()),
            form::setVersion);
    if (saved != null) {
      return saved;
    }
    return goalForm(model, c, goalId, current.needs());
  }

  private String goalForm(Model model, CaseFile c, UUID goalId, List<String> ownNeeds) {
    model.addAttribute("view", headers.of(c));
    model.addAttribute("goalId", goalId);
    List<CodeEntry> needs = new ArrayList<>();
    for (CodeEntry e : codes.all(CodeList.NEED)) {
      if (e.active() || ownNeeds.contains(e.code())) {
        needs.add(e);
      }
    }
    model.addAttribute("needs", needs);
    model.addAttribute("statuses", GoalStatus.values());
    return "casework/goal-form";
  }

  // ---- steps ----

  @GetMapping("/cases/{id}/plan/goals/{goalId}/steps/new")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String newStep(@PathVariable UUID id, @PathVariable UUID goalId, Model model) {
    PlanGoal g = plans.goalToChange(id, goalId);
    model.addAttribute("stepForm", new StepForm());
    return stepForm(model, plans.requireChangeable(id), g, null);
  }

  @PostMapping("/cases/{id}/plan/goals/{goalId}/steps")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String addStep(
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @ModelAttribute("stepForm") StepForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    PlanGoal g = plans.goalToChange(id, goalId);
    CaseFile c = plans.requireChangeable(id);
    reject(errors, plans.problems(form.toDraft()));
    form.check(errors);
    String saved =
        save(
            id,
            errors,
            model,
            flash,
            "casework.plan.step.added",
            () -> plans.addStep(id, goalId, form.toDraft()),
            null);
    if (saved != null) {
      return saved;
    }
    return stepForm(model, c, g, null);
  }

  @GetMapping("/cases/{id}/plan/steps/{stepId}/edit")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String editStep(@PathVariable UUID id, @PathVariable UUID stepId, Model model) {
    PlanStep s = plans.stepToChange(id, stepId);
    model.addAttribute("stepForm", StepForm.of(s));
    return stepForm(model, plans.requireChangeable(id), plans.goalToChange(id, s.goalId()), s);
  }

  @PostMapping("/cases/{id}/plan/steps/{stepId}/edit")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String updateStep(
      @PathVariable UUID id,
      @PathVariable UUID stepId,
      @ModelAttribute("stepForm") StepForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    PlanStep current = plans.stepToChange(id, stepId);
    CaseFile c = plans.requireChangeable(id);
    if (form.getStatus() == null) {
      errors.rejectValue("status", "casework.plan.step.status.required");
    }
    reject(errors, plans.problems(form.toDraft()));
    form.check(errors);
    String saved =
        save(
            id,
            errors,
            model,
            flash,
            "casework.plan.step.changed",
            () ->
                plans.updateStep(
                    id, stepId, form.getVersion() == null ? -1 : form.getVersion(), form.toDraft()),
            form::setVersion);
    if (saved != null) {
      return saved;
    }
    return stepForm(model, c, plans.goalToChange(id, current.goalId()), current);
  }

  private String stepForm(Model model, CaseFile c, PlanGoal goal, PlanStep step) {
    model.addAttribute("view", headers.of(c));
    model.addAttribute("goal", goal);
    model.addAttribute("stepId", step == null ? null : step.id());
    model.addAttribute("owners", StepOwner.values());
    model.addAttribute("statuses", StepStatus.values());
    return "casework/step-form";
  }

  // ---- reviews ----

  @GetMapping("/cases/{id}/plan/goals/{goalId}/reviews/new")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String newReview(@PathVariable UUID id, @PathVariable UUID goalId, Model model) {
    PlanGoal g = plans.goalToChange(id, goalId);
    model.addAttribute("reviewForm", ReviewForm.today(LocalDate.now(ZoneId.of("Europe/London"))));
    return reviewForm(model, plans.requireChangeable(id), g);
  }

  @PostMapping("/cases/{id}/plan/goals/{goalId}/reviews")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String addReview(
      @PathVariable UUID id,
      @PathVariable UUID goalId,
      @ModelAttribute("reviewForm") ReviewForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    PlanGoal g = plans.goalToChange(id, goalId);
    CaseFile c = plans.requireChangeable(id);
    form.check(errors);
    reject(errors, plans.problems(form.toDraft()));
    String saved =
        save(
            id,
            errors,
            model,
            flash,
            "casework.plan.review.added",
            () -> plans.addReview(id, goalId, form.toDraft()),
            null);
    if (saved != null) {
      return saved;
    }
    return reviewForm(model, c, g);
  }

  private String reviewForm(Model model, CaseFile c, PlanGoal goal) {
    model.addAttribute("view", headers.of(c));
    model.addAttribute("goal", goal);
    return "casework/review-form";
  }

  /** A closed case's plan cannot change: back to the plan, saying why. */
  @ExceptionHandler(CaseNotOpenException.class)
  String closed(CaseNotOpenException e, HttpServletRequest request) {
    // Every address of this controller starts /cases/{id}/.
    String caseId = request.getRequestURI().split("/")[2];
    RequestContextUtils.getOutputFlashMap(request)
        .put("problem", pages.text("casework.plan.closed"));
    return "redirect:/cases/" + UUID.fromString(caseId) + "/plan";
  }

  private Map<String, String> needLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    codes.all(CodeList.NEED).forEach(e -> labels.put(e.code(), e.label()));
    return labels;
  }

  /**
   * Makes a plan change once the form shows no problems: back to the plan with a success banner.
   * Otherwise null, and the form is shown again with the problems; after someone else's change
   * (only edits can meet one) the form keeps what was typed and takes the current version, so
   * saving again is a deliberate choice.
   *
   * @param staleVersion takes the current version after a conflict; null for additions
   */
  private String save(
      UUID id,
      BindingResult errors,
      Model model,
      RedirectAttributes flash,
      String successKey,
      Runnable change,
      LongConsumer staleVersion) {
    if (errors.hasErrors()) {
      return null;
    }
    try {
      change.run();
      flash.addFlashAttribute("success", pages.text(successKey));
      return "redirect:/cases/" + id + "/plan";
    } catch (PlanValidationException e) {
      reject(errors, e.problems());
    } catch (PlanEditConflictException e) {
      if (staleVersion == null) {
        throw e;
      }
      errors.reject("casework.plan.version.stale");
      model.addAttribute("conflict", true);
      staleVersion.accept(e.currentVersion());
    }
    return null;
  }

  private static void reject(BindingResult errors, List<Problem> problems) {
    for (Problem p : problems) {
      if (!errors.hasFieldErrors(p.field())) {
        errors.rejectValue(p.field(), p.messageKey());
      }
    }
  }
}
