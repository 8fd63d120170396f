package org.waymark.research.web;

import static org.waymark.research.web.Forms.reject;
import static org.waymark.research.web.Forms.uuid;
import static org.waymark.research.web.Forms.version;
import static org.waymark.research.web.Forms.whole;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.research.ResearchValidationException;
import org.waymark.research.Studies;
import org.waymark.research.Study;
import org.waymark.research.StudyConflictException;
import org.waymark.research.StudyDetails;
import org.waymark.research.StudyRole;
import org.waymark.research.StudySetup;
import org.waymark.shared.web.DateInput;

/**
 * A researcher's studies and their set-up: details, team, sites, participant groups and targets,
 * work packages and their timed events. Each page is for members of the study; changes for those
 * whose role sets it up.
 */
@Controller
@RequiresPermission(Permission.RESEARCH)
class StudyController {

  /** A choice in a select. */
  record Option(String value, String label) {}

  private final Studies studies;
  private final org.waymark.research.Participants participants;

  StudyController(Studies studies, org.waymark.research.Participants participants) {
    this.studies = studies;
    this.participants = participants;
  }

  @GetMapping("/studies")
  String list(Model model) {
    model.addAttribute("studies", studies.mine());
    return "research/studies";
  }

  @GetMapping("/studies/new")
  String newStudy(Model model) {
    model.addAttribute("studyForm", new StudyForm());
    return "research/study-form";
  }

  @PostMapping("/studies")
  String create(
      @ModelAttribute("studyForm") StudyForm form, BindingResult errors, RedirectAttributes flash) {
    StudyDetails details = details(form, errors);
    if (errors.hasErrors()) {
      alsoCheck(details, null, errors);
    } else {
      try {
        Study study = studies.create(details);
        flash.addFlashAttribute("success", "Study started: " + study.title());
        return "redirect:/studies/" + study.id();
      } catch (ResearchValidationException e) {
        reject(errors, e);
      }
    }
    return "research/study-form";
  }

