package org.waymark.research.web;

import static org.waymark.research.web.Forms.date;
import static org.waymark.research.web.Forms.decimal;
import static org.waymark.research.web.Forms.parse;
import static org.waymark.research.web.Forms.uuid;
import static org.waymark.research.web.Forms.version;
import static org.waymark.research.web.Forms.whole;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.UserAccount;
import org.waymark.research.DueEvent;
import org.waymark.research.Fieldwork;
import org.waymark.research.InterviewMode;
import org.waymark.research.Recording;
import org.waymark.research.ResearchValidationException;
import org.waymark.research.Studies;
import org.waymark.research.StudyConflictException;
import org.waymark.research.StudySetup;
import org.waymark.research.Transcript;

/** Observation periods, interviews, the events participants are due for, and retention. */
@Controller
@RequiresPermission(Permission.RESEARCH)
class FieldworkController {

  private final Studies studies;
  private final Fieldwork fieldwork;
  private final org.waymark.research.Governance governance;
  private final IdentityManagement identity;

  FieldworkController(
      Studies studies,
      Fieldwork fieldwork,
      org.waymark.research.Governance governance,
      IdentityManagement identity) {
    this.studies = studies;
    this.fieldwork = fieldwork;
    this.governance = governance;
    this.identity = identity;
  }

  @GetMapping("/studies/{id}/progress")
  String progress(@PathVariable UUID id, Model model) {
    var progress = fieldwork.progress(id, governance.meetings(id), governance.outputs(id));
    model.addAttribute("progress", progress);
    model.addAttribute("setup", progress.setup());
    model.addAttribute("study", progress.setup().study());
    return "research/progress";
  }

  @GetMapping("/studies/{id}/observations")
  String observations(@PathVariable UUID id, Model model) {
    return observationsPage(id, Map.of(), Map.of(), model);
  }

  private String observationsPage(
      UUID id, Map<String, String> problems, Map<String, String> values, Model model) {
    StudySetup setup = studies.find(id);
    model.addAttribute("setup", setup);
    model.addAttribute("study", setup.study());
    model.addAttribute("observations", fieldwork.observations(id));
    model.addAttribute("names", ParticipantController.names(setup));
    Map<UUID, String> people = new LinkedHashMap<>();
    setup.team().forEach(m -> people.put(m.userId(), m.name()));
    model.addAttribute("people", people);
    model.addAttribute("problems", problems);
    model.addAttribute("values", values);
    return "research/observations";
  }

  @PostMapping("/studies/{id}/observations")
  String recordObservation(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    try {
      fieldwork.recordObservation(
          id,
          uuid(form.get("siteId")),
          date(form, "startsOn"),
          date(form, "endsOn"),
          decimal(form.get("hours")),
          form.get("fieldNotes"));
      flash.addFlashAttribute("success", "Observation period recorded");
      return "redirect:/studies/" + id + "/observations";
    } catch (ResearchValidationException e) {
      return observationsPage(id, e.problems(), form, model);
    }
  }

  @PostMapping("/studies/{id}/participants/{pid}/interviews")
  String recordInterview(
      @PathVariable UUID id,
      @PathVariable UUID pid,
      @RequestParam Map<String, String> form,
      RedirectAttributes flash) {
    try {
      fieldwork.recordInterview(
          id,
          pid,
          uuid(form.get("eventId")),
          date(form, "heldOn"),
          parse(InterviewMode.class, form.get("mode")),
          whole(form.get("durationMinutes")),
          parse(Recording.class, form.get("recording")),
          parse(Transcript.class, form.get("transcript")));
      flash.addFlashAttribute("success", "Interview recorded");
    } catch (ResearchValidationException e) {
      flash.addFlashAttribute("interviewProblems", e.problems());
      flash.addFlashAttribute("interviewValues", form);
    }
    return "redirect:/studies/" + id + "/participants/" + pid + "#interviews";
  }

  @PostMapping("/studies/{id}/interviews/{iid}")
  String updateInterview(
      @PathVariable UUID id,
      @PathVariable UUID iid,
      @RequestParam Map<String, String> form,
      RedirectAttributes flash) {
    try {
      fieldwork.updateProgress(
          id,
          iid,
          version(form.get("version")),
          parse(Recording.class, form.get("recording")),
          parse(Transcript.class, form.get("transcript")),
          "yes".equals(form.get("analysed")));
      flash.addFlashAttribute("success", "Interview progress saved");
    } catch (ResearchValidationException e) {
      flash.addFlashAttribute("problem", String.join(" ", e.problems().values()));
    } catch (StudyConflictException e) {
      flash.addFlashAttribute(
          "problem", "Someone else changed that interview meanwhile: check it and try again.");
    }
    String back = form.get("participantId");
    return back != null && back.matches("[0-9a-f-]{36}")
        ? "redirect:/studies/" + id + "/participants/" + back + "#interviews"
        : "redirect:/studies/" + id + "/follow-ups";
  }

  @GetMapping("/studies/{id}/follow-ups")
  String followUps(@PathVariable UUID id, Model model) {
    StudySetup setup = studies.find(id);
    List<DueEvent> due = fieldwork.due(id);
    Map<DueEvent.State, List<DueEvent>> byState = new LinkedHashMap<>();
    for (DueEvent.State s :
        List.of(
            DueEvent.State.OVERDUE,
            DueEvent.State.DUE,
            DueEvent.State.MISSED,
            DueEvent.State.UPCOMING)) {
      byState.put(s, due.stream().filter(d -> d.state() == s).toList());
    }
    model.addAttribute("setup", setup);
    model.addAttribute("study", setup.study());
    model.addAttribute("byState", byState);
    model.addAttribute("retention", fieldwork.retention(id));
    model.addAttribute("today", fieldwork.today());
    return "research/follow-ups";
  }

  /** The team member's name for an interviewer or researcher id. */
  String name(UUID userId) {
    return identity.user(userId).map(UserAccount::displayName).orElse("Former member");
  }
}
