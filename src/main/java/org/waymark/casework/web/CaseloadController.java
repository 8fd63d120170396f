package org.waymark.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseStatus;
import org.waymark.casework.Caseload;
import org.waymark.casework.CaseloadEntry;
import org.waymark.casework.CaseloadQuery;
import org.waymark.casework.Caseloads;
import org.waymark.casework.Casework;
import org.waymark.casework.CaseworkConflictException;
import org.waymark.casework.CaseworkSettings;
import org.waymark.casework.CaseworkValidationException;
import org.waymark.casework.LinkWorkerLoad;
import org.waymark.casework.ServiceSettings;
import org.waymark.casework.WaitingList;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.person.PersonManagement;

/** Caseloads, the waiting list, reassigning a case and the service's casework settings. */
@Controller
class CaseloadController {

  private final Caseloads caseloads;
  private final Casework casework;
  private final CaseworkSettings settings;
  private final PersonManagement people;
  private final IdentityManagement identity;
  private final CodeLists codeLists;
  private final AccessPolicy access;
  private final MessageSource messages;

  CaseloadController(
      Caseloads caseloads,
      Casework casework,
      CaseworkSettings settings,
      PersonManagement people,
      IdentityManagement identity,
      CodeLists codeLists,
      AccessPolicy access,
      MessageSource messages) {
    this.caseloads = caseloads;
    this.casework = casework;
    this.settings = settings;
    this.people = people;
    this.identity = identity;
    this.codeLists = codeLists;
    this.access = access;
    this.messages = messages;
  }

  /** One case as a list shows it. */
  record Row(
      UUID caseId,
      String personName,
      String nhsNumber,
      String linkWorker,
      boolean open,
      String status,
      String referred,
      String opened,
      boolean awaitingFirstContact,
      String waiting,
      String firstContact,
      List<String> needs) {}

  @GetMapping("/caseload")
  @RequiresPermission(Permission.READ_CASEWORK)
  String caseload(
      @ModelAttribute("filter") CaseloadFilter filter, BindingResult errors, Model model) {
    WaymarkUser user = access.currentUser().orElseThrow();
    boolean manager = user.actingRole().orElseThrow() == Role.SERVICE_MANAGER;
    boolean team = manager || caseloads.teamCaseloadsVisible();
    List<LinkWorkerLoad> linkWorkers = team ? caseloads.linkWorkers() : List.of();
    Map<String, String> needs = labels(CodeList.NEED);

    UUID worker = Formats.uuid(filter.getWorker());
    CaseStatus status =
        switch (filter.getStatus() == null ? "open" : filter.getStatus()) {
          case "closed" -> CaseStatus.CLOSED;
          case "all" -> null;
          default -> CaseStatus.OPEN;
        };
    filter.setStatus(status == null ? "all" : status.name().toLowerCase(Locale.UK));
    String need = filter.getNeed() == null || filter.getNeed().isBlank() ? null : filter.getNeed();
    if (need != null && !needs.containsKey(need)) {
      errors.rejectValue("need", "casework.caseload.filter.need.invalid");
      need = null;
    }
    boolean awaiting = "true".equals(filter.getAwaiting());
    Caseload caseload = caseloads.caseload(new CaseloadQuery(worker, status, awaiting, need));
    if (!manager && worker == null) {
      filter.setWorker(user.userId().toString());
    }

    model.addAttribute("manager", manager);
    model.addAttribute("team", team);
    model.addAttribute("linkWorkers", linkWorkers);
    model.addAttribute("needOptions", codeLists.all(CodeList.NEED));
    model.addAttribute("caseload", caseload);
    model.addAttribute(
        "whose",
        caseload.linkWorkerId() == null
            ? "Every link worker"
            : caseload.linkWorkerId().equals(user.userId())
                ? "Your caseload"
                : name(linkWorkers, caseload.linkWorkerId()));
    model.addAttribute("rows", rows(caseload.entries(), linkWorkers, needs));
    return "casework/caseload";
  }

  @GetMapping("/waiting-list")
  @RequiresPermission(Permission.READ_CASEWORK)
  String waitingList(Model model) {
    WaitingList list = caseloads.waitingList();
    List<LinkWorkerLoad> linkWorkers = caseloads.linkWorkers();
    model.addAttribute("list", list);
    model.addAttribute("rows", rows(list.entries(), linkWorkers, labels(CodeList.NEED)));
    model.addAttribute("median", days(list.medianDays()));
    model.addAttribute("ninetieth", days(list.ninetiethPercentileDays()));
    return "casework/waiting-list";
  }

  @GetMapping("/cases/{id}/reassign")
  @RequiresPermission(Permission.MANAGE_CASEWORK)
  String reassignForm(@PathVariable UUID id, Model model) {
    CaseFile c = casework.find(id);
    ReassignForm form = new ReassignForm();
    model.addAttribute("reassignForm", form);
    return reassignPage(model, c, form);
  }

