package org.waymark.research.web;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.CaseHeaders;
import org.waymark.casework.Casework;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.research.Participants;
import org.waymark.research.ResearchValidationException;

/**
 * From a case, the link worker passes the person on to a study at their PCN, with the person's
 * agreement to be contacted by the study team.
 */
@Controller
@RequiresPermission(Permission.WRITE_CASEWORK)
class CaseStudiesController {

  private final Casework casework;
  private final CaseHeaders headers;
  private final Participants participants;

  CaseStudiesController(Casework casework, CaseHeaders headers, Participants participants) {
    this.casework = casework;
    this.headers = headers;
    this.participants = participants;
  }

  @GetMapping("/cases/{id}/studies")
  String page(@PathVariable UUID id, Model model) {
    var c = casework.findWritable(id);
    model.addAttribute("caseFile", c);
    model.addAttribute("header", headers.of(c));
    model.addAttribute("studies", participants.studiesFor(id));
    if (!model.containsAttribute("problems")) {
      model.addAttribute("problems", java.util.Map.of());
    }
    return "research/case-studies";
  }

  @PostMapping("/cases/{id}/studies")
  String passOn(
      @PathVariable UUID id,
      @RequestParam(name = "studyId", required = false) UUID studyId,
      @RequestParam(name = "groupId", required = false) String groupId,
      @RequestParam(name = "agreed", required = false) String agreed,
      @RequestParam(name = "note", required = false) String note,
      Model model,
      RedirectAttributes flash) {
    if (studyId == null) {
      return "redirect:/cases/" + id + "/studies";
    }
    UUID group;
    try {
      group = groupId == null || groupId.isBlank() ? null : UUID.fromString(groupId);
    } catch (IllegalArgumentException e) {
      group = null;
    }
    try {
      String code = participants.passOn(id, studyId, group, "yes".equals(agreed), note);
      flash.addFlashAttribute(
          "success",
          "Passed on to the study team as participant " + code + ". They will contact the person.");
      return "redirect:/cases/" + id + "/studies";
    } catch (ResearchValidationException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute("failedStudy", studyId);
      return page(id, model);
    }
  }
}