  @GetMapping("/studies/{id}")
  String study(@PathVariable UUID id, Model model) {
    StudySetup setup = studies.find(id);
    model.addAttribute("setup", setup);
    model.addAttribute("study", setup.study());
    model.addAttribute("mayChange", setup.myRole().setsUp());
    Map<UUID, String> eventNames = new LinkedHashMap<>();
    setup.events().forEach(e -> eventNames.put(e.id(), e.name()));
    model.addAttribute("eventNames", eventNames);
    java.util.Set<UUID> withPhotos = new java.util.HashSet<>();
    setup
        .team()
        .forEach(m -> studies.photo(id, m.userId()).ifPresent(p -> withPhotos.add(m.userId())));
    model.addAttribute("withPhotos", withPhotos);
    model.addAttribute("documents", participants.documents(id));
    Map<UUID, String> groupNames = new LinkedHashMap<>();
    setup.groups().forEach(g -> groupNames.put(g.id(), g.name()));
    model.addAttribute("groupNames", groupNames);
    model.addAttribute(
        "siteOrganisations",
        studies.siteOrganisations().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    o -> o.id(), o -> o.name(), (a, b) -> a, LinkedHashMap::new)));
    return "research/study";
  }

  @GetMapping("/studies/{id}/edit")
  String edit(@PathVariable UUID id, Model model) {
    StudySetup setup = studies.find(id);
    Study s = setup.study();
    StudyForm form = new StudyForm();
    form.setVersion(Long.toString(s.version()));
    form.setTitle(s.title());
    form.setShortName(s.shortName());
    form.setSummary(s.summary());
    form.setFunder(s.funder());
    form.setGrantNumber(s.grantNumber());
    form.setSponsor(s.sponsor());
    form.setEthicsReference(s.ethicsReference());
    form.setContactEmail(s.contactEmail());
    form.setContactPhone(s.contactPhone());
    DateInput starts = DateInput.of(s.startsOn());
    form.setStartsOnDay(starts.day());
    form.setStartsOnMonth(starts.month());
    form.setStartsOnYear(starts.year());
    DateInput ends = DateInput.of(s.endsOn());
    form.setEndsOnDay(ends.day());
    form.setEndsOnMonth(ends.month());
    form.setEndsOnYear(ends.year());
    model.addAttribute("studyForm", form);
    model.addAttribute("study", s);
    return "research/study-form";
  }

  @PostMapping("/studies/{id}")
  String update(
      @PathVariable UUID id,
      @ModelAttribute("studyForm") StudyForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    Study current = studies.find(id).study();
    model.addAttribute("study", current);
    StudyDetails details = details(form, errors);
    if (errors.hasErrors()) {
      alsoCheck(details, id, errors);
    } else {
      try {
        studies.update(id, version(form.getVersion()), details);
        flash.addFlashAttribute("success", "Study details saved");
        return "redirect:/studies/" + id;
      } catch (ResearchValidationException e) {
        reject(errors, e);
      } catch (StudyConflictException e) {
        model.addAttribute(
            "problem",
            "Someone else changed the study's details while you were editing. The page now shows"
                + " their version: make your changes again.");
        return edit(id, model);
      }
    }
    return "research/study-form";
  }

  @GetMapping("/studies/{id}/team/new")
  String newMember(@PathVariable UUID id, Model model) {
    return memberPage(id, new MemberForm(), model);
  }

  private String memberPage(UUID id, MemberForm form, Model model) {
    StudySetup setup = studies.find(id);
    model.addAttribute("study", setup.study());
    model.addAttribute("memberForm", form);
    model.addAttribute(
        "candidates",
        studies.candidates(id).stream()
            .map(u -> new Option(u.id().toString(), u.displayName() + " (" + u.email() + ")"))
            .toList());
    model.addAttribute("roles", StudyRole.values());
    return "research/member-form";
  }

  @PostMapping("/studies/{id}/team")
  String addMember(
      @PathVariable UUID id,
      @ModelAttribute("memberForm") MemberForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    try {
      studies.putMember(
          id, uuid(form.getUserId()), role(form.getRole()), form.getJobTitle(), form.getProfile());
      flash.addFlashAttribute("success", "Team member added");
      return "redirect:/studies/" + id;
    } catch (ResearchValidationException e) {
      reject(errors, e);
      return memberPage(id, form, model);
    }
  }

  @PostMapping("/studies/{id}/team/{userId}/remove")
  String removeMember(
      @PathVariable UUID id, @PathVariable UUID userId, Model model, RedirectAttributes flash) {
    try {
      studies.removeMember(id, userId);
      flash.addFlashAttribute("success", "Team member removed");
    } catch (ResearchValidationException e) {
      flash.addFlashAttribute("problem", e.problems().values().iterator().next());
    }
    return "redirect:/studies/" + id;
  }

  @GetMapping("/studies/{id}/team/{userId}/photo")
  org.springframework.http.ResponseEntity<byte[]> photo(
      @PathVariable UUID id, @PathVariable UUID userId) {
    return studies
        .photo(id, userId)
        .map(
            p ->
                org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType(p.contentType()))
                    .header("Cache-Control", "private, no-store")
                    .body(p.bytes()))
        .orElseThrow(() -> new org.waymark.shared.RecordNotFoundException("photo"));
  }

  @GetMapping("/studies/{id}/team/{userId}/photo/edit")
  String photoForm(@PathVariable UUID id, @PathVariable UUID userId, Model model) {
    StudySetup setup = studies.find(id);
    var member =
        setup.team().stream()
            .filter(m -> m.userId().equals(userId))
            .findFirst()
            .orElseThrow(() -> new org.waymark.shared.RecordNotFoundException("team member"));
    model.addAttribute("study", setup.study());
    model.addAttribute("member", member);
    model.addAttribute("hasPhoto", studies.photo(id, userId).isPresent());
    if (!model.containsAttribute("photoProblem")) {
      model.addAttribute("photoProblem", null);
    }
    return "research/member-photo";
  }

  @PostMapping("/studies/{id}/team/{userId}/photo")
  String setPhoto(
      @PathVariable UUID id,
      @PathVariable UUID userId,
      @RequestParam(name = "photo", required = false)
          org.springframework.web.multipart.MultipartFile photo,
      @RequestParam(name = "remove", required = false) String remove,
      Model model,
      RedirectAttributes flash) {
    try {
      byte[] bytes = "yes".equals(remove) || photo == null ? null : photo.getBytes();
      if (!"yes".equals(remove) && (bytes == null || bytes.length == 0)) {
        model.addAttribute("photoProblem", "Choose a photo to upload");
        return photoForm(id, userId, model);
      }
      studies.setPhoto(id, userId, bytes);
      flash.addFlashAttribute("success", "yes".equals(remove) ? "Photo removed" : "Photo saved");
      return "redirect:/studies/" + id;
    } catch (ResearchValidationException e) {
      model.addAttribute("photoProblem", e.problems().get("photo"));
      return photoForm(id, userId, model);
    } catch (java.io.IOException e) {
      model.addAttribute("photoProblem", "The photo could not be read: try again");
      return photoForm(id, userId, model);
    }
  }

  @GetMapping("/studies/{id}/sites/new")
  String newSite(@PathVariable UUID id, Model model) {
    return sitePage(id, new SiteForm(), model);
  }

  private String sitePage(UUID id, SiteForm form, Model model) {
    model.addAttribute("study", studies.find(id).study());
    model.addAttribute("siteForm", form);
    List<Option> options = new java.util.ArrayList<>();
    options.add(new Option("", "Not an organisation in Waymark"));
    studies
        .siteOrganisations()
        .forEach(
            o ->
                options.add(
                    new Option(o.id().toString(), o.name() + " (" + o.type().label() + ")")));
    model.addAttribute("organisations", options);
    return "research/site-form";
  }

  @PostMapping("/studies/{id}/sites")
  String addSite(
      @PathVariable UUID id,
      @ModelAttribute("siteForm") SiteForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    try {
      studies.addSite(id, form.getCode(), form.getName(), uuid(form.getSiteOrganisationId()));
      flash.addFlashAttribute("success", "Site added");
      return "redirect:/studies/" + id;
    } catch (ResearchValidationException e) {
      reject(errors, e);
      return sitePage(id, form, model);
    }
  }

  @GetMapping("/studies/{id}/groups/new")
  String newGroup(@PathVariable UUID id, Model model) {
    model.addAttribute("study", studies.find(id).study());
    model.addAttribute("groupForm", new GroupForm());
    return "research/group-form";
  }

  @PostMapping("/studies/{id}/groups")
  String addGroup(
      @PathVariable UUID id,
      @ModelAttribute("groupForm") GroupForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    try {
      studies.addGroup(id, form.getCode(), form.getName());
      flash.addFlashAttribute("success", "Participant group added");
      return "redirect:/studies/" + id;
    } catch (ResearchValidationException e) {
      reject(errors, e);
      model.addAttribute("study", studies.find(id).study());
      return "research/group-form";
    }
  }

  @GetMapping("/studies/{id}/targets")
  String targets(@PathVariable UUID id, Model model) {
    StudySetup setup = studies.find(id);
    Map<String, String> values = new LinkedHashMap<>();
    setup
        .sites()
        .forEach(
            s ->
                setup
                    .groups()
                    .forEach(
                        g ->
                            values.put(
                                "target-" + s.id() + "-" + g.id(),
                                setup.target(s.id(), g.id()).map(String::valueOf).orElse(""))));
    return targetsPage(setup, values, Map.of(), model);
  }

  private String targetsPage(
      StudySetup setup, Map<String, String> values, Map<String, String> problems, Model model) {
    model.addAttribute("setup", setup);
    model.addAttribute("study", setup.study());
    model.addAttribute("values", values);
    model.addAttribute("problems", problems);
    return "research/targets";
  }

  @PostMapping("/studies/{id}/targets")
  String setTargets(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    StudySetup setup = studies.find(id);
    Map<UUID, Map<UUID, String>> targets = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    setup
        .sites()
        .forEach(
            s ->
                setup
                    .groups()
                    .forEach(
                        g -> {
                          String field = "target-" + s.id() + "-" + g.id();
                          String v = form.getOrDefault(field, "");
                          values.put(field, v);
                          targets
                              .computeIfAbsent(s.id(), k -> new LinkedHashMap<>())
                              .put(g.id(), v);
                        }));
    try {
      studies.setTargets(id, targets);
      flash.addFlashAttribute("success", "Recruitment targets saved");
      return "redirect:/studies/" + id;
    } catch (ResearchValidationException e) {
      return targetsPage(setup, values, e.problems(), model);
    }
  }

  @GetMapping("/studies/{id}/work-packages/new")
  String newWorkPackage(@PathVariable UUID id, Model model) {
    model.addAttribute("study", studies.find(id).study());
    model.addAttribute("workPackageForm", new WorkPackageForm());
    return "research/work-package-form";
  }

  @PostMapping("/studies/{id}/work-packages")
  String addWorkPackage(
      @PathVariable UUID id,
      @ModelAttribute("workPackageForm") WorkPackageForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    LocalDate starts =
        optionalDate(
            form.getStartsOnDay(),
            form.getStartsOnMonth(),
            form.getStartsOnYear(),
            "startsOn",
            errors);
    LocalDate ends =
        optionalDate(
            form.getEndsOnDay(), form.getEndsOnMonth(), form.getEndsOnYear(), "endsOn", errors);
    if (!errors.hasErrors()) {
      try {
        studies.addWorkPackage(
            id, form.getCode(), form.getTitle(), form.getDescription(), starts, ends);
        flash.addFlashAttribute("success", "Work package added");
        return "redirect:/studies/" + id;
      } catch (ResearchValidationException e) {
        reject(errors, e);
      }
    }
    model.addAttribute("study", studies.find(id).study());
    return "research/work-package-form";
  }

  @GetMapping("/studies/{id}/work-packages/{wp}/events/new")
  String newEvent(@PathVariable UUID id, @PathVariable UUID wp, Model model) {
    return eventPage(id, wp, new EventForm(), model);
  }

  private String eventPage(UUID id, UUID wp, EventForm form, Model model) {
    StudySetup setup = studies.find(id);
    var workPackage =
        setup.workPackages().stream()
            .filter(w -> w.id().equals(wp))
            .findFirst()
            .orElseThrow(() -> new org.waymark.shared.RecordNotFoundException("work package"));
    model.addAttribute("study", setup.study());
    model.addAttribute("workPackage", workPackage);
    model.addAttribute("eventForm", form);
    List<Option> anchors = new java.util.ArrayList<>();
    anchors.add(new Option("", "The participant's enrolment"));
    setup.events().forEach(e -> anchors.add(new Option(e.id().toString(), e.name())));
    model.addAttribute("anchors", anchors);
    return "research/event-form";
  }

  @PostMapping("/studies/{id}/work-packages/{wp}/events")
  String addEvent(
      @PathVariable UUID id,
      @PathVariable UUID wp,
      @ModelAttribute("eventForm") EventForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    try {
      studies.addEvent(
          id,
          wp,
          form.getName(),
          uuid(form.getAfterEventId()),
          whole(form.getFromMonths()),
          whole(form.getToMonths()));
      flash.addFlashAttribute("success", "Event added");
      return "redirect:/studies/" + id;
    } catch (ResearchValidationException e) {
      reject(errors, e);
      return eventPage(id, wp, form, model);
    }
  }

  /** The rest of the form's problems, when a date already has one. */
  private void alsoCheck(StudyDetails details, UUID studyId, BindingResult errors) {
    try {
      studies.check(details, studyId);
    } catch (ResearchValidationException e) {
      reject(errors, e);
    }
  }

  private static StudyDetails details(StudyForm f, BindingResult errors) {
    LocalDate starts =
        optionalDate(
            f.getStartsOnDay(), f.getStartsOnMonth(), f.getStartsOnYear(), "startsOn", errors);
    LocalDate ends =
        optionalDate(f.getEndsOnDay(), f.getEndsOnMonth(), f.getEndsOnYear(), "endsOn", errors);
    return new StudyDetails(
        f.getTitle(),
        f.getShortName(),
        f.getSummary(),
        f.getFunder(),
        f.getGrantNumber(),
        f.getSponsor(),
        f.getEthicsReference(),
        f.getContactEmail(),
        f.getContactPhone(),
        starts,
        ends);
  }

  /** A date that may be left out; a part-filled or impossible one is an error. */
  private static LocalDate optionalDate(
      String day, String month, String year, String field, BindingResult errors) {
    DateInput input = new DateInput(day, month, year);
    if (input.isBlank()) {
      return null;
    }
    String problem = input.problem();
    if (problem != null) {
      errors.rejectValue(
          field,
          "date." + problem,
          switch (problem) {
            case "missingDay" -> "The date must include a day";
            case "missingMonth" -> "The date must include a month";
            case "missingYear" -> "The date must include a year";
            default -> "Enter a real date, for example 1 4 2026";
          });
      return null;
    }
    return input.toDate();
  }

  private static StudyRole role(String s) {
    try {
      return s == null || s.isBlank() ? null : StudyRole.valueOf(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
