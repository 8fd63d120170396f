package org.waymark.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import org.waymark.casework.Caseloads;
import org.waymark.casework.CaseworkValidationException;
import org.waymark.casework.LinkWorkerLoad;
import org.waymark.casework.Triage;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.DirectorySearchException;
import org.waymark.directory.ServiceMatch;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.person.DuplicateCandidate;
import org.waymark.person.Person;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralConflictException;
import org.waymark.referral.ReferralValidationException;
import org.waymark.referral.Referrals;
import org.waymark.shared.NeedDomain;
import org.waymark.shared.NhsNumber;

/**
 * The triage queue and the decision page: accept and allocate, decline with signposting, or ask the
 * referrer for more information. Each decision names the referral's version, so a second manager
 * deciding at the same time is told and nothing is overwritten.
 */
@Controller
class TriageController {

  private static final int SUGGESTIONS = 5;

  private final Referrals referrals;
  private final Triage triage;
  private final Caseloads caseloads;
  private final PersonManagement people;
  private final CodeLists codeLists;
  private final DirectorySearch directory;
  private final IdentityManagement identity;
  private final MessageSource messages;

  TriageController(
      Referrals referrals,
      Triage triage,
      Caseloads caseloads,
      PersonManagement people,
      CodeLists codeLists,
      DirectorySearch directory,
      IdentityManagement identity,
      MessageSource messages) {
    this.referrals = referrals;
    this.triage = triage;
    this.caseloads = caseloads;
    this.people = people;
    this.codeLists = codeLists;
    this.directory = directory;
    this.identity = identity;
    this.messages = messages;
  }

  /** One row of the queue. */
  record QueueRow(
      UUID id,
      String reference,
      String personName,
      String waiting,
      String received,
      boolean urgent,
      String urgency,
      List<String> needs,
      String source,
      String channel,
      String status,
      boolean informationRequested,
      boolean possibleDuplicate,
      boolean safeguarding) {}

  @GetMapping("/triage")
  @RequiresPermission(Permission.TRIAGE_REFERRALS)
  String queue(Model model) {
    List<Referral> waiting = referrals.awaitingTriage();
    Set<UUID> duplicates =
        waiting.isEmpty()
            ? Set.of()
            : people.withDuplicateCandidates(waiting.stream().map(Referral::personId).toList());
    Map<String, String> needs = labels(CodeList.NEED);
    Map<String, String> sources = labels(CodeList.REFERRAL_SOURCE);
    LocalDate today = Formats.today();
    List<QueueRow> rows = new ArrayList<>();
    for (Referral r : waiting) {
      rows.add(
          new QueueRow(
              r.id(),
              r.reference(),
              r.personName(),
              Formats.days(daysSince(r, today)),
              Formats.date(r.receivedAt()),
              r.urgency() == org.waymark.referral.Urgency.URGENT,
              r.urgency().label(),
              r.needs().stream().map(c -> needs.getOrDefault(c, c)).toList(),
              sources.getOrDefault(r.source(), r.source()),
              r.channel().label(),
              r.status().label(),
              r.status() == org.waymark.referral.ReferralStatus.INFORMATION_REQUESTED,
              duplicates.contains(r.personId()),
              r.safeguardingConcerns() != null && !r.safeguardingConcerns().isBlank()));
    }
    model.addAttribute("rows", rows);
    return "casework/triage-queue";
  }

  @GetMapping("/triage/{id}")
  @RequiresPermission(Permission.TRIAGE_REFERRALS)
  String decision(@PathVariable UUID id, Model model) {
    return page(model, referrals.find(id));
  }

  @PostMapping("/triage/{id}/accept")
  @RequiresPermission(Permission.TRIAGE_REFERRALS)
  String accept(
      @PathVariable UUID id,
      @ModelAttribute("acceptForm") AcceptForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    Referral r = referrals.find(id);
    UUID linkWorker = Formats.uuid(form.getLinkWorkerId());
    if (linkWorker == null) {
      errors.rejectValue("linkWorkerId", "casework.triage.linkWorker.invalid");
      return page(model, r);
    }
    try {
      triage.accept(id, Formats.version(form.getVersion()), linkWorker);
    } catch (CaseworkValidationException e) {
      errors.rejectValue(e.field(), e.messageKey());
      return page(model, r);
    } catch (ReferralConflictException e) {
      return stale(model, id, response);
    }
    String name = identity.user(linkWorker).map(u -> u.displayName()).orElse("the link worker");
    flash.addFlashAttribute("success", text("casework.triage.accepted", r.reference(), name));
    return "redirect:/triage";
  }

