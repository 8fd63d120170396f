package org.waymark.research.web;

import static org.waymark.research.web.Forms.reject;
import static org.waymark.research.web.Forms.uuid;
import static org.waymark.research.web.Forms.version;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.research.ConsentDocument;
import org.waymark.research.ConsentItem;
import org.waymark.research.Participant;
import org.waymark.research.Participants;
import org.waymark.research.ResearchValidationException;
import org.waymark.research.Studies;
import org.waymark.research.StudyConflictException;
import org.waymark.research.StudySetup;
import org.waymark.research.Withdrawal;
import org.waymark.shared.web.DateInput;

/**
 * A study's participants, pseudonymised for the team and named for its data managers; consent
 * forms, consent and withdrawal.
 */
@Controller
@RequiresPermission(Permission.RESEARCH)
class ParticipantController {

  /** A choice in a select. */
  record Option(String value, String label) {}

  private final Studies studies;
  private final Participants participants;
  private final org.waymark.research.Fieldwork fieldwork;
  private final org.waymark.identity.IdentityManagement identity;
  private final org.waymark.research.Exports exports;

  ParticipantController(
      Studies studies,
      Participants participants,
      org.waymark.research.Fieldwork fieldwork,
      org.waymark.identity.IdentityManagement identity,
      org.waymark.research.Exports exports) {
    this.studies = studies;
    this.participants = participants;
    this.fieldwork = fieldwork;
    this.identity = identity;
    this.exports = exports;
  }

  @GetMapping("/studies/{id}/participants")
  String list(
      @PathVariable UUID id,
      @RequestParam(name = "withdrawn", required = false) String withdrawn,
      Model model) {
    StudySetup setup = studies.find(id);
    boolean dataManager = participants.seesIdentities(id);
    // Withdrawn participants drop out of the team's list; data managers may look them up.
    boolean showWithdrawn = dataManager && "show".equals(withdrawn);
    List<Participant> all = participants.list(id);
    model.addAttribute("setup", setup);
    model.addAttribute("study", setup.study());
    model.addAttribute(
        "participants",
        all.stream()
            .filter(
                p ->
                    showWithdrawn || p.status() != org.waymark.research.ParticipantStatus.WITHDRAWN)
            .toList());
    model.addAttribute(
        "withdrawnCount",
        all.stream()
            .filter(p -> p.status() == org.waymark.research.ParticipantStatus.WITHDRAWN)
            .count());
    model.addAttribute("showWithdrawn", showWithdrawn);
    model.addAttribute("names", names(setup));
    model.addAttribute("dataManager", dataManager);
    return "research/participants";
  }