  @PostMapping("/cases/{id}/reassign")
  @RequiresPermission(Permission.MANAGE_CASEWORK)
  String reassign(
      @PathVariable UUID id,
      @ModelAttribute("reassignForm") ReassignForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    CaseFile c = casework.find(id);
    UUID worker = Formats.uuid(form.getLinkWorkerId());
    try {
      CaseFile moved =
          caseloads.reassign(id, Formats.version(form.getVersion()), worker, form.getReason());
      flash.addFlashAttribute(
          "success", text("casework.caseload.reassigned", userName(moved.linkWorkerId())));
      return "redirect:/caseload?worker=" + moved.linkWorkerId();
    } catch (CaseworkValidationException e) {
      errors.rejectValue(e.field(), e.messageKey());
      return reassignPage(model, c, form);
    } catch (CaseworkConflictException e) {
      CaseFile now = casework.find(id);
      model.addAttribute(
          "problem",
          now.isOpen()
              ? text("casework.caseload.reassign.stale", userName(now.linkWorkerId()))
              : text("casework.caseload.reassign.closed"));
      response.setStatus(HttpStatus.CONFLICT.value());
      return reassignPage(model, now, form);
    }
  }

  private String reassignPage(Model model, CaseFile c, ReassignForm form) {
    form.setVersion(Long.toString(c.version()));
    model.addAttribute("caseFile", c);
    model.addAttribute("person", people.find(c.personId()));
    model.addAttribute("holder", userName(c.linkWorkerId()));
    model.addAttribute(
        "linkWorkers",
        caseloads.linkWorkersOf(c.organisationId()).stream()
            .filter(w -> !w.userId().equals(c.linkWorkerId()))
            .toList());
    return "casework/reassign";
  }

  @GetMapping("/casework/settings")
  @RequiresPermission(Permission.MANAGE_CASEWORK)
  String settingsForm(Model model) {
    model.addAttribute("settingsForm", form(settings.current()));
    return "casework/settings";
  }

  @PostMapping("/casework/settings")
  @RequiresPermission(Permission.MANAGE_CASEWORK)
  String saveSettings(
      @ModelAttribute("settingsForm") SettingsForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    ServiceSettings current = settings.current();
    String team = form.getTeamCaseloadsVisible();
    if (!"true".equals(team) && !"false".equals(team)) {
      errors.rejectValue("teamCaseloadsVisible", "casework.settings.teamCaseloadsVisible.required");
    }
    Integer missed = null;
    try {
      missed =
          Integer.valueOf(
              form.getMissedContactsBeforeReview() == null
                  ? ""
                  : form.getMissedContactsBeforeReview().strip());
    } catch (NumberFormatException e) {
      errors.rejectValue("missedContactsBeforeReview", "casework.settings.missedContacts.invalid");
    }
    if (errors.hasErrors()) {
      return "casework/settings";
    }
    try {
      settings.change(Formats.version(form.getVersion()), Boolean.parseBoolean(team), missed);
    } catch (CaseworkValidationException e) {
      errors.rejectValue(e.field(), e.messageKey());
      return "casework/settings";
    } catch (CaseworkConflictException e) {
      model.addAttribute("problem", text("casework.settings.stale"));
      model.addAttribute("settingsForm", form(settings.current()));
      response.setStatus(HttpStatus.CONFLICT.value());
      return "casework/settings";
    }
    flash.addFlashAttribute("success", text("casework.settings.saved"));
    return "redirect:/casework/settings";
  }

  private static SettingsForm form(ServiceSettings s) {
    SettingsForm form = new SettingsForm();
    form.setVersion(Long.toString(s.version()));
    form.setTeamCaseloadsVisible(Boolean.toString(s.teamCaseloadsVisible()));
    form.setMissedContactsBeforeReview(Integer.toString(s.missedContactsBeforeReview()));
    return form;
  }

  private static List<Row> rows(
      List<CaseloadEntry> entries, List<LinkWorkerLoad> linkWorkers, Map<String, String> needs) {
    LocalDate today = Formats.today();
    return entries.stream()
        .map(
            e ->
                new Row(
                    e.caseId(),
                    e.personName(),
                    e.nhsNumber(),
                    name(linkWorkers, e.linkWorkerId()),
                    e.status() == CaseStatus.OPEN,
                    e.status().label(),
                    Formats.date(e.referredAt()),
                    Formats.date(e.openedAt()),
                    e.awaitingFirstContact(),
                    Formats.days(e.daysWaiting(today)),
                    Formats.date(e.firstContactAt()),
                    e.needs().stream().map(n -> needs.getOrDefault(n, n)).toList()))
        .toList();
  }

  private static String name(List<LinkWorkerLoad> linkWorkers, UUID id) {
    return linkWorkers.stream()
        .filter(w -> w.userId().equals(id))
        .map(LinkWorkerLoad::name)
        .findFirst()
        .orElse("A former link worker");
  }

  private String userName(UUID id) {
    return identity.user(id).map(u -> u.displayName()).orElse("a former link worker");
  }

  private static String days(Double d) {
    if (d == null) {
      return null;
    }
    return d == Math.rint(d)
        ? Formats.days(d.longValue())
        : String.format(Locale.UK, "%.1f days", d);
  }

  private Map<String, String> labels(CodeList list) {
    Map<String, String> labels = new HashMap<>();
    for (CodeEntry e : codeLists.all(list)) {
      labels.put(e.code(), e.label());
    }
    return labels;
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, Locale.UK);
  }
}