  @PostMapping("/triage/{id}/decline")
  @RequiresPermission(Permission.TRIAGE_REFERRALS)
  String decline(
      @PathVariable UUID id,
      @ModelAttribute("declineForm") DeclineForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    Referral r = referrals.find(id);
    String reason = form.getReason() == null ? "" : form.getReason().strip();
    if (reason.isEmpty()) {
      errors.rejectValue("reason", "casework.triage.decline.reason.required");
    } else if (reason.length() > 2000) {
      errors.rejectValue("reason", "casework.triage.decline.reason.tooLong");
    }
    String signposting = signposting(r, form, errors);
    if (errors.hasErrors()) {
      return page(model, r);
    }
    try {
      referrals.decline(id, Formats.version(form.getVersion()), reason, signposting);
    } catch (ReferralValidationException e) {
      e.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
      return page(model, r);
    } catch (ReferralConflictException e) {
      return stale(model, id, response);
    }
    flash.addFlashAttribute("success", text("casework.triage.declined", r.reference()));
    return "redirect:/triage";
  }

  @PostMapping("/triage/{id}/request-information")
  @RequiresPermission(Permission.TRIAGE_REFERRALS)
  String requestInformation(
      @PathVariable UUID id,
      @ModelAttribute("informationForm") InformationRequestForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    Referral r = referrals.find(id);
    String question = form.getQuestion() == null ? "" : form.getQuestion().strip();
    if (question.isEmpty()) {
      errors.rejectValue("question", "casework.triage.question.required");
    } else if (question.length() > 2000) {
      errors.rejectValue("question", "casework.triage.question.tooLong");
    }
    if (errors.hasErrors()) {
      return page(model, r);
    }
    try {
      referrals.requestInformation(id, Formats.version(form.getVersion()), question);
    } catch (ReferralValidationException e) {
      e.problems().forEach(p -> errors.rejectValue("question", p.messageKey()));
      return page(model, r);
    } catch (ReferralConflictException e) {
      return stale(model, id, response);
    }
    flash.addFlashAttribute("success", text("casework.triage.informationRequested", r.reference()));
    return "redirect:/triage";
  }

  /**
   * The signposting to save: the suggested service chosen (by its name and organisation), then
   * whatever the manager wrote. Null when neither.
   */
  private String signposting(Referral r, DeclineForm form, BindingResult errors) {
    String own = form.getSignposting() == null ? "" : form.getSignposting().strip();
    String chosen = null;
    UUID serviceId = Formats.uuid(form.getServiceId());
    if (form.getServiceId() != null && !form.getServiceId().isBlank()) {
      chosen =
          suggestions(r).stream()
              .filter(s -> s.id().equals(serviceId))
              .findFirst()
              .map(
                  s ->
                      s.organisationName() == null
                          ? s.name()
                          : s.name() + " (" + s.organisationName() + ")")
              .orElse(null);
      if (chosen == null) {
        errors.rejectValue("serviceId", "casework.triage.decline.service.invalid");
      }
    }
    String text =
        chosen == null ? own : own.isEmpty() ? chosen : chosen + System.lineSeparator() + own;
    if (text.length() > 2000) {
      errors.rejectValue("signposting", "casework.triage.decline.signposting.tooLong");
    }
    return text.isEmpty() ? null : text;
  }

  /** The page again after another decision came first: says so and shows the referral as it is. */
  private String stale(Model model, UUID id, HttpServletResponse response) {
    Referral now = referrals.find(id);
    model.addAttribute(
        "problem", text("casework.triage.stale", now.status().label().toLowerCase(Locale.UK)));
    // The forms now carry the current version; what was typed stays, so a deliberate second try
    // is possible when the referral is still waiting.
    response.setStatus(HttpStatus.CONFLICT.value());
    return page(model, now);
  }

  /** One row of the person comparison. */
  record PersonRow(String field, String referred, String stored, boolean differs) {}

