package org.waymark.research.web;

import static org.waymark.research.web.Forms.date;
import static org.waymark.research.web.Forms.decimal;
import static org.waymark.research.web.Forms.parse;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.research.Governance;
import org.waymark.research.MeetingFormat;
import org.waymark.research.MeetingKind;
import org.waymark.research.OutputKind;
import org.waymark.research.ResearchValidationException;
import org.waymark.research.Studies;

/** Meetings with their decisions and actions, public involvement, and outputs. */
@Controller
@RequiresPermission(Permission.RESEARCH)
class GovernanceController {

  private final Studies studies;
  private final Governance governance;

  GovernanceController(Studies studies, Governance governance) {
    this.studies = studies;
    this.governance = governance;
  }

  @GetMapping("/studies/{id}/meetings")
  String meetings(@PathVariable UUID id, Model model) {
    return meetingsPage(id, Map.of(), Map.of(), model);
  }

  private String meetingsPage(
      UUID id, Map<String, String> problems, Map<String, String> values, Model model) {
    model.addAttribute("study", studies.find(id).study());
    model.addAttribute("meetings", governance.meetings(id));
    model.addAttribute("kinds", MeetingKind.values());
    model.addAttribute("formats", MeetingFormat.values());
    model.addAttribute("problems", problems);
    model.addAttribute("values", values);
    return "research/meetings";
  }

  @PostMapping("/studies/{id}/meetings")
  String recordMeeting(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    try {
      governance.recordMeeting(
          id,
          parse(MeetingKind.class, form.get("kind")),
          date(form, "heldOn"),
          parse(MeetingFormat.class, form.get("format")),
          form.get("attendees"),
          form.get("topics"),
          form.get("decisions"));
      flash.addFlashAttribute("success", "Meeting recorded");
      return "redirect:/studies/" + id + "/meetings";
    } catch (ResearchValidationException e) {
      return meetingsPage(id, e.problems(), form, model);
    }
  }

  @PostMapping("/studies/{id}/meetings/{mid}/actions")
  String addAction(
      @PathVariable UUID id,
      @PathVariable UUID mid,
      @RequestParam Map<String, String> form,
      RedirectAttributes flash) {
    try {
      governance.addAction(
          id, mid, form.get("description"), form.get("owner"), date(form, "dueOn"));
      flash.addFlashAttribute("success", "Action added");
    } catch (ResearchValidationException e) {
      flash.addFlashAttribute("problem", String.join(" ", e.problems().values()));
    }
    return "redirect:/studies/" + id + "/meetings#meeting-" + mid;
  }

  @PostMapping("/studies/{id}/actions/{aid}/done")
  String completeAction(@PathVariable UUID id, @PathVariable UUID aid, RedirectAttributes flash) {
    governance.completeAction(id, aid);
    flash.addFlashAttribute("success", "Action marked done");
    return "redirect:/studies/" + id + "/meetings";
  }

  @GetMapping("/studies/{id}/involvement")
  String involvement(@PathVariable UUID id, Model model) {
    return involvementPage(id, Map.of(), Map.of(), model);
  }

  private String involvementPage(
      UUID id, Map<String, String> problems, Map<String, String> values, Model model) {
    model.addAttribute("study", studies.find(id).study());
    model.addAttribute("involvement", governance.involvement(id));
    model.addAttribute("problems", problems);
    model.addAttribute("values", values);
    return "research/involvement";
  }

  @PostMapping("/studies/{id}/involvement")
  String recordInvolvement(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    BigDecimal hours = decimal(form.get("hours"));
    Integer pence = null;
    String payment = form.get("payment");
    boolean badPayment = false;
    if (payment != null && !payment.isBlank()) {
      BigDecimal pounds = decimal(payment.replace("£", "").replace(",", ""));
      if (pounds == null || pounds.scale() > 2) {
        badPayment = true;
      } else {
        pence = pounds.movePointRight(2).intValueExact();
      }
    }
    if ((form.get("hours") != null && !form.get("hours").isBlank() && hours == null)
        || badPayment) {
      Map<String, String> problems = new java.util.LinkedHashMap<>();
      if (badPayment) {
        problems.put(
            "payment", "Enter the payment in pounds, for example 25.00, or leave it empty");
      }
      if (hours == null && form.get("hours") != null && !form.get("hours").isBlank()) {
        problems.put("hours", "Enter the hours, for example 2.5, or leave it empty");
      }
      return involvementPage(id, problems, form, model);
    }
    try {
      governance.recordInvolvement(
          id,
          form.get("contributor"),
          form.get("activity"),
          date(form, "tookPlaceOn"),
          hours,
          pence);
      flash.addFlashAttribute("success", "Involvement recorded");
      return "redirect:/studies/" + id + "/involvement";
    } catch (ResearchValidationException e) {
      return involvementPage(id, e.problems(), form, model);
    }
  }

  @GetMapping("/studies/{id}/outputs")
  String outputs(@PathVariable UUID id, Model model) {
    return outputsPage(id, Map.of(), Map.of(), model);
  }

  private String outputsPage(
      UUID id, Map<String, String> problems, Map<String, String> values, Model model) {
    model.addAttribute("study", studies.find(id).study());
    model.addAttribute("outputs", governance.outputs(id));
    model.addAttribute("kinds", OutputKind.values());
    model.addAttribute("problems", problems);
    model.addAttribute("values", values);
    return "research/outputs";
  }

  @PostMapping("/studies/{id}/outputs")
  String recordOutput(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    try {
      governance.recordOutput(
          id,
          parse(OutputKind.class, form.get("kind")),
          form.get("title"),
          form.get("authors"),
          date(form, "publishedOn"),
          form.get("link"));
      flash.addFlashAttribute("success", "Output recorded");
      return "redirect:/studies/" + id + "/outputs";
    } catch (ResearchValidationException e) {
      return outputsPage(id, e.problems(), form, model);
    }
  }
}
