package org.waymark.casework.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseConnections;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseHeaders;
import org.waymark.casework.CaseNotOpenException;
import org.waymark.casework.CodedEntry;
import org.waymark.casework.Discharge;
import org.waymark.casework.DischargeDraft;
import org.waymark.casework.PlanEditConflictException;
import org.waymark.casework.PlanValidationException;
import org.waymark.casework.PlanValidationException.Problem;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.referral.ReferralConflictException;
import org.waymark.shared.Paragraphs;

/**
 * Closing a case: choose the reason (and write next steps), edit the discharge summary generated
 * from the case, preview it, confirm. A closed case's page shows the summary that was sent.
 */
@Controller
@RequiresPermission(Permission.WRITE_CASEWORK)
class CaseClosureController {

  private static final String ALREADY_CLOSED = "This case is already closed.";

  private final CaseClosures closures;
  private final PlanHeaders headers;
  private final CaseHeaders caseHeaders;
  private final CodeLists codes;
  private final ObjectProvider<CaseConnections> connections;

  CaseClosureController(
      CaseClosures closures,
      PlanHeaders headers,
      CaseHeaders caseHeaders,
      CodeLists codes,
      ObjectProvider<CaseConnections> connections) {
    this.connections = connections;
    this.closures = closures;
    this.headers = headers;
    this.caseHeaders = caseHeaders;
    this.codes = codes;
  }

  @GetMapping("/cases/{id}/close")
  String start(@PathVariable UUID id, Model model) {
    CaseFile c = closures.caseToClose(id);
    if (!c.isOpen()) {
      return discharge(c, model);
    }
    ClosureForm form = new ClosureForm();
    form.setVersion(c.version());
    model.addAttribute("closureForm", form);
    return reasonPage(c, model);
  }

  @PostMapping("/cases/{id}/close")
  String draft(
      @PathVariable UUID id,
      @ModelAttribute("closureForm") ClosureForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = closures.caseToClose(id);
    if (!c.isOpen()) {
      return alreadyClosed(id, flash);
    }
    reject(errors, closures.problems(form.getClosureReason(), null));
    if (errors.hasErrors()) {
      return reasonPage(c, model);
    }
    DischargeDraft draft = closures.draft(id, form.getClosureReason(), form.getNextSteps());
    form.setSummary(draft.text());
    return summaryPage(c, draft.codes(), model);
  }

  @PostMapping("/cases/{id}/close/preview")
  String preview(
      @PathVariable UUID id,
      @ModelAttribute("closureForm") ClosureForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = closures.caseToClose(id);
    if (!c.isOpen()) {
      return alreadyClosed(id, flash);
    }
    reject(errors, closures.problems(form.getClosureReason(), orEmpty(form.getSummary())));
    if (errors.hasFieldErrors("closureReason")) {
      return reasonPage(c, model);
    }
    List<CodedEntry> coded = closures.draft(id, form.getClosureReason(), null).codes();
    if (errors.hasErrors()) {
      return summaryPage(c, coded, model);
    }
    model.addAttribute("view", headers.of(c));
    model.addAttribute(
        "reasonLabel", codes.label(CodeList.CLOSURE_REASON, form.getClosureReason()));
    model.addAttribute("blocks", Paragraphs.of(form.getSummary()));
    model.addAttribute("codes", coded);
    return "casework/close-preview";
  }

  @PostMapping("/cases/{id}/close/confirm")
  String confirm(
      @PathVariable UUID id,
      @ModelAttribute("closureForm") ClosureForm form,
      BindingResult errors,
      @RequestParam(name = "action", required = false) String action,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = closures.caseToClose(id);
    if (!c.isOpen()) {
      return alreadyClosed(id, flash);
    }
    reject(errors, closures.problems(form.getClosureReason(), orEmpty(form.getSummary())));
    if (errors.hasFieldErrors("closureReason")) {
      return reasonPage(c, model);
    }
    if (errors.hasErrors() || "change".equals(action)) {
      return summaryPage(c, closures.draft(id, form.getClosureReason(), null).codes(), model);
    }
    try {
      closures.close(
          id,
          form.getVersion() == null ? -1 : form.getVersion(),
          form.getClosureReason(),
          form.getSummary());
      flash.addFlashAttribute("success", "Case closed and discharge summary sent");
      return "redirect:/cases/" + id + "/close";
    } catch (PlanValidationException e) {
      reject(errors, e.problems());
    } catch (PlanEditConflictException e) {
      errors.reject("casework.closure.version.stale");
      model.addAttribute("conflict", true);
      form.setVersion(e.currentVersion());
    } catch (ReferralConflictException e) {
      errors.reject("casework.closure.referral.conflict");
      model.addAttribute("referralStatus", e.current().status().label().toLowerCase());
    } catch (CaseNotOpenException e) {
      return alreadyClosed(id, flash);
    }
    return summaryPage(c, closures.draft(id, form.getClosureReason(), null).codes(), model);
  }

  private String reasonPage(CaseFile c, Model model) {
    model.addAttribute("view", headers.of(c));
    model.addAttribute("reasons", codes.active(CodeList.CLOSURE_REASON));
    CaseConnections open = connections.getIfAvailable();
    model.addAttribute(
        "openConnections",
        open == null ? List.of() : open.openFor(c.organisationId(), c.referralId()));
    return "casework/close";
  }

  private String summaryPage(CaseFile c, List<CodedEntry> coded, Model model) {
    model.addAttribute("view", headers.of(c));
    model.addAttribute(
        "reasonLabel",
        codes.label(
            CodeList.CLOSURE_REASON,
            ((ClosureForm) model.getAttribute("closureForm")).getClosureReason()));
    model.addAttribute("codes", coded);
    return "casework/close-summary";
  }

  private String discharge(CaseFile c, Model model) {
    Discharge d = closures.discharge(c.id()).orElse(null);
    model.addAttribute("header", caseHeaders.of(c));
    model.addAttribute("caseFile", c);
    model.addAttribute("discharge", d);
    model.addAttribute("reasonLabel", codes.label(CodeList.CLOSURE_REASON, c.closureReason()));
    model.addAttribute("closedOn", LocalDate.ofInstant(c.closedAt(), ZoneId.of("Europe/London")));
    model.addAttribute("blocks", d == null ? List.of() : Paragraphs.of(d.summary()));
    return "casework/discharge";
  }

  private static String alreadyClosed(UUID id, RedirectAttributes flash) {
    flash.addFlashAttribute("problem", ALREADY_CLOSED);
    return "redirect:/cases/" + id + "/close";
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static void reject(BindingResult errors, List<Problem> problems) {
    for (Problem p : problems) {
      if (!errors.hasFieldErrors(p.field())) {
        errors.rejectValue(p.field(), p.messageKey());
      }
    }
  }
}