  private String page(Model model, Referral r) {
    Map<String, String> needs = labels(CodeList.NEED);
    model.addAttribute("referral", r);
    model.addAttribute("needs", r.needs().stream().map(c -> needs.getOrDefault(c, c)).toList());
    model.addAttribute(
        "source", labels(CodeList.REFERRAL_SOURCE).getOrDefault(r.source(), r.source()));
    model.addAttribute("received", Formats.dateTime(r.receivedAt()));
    model.addAttribute("waiting", Formats.days(daysSince(r, Formats.today())));
    model.addAttribute("awaiting", r.status().awaitingTriage());
    Person stored = r.matchedByNhsNumber() ? people.find(r.personId()) : null;
    model.addAttribute("stored", stored);
    model.addAttribute("personRows", personRows(r.personAsReferred(), stored));
    List<DuplicateCandidate> duplicates = people.duplicateCandidates(r.personId());
    model.addAttribute("duplicates", duplicates);
    model.addAttribute("referrerOrganisation", organisationName(r.referrerOrganisationId()));
    if (r.status().awaitingTriage()) {
      List<LinkWorkerLoad> linkWorkers = caseloads.linkWorkersOf(r.organisationId());
      model.addAttribute("linkWorkers", linkWorkers);
      model.addAttribute("suggestions", suggestions(r));
    }
    if (!model.containsAttribute("acceptForm")) {
      model.addAttribute("acceptForm", new AcceptForm());
    }
    if (!model.containsAttribute("declineForm")) {
      model.addAttribute("declineForm", new DeclineForm());
    }
    if (!model.containsAttribute("informationForm")) {
      model.addAttribute("informationForm", new InformationRequestForm());
    }
    String version = Long.toString(r.version());
    ((AcceptForm) model.getAttribute("acceptForm")).setVersion(version);
    ((DeclineForm) model.getAttribute("declineForm")).setVersion(version);
    ((InformationRequestForm) model.getAttribute("informationForm")).setVersion(version);
    return "casework/triage-decision";
  }

  /** Directory services for the referral's needs near the person's postcode; empty if none fit. */
  private List<ServiceMatch> suggestions(Referral r) {
    Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
    for (String code : r.needs()) {
      for (NeedDomain d : NeedDomain.values()) {
        if (d.name().equals(code)) {
          domains.add(d);
        }
      }
    }
    if (domains.isEmpty()) {
      return List.of();
    }
    PersonDetails p = r.personAsReferred();
    Integer age =
        p.dateOfBirth() == null
            ? null
            : Period.between(p.dateOfBirth(), Formats.today()).getYears();
    try {
      return directory.suggestionsFor(domains, p.postcode(), age, SUGGESTIONS);
    } catch (DirectorySearchException e) {
      // A postcode the directory does not know: suggest by need alone.
      return directory.suggestionsFor(domains, null, age, SUGGESTIONS);
    }
  }

  private List<PersonRow> personRows(PersonDetails referred, Person stored) {
    PersonDetails s = stored == null ? null : stored.details();
    List<PersonRow> rows = new ArrayList<>();
    row(rows, "nhsNumber", nhs(referred.nhsNumber()), s == null ? null : nhs(s.nhsNumber()));
    row(rows, "givenName", referred.givenName(), s == null ? null : s.givenName());
    row(rows, "familyName", referred.familyName(), s == null ? null : s.familyName());
    row(
        rows,
        "dateOfBirth",
        Formats.longDate(referred.dateOfBirth()),
        s == null ? null : Formats.longDate(s.dateOfBirth()));
    row(
        rows,
        "sex",
        referred.sex() == null ? null : referred.sex().label(),
        s == null || s.sex() == null ? null : s.sex().label());
    row(rows, "addressLine1", referred.addressLine1(), s == null ? null : s.addressLine1());
    row(rows, "addressLine2", referred.addressLine2(), s == null ? null : s.addressLine2());
    row(rows, "town", referred.town(), s == null ? null : s.town());
    row(rows, "postcode", referred.postcode(), s == null ? null : s.postcode());
    row(rows, "phone", referred.phone(), s == null ? null : s.phone());
    row(rows, "mobile", referred.mobile(), s == null ? null : s.mobile());
    row(rows, "email", referred.email(), s == null ? null : s.email());
    row(
        rows,
        "registeredPracticeId",
        organisationName(referred.registeredPracticeId()),
        s == null ? null : organisationName(s.registeredPracticeId()));
    return rows;
  }

  private static void row(List<PersonRow> rows, String field, String referred, String stored) {
    String a = blankToNull(referred);
    String b = blankToNull(stored);
    rows.add(new PersonRow(field, a, b, !Objects.equals(a, b)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String nhs(String n) {
    if (n == null || n.isBlank()) {
      return null;
    }
    String digits = n.replaceAll("\\s", "");
    return NhsNumber.isValid(digits) ? NhsNumber.of(digits).formatted() : n;
  }

  private String organisationName(UUID id) {
    return id == null ? null : identity.organisation(id).map(Organisation::name).orElse(null);
  }

  private Map<String, String> labels(CodeList list) {
    Map<String, String> labels = new HashMap<>();
    for (CodeEntry e : codeLists.all(list)) {
      labels.put(e.code(), e.label());
    }
    return labels;
  }

  private static long daysSince(Referral r, LocalDate today) {
    return ChronoUnit.DAYS.between(r.receivedAt().atZone(Formats.ENGLAND).toLocalDate(), today);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, Locale.UK);
  }
}