  /** A date's three boxes as typed, or today's date when nothing was typed. */
  private static Map<String, String> dates(
      String field, DateInput today, Map<String, String> typed) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(field + "Day", typed.getOrDefault(field + "Day", today.day()));
    v.put(field + "Month", typed.getOrDefault(field + "Month", today.month()));
    v.put(field + "Year", typed.getOrDefault(field + "Year", today.year()));
    return v;
  }

  /** Site and group names by id, for showing a participant. */
  static Map<UUID, String> names(StudySetup setup) {
    Map<UUID, String> names = new LinkedHashMap<>();
    setup.sites().forEach(s -> names.put(s.id(), s.code() + " " + s.name()));
    setup.groups().forEach(g -> names.put(g.id(), g.name()));
    return names;
  }

  @GetMapping("/studies/{id}/participants/new")
  String newParticipant(@PathVariable UUID id, Model model) {
    return addPage(id, new ParticipantForm(), model);
  }

  private String addPage(UUID id, ParticipantForm form, Model model) {
    StudySetup setup = studies.find(id);
    model.addAttribute("study", setup.study());
    model.addAttribute("participantForm", form);
    model.addAttribute(
        "sites",
        setup.sites().stream()
            .map(s -> new Option(s.id().toString(), s.code() + " " + s.name()))
            .toList());
    model.addAttribute(
        "groups",
        setup.groups().stream().map(g -> new Option(g.id().toString(), g.name())).toList());
    return "research/participant-form";
  }

  @PostMapping("/studies/{id}/participants")
  String add(
      @PathVariable UUID id,
      @ModelAttribute("participantForm") ParticipantForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    try {
      Participant p =
          participants.add(
              id,
              uuid(form.getSiteId()),
              uuid(form.getGroupId()),
              form.getName(),
              form.getEmail(),
              form.getPhone(),
              form.getJobTitle());
      flash.addFlashAttribute("success", "Participant added as " + p.studyCode());
      return "redirect:/studies/" + id + "/participants/" + p.id();
    } catch (ResearchValidationException e) {
      reject(errors, e);
      return addPage(id, form, model);
    }
  }

  @GetMapping("/studies/{id}/participants/{pid}")
  String participant(@PathVariable UUID id, @PathVariable UUID pid, Model model) {
    StudySetup setup = studies.find(id);
    Participant p = participants.find(id, pid);
    model.addAttribute("setup", setup);
    model.addAttribute("study", setup.study());
    model.addAttribute("participant", p);
    model.addAttribute("names", names(setup));
    model.addAttribute("consents", participants.consents(id, pid));
    model.addAttribute("linked", exports.linkedRecords(id, pid).orElse(null));
    boolean dataManager = participants.seesIdentities(id);
    model.addAttribute("identity", dataManager ? participants.identity(id, pid) : null);
    List<ConsentDocument> forms =
        participants.documents(id).stream().filter(d -> d.appliesTo(p.groupId())).toList();
    model.addAttribute("forms", forms);
    if (!model.containsAttribute("consentProblems")) {
      model.addAttribute("consentProblems", Map.of());
    }
    DateInput today = DateInput.of(LocalDate.now(java.time.ZoneId.of("Europe/London")));
    model.addAttribute("today", today);
    var interviews = fieldwork.interviews(id, pid);
    model.addAttribute("interviews", interviews);
    Map<UUID, String> eventNames = new LinkedHashMap<>();
    setup.events().forEach(e -> eventNames.put(e.id(), e.name()));
    model.addAttribute("eventNames", eventNames);
    model.addAttribute(
        "openEvents",
        setup.events().stream()
            .filter(e -> interviews.stream().noneMatch(i -> i.eventId().equals(e.id())))
            .toList());
    Map<UUID, String> interviewers = new LinkedHashMap<>();
    interviews.forEach(
        i ->
            interviewers.put(
                i.interviewerId(),
                identity
                    .user(i.interviewerId())
                    .map(org.waymark.identity.UserAccount::displayName)
                    .orElse("Former member")));
    model.addAttribute("interviewers", interviewers);
    model.addAttribute("modes", org.waymark.research.InterviewMode.values());
    model.addAttribute("recordings", org.waymark.research.Recording.values());
    model.addAttribute("transcripts", org.waymark.research.Transcript.values());
    if (!model.containsAttribute("interviewProblems")) {
      model.addAttribute("interviewProblems", Map.of());
      model.addAttribute("interviewValues", Map.of());
    }
    model.addAttribute("consentDates", dates("consentedOn", today, Map.of()));
    @SuppressWarnings("unchecked")
    Map<String, String> typed = (Map<String, String>) model.getAttribute("interviewValues");
    model.addAttribute("interviewDates", dates("heldOn", today, typed));
    return "research/participant";
  }

  @PostMapping("/studies/{id}/participants/{pid}/consent")
  String consent(
      @PathVariable UUID id,
      @PathVariable UUID pid,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes flash) {
    Set<ConsentItem> agreed = EnumSet.noneOf(ConsentItem.class);
    for (String item : form.getOrDefault("agreed", List.of())) {
      try {
        agreed.add(ConsentItem.valueOf(item));
      } catch (IllegalArgumentException e) {
        // not an item: ignored
      }
    }
    LocalDate on =
        new DateInput(
                form.getFirst("consentedOnDay"),
                form.getFirst("consentedOnMonth"),
                form.getFirst("consentedOnYear"))
            .toDate();
    try {
      Participant p =
          participants.recordConsent(
              id,
              pid,
              version(form.getFirst("version")),
              uuid(form.getFirst("documentId")),
              on,
              agreed);
      flash.addFlashAttribute(
          "success", "Consent recorded: " + p.status().label().toLowerCase(java.util.Locale.UK));
      return "redirect:/studies/" + id + "/participants/" + pid;
    } catch (ResearchValidationException e) {
      model.addAttribute("consentProblems", e.problems());
      return participant(id, pid, model);
    } catch (StudyConflictException e) {
      model.addAttribute(
          "problem",
          "Someone else changed this participant while you were recording. Check the page and record the consent again.");
      return participant(id, pid, model);
    }
  }

  @GetMapping("/studies/{id}/participants/{pid}/withdraw")
  String withdrawPage(@PathVariable UUID id, @PathVariable UUID pid, Model model) {
    Participant p = participants.find(id, pid);
    WithdrawalForm form = new WithdrawalForm();
    form.setVersion(Long.toString(p.version()));
    return withdrawPage(id, p, form, model);
  }

  private String withdrawPage(UUID id, Participant p, WithdrawalForm form, Model model) {
    model.addAttribute("study", studies.find(id).study());
    model.addAttribute("participant", p);
    model.addAttribute("withdrawalForm", form);
    model.addAttribute("choices", Withdrawal.values());
    return "research/withdraw";
  }

  @PostMapping("/studies/{id}/participants/{pid}/withdraw")
  String withdraw(
      @PathVariable UUID id,
      @PathVariable UUID pid,
      @ModelAttribute("withdrawalForm") WithdrawalForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    Withdrawal w = null;
    try {
      w =
          form.getWithdrawal() == null || form.getWithdrawal().isBlank()
              ? null
              : Withdrawal.valueOf(form.getWithdrawal());
    } catch (IllegalArgumentException e) {
      w = null;
    }
    LocalDate on =
        new DateInput(
                form.getWithdrawnOnDay(), form.getWithdrawnOnMonth(), form.getWithdrawnOnYear())
            .toDate();
    try {
      participants.withdraw(id, pid, version(form.getVersion()), w, on, form.getNote());
      flash.addFlashAttribute(
          "success", "Withdrawal recorded. Nobody on the team will contact them again.");
      return "redirect:/studies/" + id + "/participants/" + pid;
    } catch (ResearchValidationException e) {
      reject(errors, e);
    } catch (StudyConflictException e) {
      model.addAttribute(
          "problem",
          "Someone else changed this participant while you were recording. Check and try again.");
    }
    return withdrawPage(id, participants.find(id, pid), form, model);
  }

  @GetMapping("/studies/{id}/consent-documents/new")
  String newDocument(@PathVariable UUID id, Model model) {
    return documentPage(id, Map.of(), Map.of(), model);
  }

  private String documentPage(
      UUID id, Map<String, String> problems, Map<String, Object> values, Model model) {
    StudySetup setup = studies.find(id);
    model.addAttribute("study", setup.study());
    model.addAttribute("groups", setup.groups());
    model.addAttribute("items", ConsentItem.values());
    model.addAttribute("problems", problems);
    model.addAttribute("values", values);
    return "research/consent-document-form";
  }

  @PostMapping("/studies/{id}/consent-documents")
  String addDocument(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes flash) {
    Set<ConsentItem> items = items(form.get("items"));
    Set<ConsentItem> essential = items(form.get("essential"));
    LocalDate approved =
        new DateInput(
                form.getFirst("approvedOnDay"),
                form.getFirst("approvedOnMonth"),
                form.getFirst("approvedOnYear"))
            .toDate();
    try {
      ConsentDocument d =
          participants.addDocument(
              id,
              uuid(form.getFirst("groupId")),
              form.getFirst("versionLabel"),
              approved,
              items,
              essential);
      flash.addFlashAttribute("success", "Consent form version " + d.versionLabel() + " added");
      return "redirect:/studies/" + id;
    } catch (ResearchValidationException e) {
      Map<String, Object> values = new LinkedHashMap<>(form.toSingleValueMap());
      values.put("items", items);
      values.put("essential", essential);
      return documentPage(id, e.problems(), values, model);
    }
  }

  private static Set<ConsentItem> items(List<String> values) {
    Set<ConsentItem> items = EnumSet.noneOf(ConsentItem.class);
    if (values != null) {
      for (String v : values) {
        try {
          items.add(ConsentItem.valueOf(v));
        } catch (IllegalArgumentException e) {
          // not an item: ignored
        }
      }
    }
    return items;
  }
}
