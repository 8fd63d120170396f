package org.waymark.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.AssessedNeed;
import org.waymark.casework.Assessment;
import org.waymark.casework.AssessmentConflictException;
import org.waymark.casework.CaseClosedException;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseRecordValidationException;
import org.waymark.casework.CaseRecords;
import org.waymark.casework.Casework;
import org.waymark.casework.HowItIsGoing;
import org.waymark.casework.Importance;
import org.waymark.casework.NewAssessment;
import org.waymark.casework.internal.CaseRecordReader;
import org.waymark.casework.internal.CaseRecordRules;
import org.waymark.casework.internal.UkTime;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;

/** The "what matters to me" assessment: the current one with its history, and a new version. */
@Controller
class AssessmentController {

  private final Casework casework;
  private final CaseRecords records;
  private final CaseRecordReader reader;
  private final CaseRecordRules rules;
  private final CasePages pages;
  private final CodeLists codes;

  AssessmentController(
      Casework casework,
      CaseRecords records,
      CaseRecordReader reader,
      CaseRecordRules rules,
      CasePages pages,
      CodeLists codes) {
    this.casework = casework;
    this.records = records;
    this.reader = reader;
    this.rules = rules;
    this.pages = pages;
    this.codes = codes;
  }

  /** One saved version as the page shows it. */
  record AssessmentView(
      int version,
      String assessedOn,
      String whatMatters,
      List<NeedRow> needs,
      String recordedBy,
      String recordedAt) {}

  static NeedRow row(AssessedNeed n, String label) {
    return new NeedRow(
        label,
        n.importance() == null ? null : n.importance().label(),
        n.going() == null ? null : n.going().label(),
        n.inTheirWords());
  }

  @GetMapping("/cases/{id}/assessment")
  @RequiresPermission(Permission.READ_CASEWORK)
  String view(@PathVariable UUID id, Model model) {
    CaseFile c = casework.find(id);
    pages.common(model, c);
    List<AssessmentView> versions = reader.assessments(c).stream().map(this::view).toList();
    model.addAttribute("current", versions.isEmpty() ? null : versions.get(0));
    model.addAttribute(
        "previous", versions.size() > 1 ? versions.subList(1, versions.size()) : List.of());
    model.addAttribute("pageTitle", "What matters to me");
    return "casework/assessment";
  }

  @GetMapping("/cases/{id}/assessment/edit")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String edit(@PathVariable UUID id, Model model, RedirectAttributes flash) {
    CaseFile c = pages.writable(id);
    if (!c.isOpen()) {
      return pages.closed(c, "assessment", flash);
    }
    Optional<Assessment> latest = reader.latestAssessment(c);
    AssessmentForm form = new AssessmentForm();
    form.setBasedOnVersion(latest.map(Assessment::version).orElse(0));
    form.setAssessedOn(UkTime.today());
    form.setWhatMatters(latest.map(Assessment::whatMatters).orElse(null));
    Map<String, AssessedNeed> before = new LinkedHashMap<>();
    latest.ifPresent(a -> a.needs().forEach(n -> before.put(n.need(), n)));
    List<AssessmentForm.NeedAnswer> answers = new ArrayList<>();
    for (String need : needCodes(before.keySet())) {
      AssessedNeed n = before.get(need);
      answers.add(
          n == null
              ? new AssessmentForm.NeedAnswer(need, null, null, null)
              : new AssessmentForm.NeedAnswer(need, n.importance(), n.going(), n.inTheirWords()));
    }
    form.setNeeds(answers);
    model.addAttribute("assessmentForm", form);
    return form(model, c, null);
  }

  @PostMapping("/cases/{id}/assessment/edit")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String save(
      @PathVariable UUID id,
      @ModelAttribute("assessmentForm") AssessmentForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = pages.writable(id);
    if (!c.isOpen()) {
      return pages.closed(c, "assessment", flash);
    }
    form.check(errors);
    NewAssessment assessment = form.toAssessment();
    CasePages.reject(errors, rules.assessmentProblems(assessment, UkTime.today()));
    AssessmentView conflict = null;
    if (!errors.hasErrors()) {
      try {
        records.recordAssessment(id, form.getBasedOnVersion(), assessment);
        flash.addFlashAttribute("success", pages.text("casework.assessment.recorded"));
        return "redirect:/cases/" + id + "/assessment";
      } catch (CaseRecordValidationException e) {
        CasePages.reject(errors, e.problems());
      } catch (CaseClosedException e) {
        return pages.closed(c, "assessment", flash);
      } catch (AssessmentConflictException e) {
        // Keep what the user typed and show the assessment someone else saved meanwhile; saving
        // again, now on top of that version, is then a deliberate choice.
        errors.reject("casework.assessment.version.stale");
        conflict = view(e.current());
        form.setBasedOnVersion(e.current().version());
      }
    }
    CasePages.sortErrors(
        model, form, "assessmentForm", errors, List.of("assessedOn", "whatMatters", "needs"));
    return form(model, c, conflict);
  }

  /** The active need domains, then any no longer offered that the assessment being changed has. */
  private List<String> needCodes(java.util.Collection<String> kept) {
    List<String> needs =
        new ArrayList<>(codes.active(CodeList.NEED).stream().map(CodeEntry::code).toList());
    kept.stream().filter(k -> !needs.contains(k)).forEach(needs::add);
    return needs;
  }

  private AssessmentView view(Assessment a) {
    Map<UUID, String> names = new java.util.HashMap<>();
    return new AssessmentView(
        a.version(),
        UkTime.formatDate(a.assessedOn()),
        a.whatMatters(),
        a.needs().stream().map(n -> row(n, pages.needLabel(n.need()))).toList(),
        pages.name(names, a.recordedBy()),
        UkTime.formatDateTime(a.recordedAt()));
  }

  private String form(Model model, CaseFile c, AssessmentView conflict) {
    pages.common(model, c);
    Map<String, String> labels = new LinkedHashMap<>();
    for (CodeEntry e : codes.all(CodeList.NEED)) {
      labels.put(e.code(), e.label());
    }
    model.addAttribute("needLabels", labels);
    model.addAttribute("importances", Importance.values());
    model.addAttribute("goings", HowItIsGoing.values());
    model.addAttribute("conflict", conflict);
    model.addAttribute("pageTitle", "Record what matters to them");
    return "casework/assessment-form";
  }
}
