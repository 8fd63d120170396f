package org.waymark.connection.web;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.AssessedNeed;
import org.waymark.casework.Assessment;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseHeaders;
import org.waymark.casework.CaseRecords;
import org.waymark.casework.Casework;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionText;
import org.waymark.connection.ConnectionValidationException;
import org.waymark.connection.Connections;
import org.waymark.connection.OnwardReferral;
import org.waymark.connection.SharedDetails;
import org.waymark.connection.Signpost;
import org.waymark.connection.Signposts;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.DirectorySearchException;
import org.waymark.directory.ReferralMethod;
import org.waymark.directory.ServiceDetails;
import org.waymark.directory.ServiceMatch;
import org.waymark.directory.ServiceSearch;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.notification.Channel;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.shared.NeedDomain;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.web.DateInput;

/**
 * A case's connections: the directory's suggestions for the person, signposting, onward referrals
 * (form, a preview of exactly what will be shared, sending) and the list of both.
 */
@Controller
class CaseConnectionsController {

  static final int SUGGESTIONS = 8;
  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Casework casework;
  private final CaseHeaders headers;
  private final CaseRecords records;
  private final Connections connections;
  private final Signposts signposts;
  private final DirectorySearch directory;
  private final PersonManagement people;
  private final Referrals referrals;
  private final CodeLists codes;
  private final MessageSource messages;

  CaseConnectionsController(
      Casework casework,
      CaseHeaders headers,
      CaseRecords records,
      Connections connections,
      Signposts signposts,
      DirectorySearch directory,
      PersonManagement people,
      Referrals referrals,
      CodeLists codes,
      MessageSource messages) {
    this.casework = casework;
    this.headers = headers;
    this.records = records;
    this.connections = connections;
    this.signposts = signposts;
    this.directory = directory;
    this.people = people;
    this.referrals = referrals;
    this.codes = codes;
    this.messages = messages;
  }

  /** One connection as the case page lists it. */
  record ConnectionRow(
      UUID id,
      String service,
      String sentOn,
      String status,
      String colour,
      String answerBy,
      boolean overdue,
      String method) {}

  /** One signpost as the case page lists it. */
  record SignpostRow(String service, String givenOn, String information) {}

  /** A suggested or found service, with what the link worker can do with it. */
  record Suggestion(
      UUID id,
      String name,
      String organisation,
      String reasons,
      boolean referable,
      boolean temporarilyClosed) {}

  @GetMapping("/cases/{id}/connections")
  @RequiresPermission(Permission.READ_CASEWORK)
  String list(
      @PathVariable UUID id, @RequestParam(name = "q", required = false) String q, Model model) {
    CaseFile c = casework.find(id);
    common(model, c);
    LocalDate today = LocalDate.now(LONDON);
    model.addAttribute(
        "connections",
        connections.forCase(id).stream()
            .map(
                x ->
                    new ConnectionRow(
                        x.id(),
                        x.serviceName(),
                        ConnectionText.date(x.requestedAt()),
                        x.status().label(),
                        x.status().colour(),
                        ConnectionText.answerBy(x.status(), x.answerDueOn()),
                        x.answerOverdue(today),
                        x.method().label()))
            .toList());
    model.addAttribute(
        "signposts",
        signposts.forCase(id).stream()
            .map(
                s ->
                    new SignpostRow(
                        s.serviceName(), ConnectionText.date(s.givenOn()), s.information()))
            .toList());
    boolean mayWrite = c.isOpen() && casework.mayWrite(c);
    model.addAttribute("mayWrite", mayWrite);
    if (mayWrite) {
      model.addAttribute("suggestions", suggestions(c));
      model.addAttribute("q", q == null ? "" : q.strip());
      if (q != null && !q.isBlank()) {
        model.addAttribute("found", found(q.strip()));
      }
    }
    model.addAttribute("pageTitle", "Connections");
    return "connection/case-connections";
  }

  @GetMapping("/cases/{id}/connections/new")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String newReferral(
      @PathVariable UUID id,
      @RequestParam("service") UUID serviceId,
      Model model,
      RedirectAttributes flash) {
    return withTarget(
        id,
        serviceId.toString(),
        flash,
        (c, target) -> {
          OnwardReferralForm form = new OnwardReferralForm();
          form.setServiceId(serviceId.toString());
          form.setContact(contactOf(people.find(c.personId()).details()));
          form.setNeeds(new ArrayList<>(caseNeeds(c, referrals.find(c.referralId()))));
          records
              .latestAssessment(c.id())
              .map(Assessment::whatMatters)
              .ifPresent(form::setWhatMatters);
          return referralForm(c, target, form, model);
        });
  }

  @PostMapping("/cases/{id}/connections/preview")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String preview(
      @PathVariable UUID id,
      @ModelAttribute("referralForm") OnwardReferralForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    return withTarget(
        id,
        form.getServiceId(),
        flash,
        (c, target) -> {
          try {
            SharedDetails shared = connections.preview(id, draft(form, target.service().id()));
            common(model, c);
            model.addAttribute("target", target);
            model.addAttribute("shared", shared);
            model.addAttribute("referralForm", form);
            model.addAttribute("pageTitle", "Check what will be shared");
            return "connection/referral-preview";
          } catch (ConnectionValidationException e) {
            reject(errors, e.problems());
            return referralForm(c, target, form, model);
          }
        });
  }

  /** Back from the preview to the form, with what was typed. */
  @PostMapping("/cases/{id}/connections/change")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String change(
      @PathVariable UUID id,
      @ModelAttribute("referralForm") OnwardReferralForm form,
      Model model,
      RedirectAttributes flash) {
    return withTarget(
        id, form.getServiceId(), flash, (c, target) -> referralForm(c, target, form, model));
  }

  @PostMapping("/cases/{id}/connections")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String send(
      @PathVariable UUID id,
      @ModelAttribute("referralForm") OnwardReferralForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    return withTarget(
        id,
        form.getServiceId(),
        flash,
        (c, target) -> {
          try {
            Connection sent = connections.refer(id, draft(form, target.service().id()));
            flash.addFlashAttribute(
                "success",
                text(
                    sent.method().answeredInWaymark()
                        ? "connection.referral.sent"
                        : "connection.referral.recorded"));
            return "redirect:/connections/" + sent.id();
          } catch (ConnectionValidationException e) {
            reject(errors, e.problems());
            return referralForm(c, target, form, model);
          }
        });
  }

  /**
   * A step of the referral form on a case the user may change that is still open, for a service
   * still taking referrals; otherwise back to the case's connections with the reason.
   */
  private String withTarget(
      UUID caseId,
      String serviceId,
      RedirectAttributes flash,
      BiFunction<CaseFile, Connections.Target, String> step) {
    CaseFile c = casework.findWritable(caseId);
    if (!c.isOpen()) {
      return closed(c, flash);
    }
    Connections.Target target = target(uuid(serviceId), flash);
    if (target == null) {
      return "redirect:/cases/" + caseId + "/connections";
    }
    return step.apply(c, target);
  }

  @GetMapping("/cases/{id}/signposts/new")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String newSignpost(
      @PathVariable UUID id,
      @RequestParam("service") UUID serviceId,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = casework.findWritable(id);
    if (!c.isOpen()) {
      return closed(c, flash);
    }
    SignpostForm form = new SignpostForm();
    form.setServiceId(serviceId.toString());
    DateInput today = DateInput.of(LocalDate.now(LONDON));
    form.setGivenOnDay(today.day());
    form.setGivenOnMonth(today.month());
    form.setGivenOnYear(today.year());
    return signpostForm(c, service(serviceId), form, model);
  }

  @PostMapping("/cases/{id}/signposts")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String recordSignpost(
      @PathVariable UUID id,
      @ModelAttribute("signpostForm") SignpostForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = casework.findWritable(id);
    if (!c.isOpen()) {
      return closed(c, flash);
    }
    UUID serviceId = uuid(form.getServiceId());
    ServiceDetails s = service(serviceId);
    DateInput given =
        new DateInput(form.getGivenOnDay(), form.getGivenOnMonth(), form.getGivenOnYear());
    if (given.problem() != null) {
      errors.rejectValue("givenOn", "connection.signpost.givenOn." + given.problem());
    }
    try {
      // With a date that is not a date, the other fields are still checked (and nothing is
      // written: a missing date is refused too), so every problem is listed at once.
      Signpost saved =
          signposts.record(
              id, serviceId, form.getInformation(), errors.hasErrors() ? null : given.toDate());
      flash.addFlashAttribute("success", text("connection.signpost.recorded"));
      return "redirect:/cases/" + saved.caseId() + "/connections";
    } catch (ConnectionValidationException e) {
      reject(errors, e.problems());
    }
    return signpostForm(c, s, form, model);
  }

  @GetMapping("/cases/{id}/what-we-agreed")
  @RequiresPermission(Permission.READ_CASEWORK)
  String whatWeAgreed(@PathVariable UUID id, Model model) {
    CaseFile c = casework.find(id);
    common(model, c);
    model.addAttribute("agreed", signposts.whatWeAgreed(id));
    model.addAttribute("channels", signposts.channelsFor(id));
    model.addAttribute("maySend", c.isOpen() && casework.mayWrite(c));
    model.addAttribute("pageTitle", "What we agreed");
    return "connection/what-we-agreed";
  }

  @PostMapping("/cases/{id}/what-we-agreed/send")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String sendWhatWeAgreed(
      @PathVariable UUID id,
      @RequestParam(name = "channel", required = false) String channel,
      RedirectAttributes flash) {
    Channel chosen = ConnectionController.parse(Channel.class, channel);
    try {
      signposts.sendWhatWeAgreed(id, chosen);
      flash.addFlashAttribute(
          "success",
          text(chosen == Channel.EMAIL ? "connection.agreed.emailed" : "connection.agreed.texted"));
    } catch (ConnectionValidationException e) {
      flash.addFlashAttribute("problem", text(e.problems().values().iterator().next()));
    }
    return "redirect:/cases/" + id + "/what-we-agreed";
  }

  /**
   * The service as a referral target, or null (with the reason as a banner for the next page) when
   * it takes no referrals now, for example because its holder paused them since the form was
   * opened.
   */
  private Connections.Target target(UUID serviceId, RedirectAttributes flash) {
    try {
      return connections.target(serviceId);
    } catch (ConnectionValidationException e) {
      flash.addFlashAttribute("problem", text(e.problems().values().iterator().next()));
      return null;
    }
  }

  private String signpostForm(CaseFile c, ServiceDetails s, SignpostForm form, Model model) {
    common(model, c);
    model.addAttribute("service", s);
    model.addAttribute("signpostForm", form);
    model.addAttribute("pageTitle", "Signpost to " + s.name());
    return "connection/signpost-form";
  }

  private String referralForm(
      CaseFile c, Connections.Target target, OnwardReferralForm form, Model model) {
    common(model, c);
    model.addAttribute("target", target);
    model.addAttribute("referralForm", form);
    model.addAttribute("needOptions", codes.active(CodeList.NEED));
    model.addAttribute("pageTitle", "Refer to " + target.service().name());
    return "connection/referral-form";
  }

  private void common(Model model, CaseFile c) {
    model.addAttribute("caseFile", c);
    model.addAttribute("header", headers.of(c));
  }

  private String closed(CaseFile c, RedirectAttributes flash) {
    flash.addFlashAttribute("problem", text("connection.case.closed"));
    return "redirect:/cases/" + c.id() + "/connections";
  }

  private ServiceDetails service(UUID id) {
    return directory.service(id).orElseThrow(() -> new RecordNotFoundException("service"));
  }

  private List<String> caseNeeds(CaseFile c, Referral r) {
    Set<String> needs = new LinkedHashSet<>(r.needs());
    records
        .latestAssessment(c.id())
        .ifPresent(
            a ->
                a.needs().stream()
                    .filter(AssessedNeed::isAnswered)
                    .map(AssessedNeed::need)
                    .forEach(needs::add));
    return List.copyOf(needs);
  }

  private List<Suggestion> suggestions(CaseFile c) {
    Referral r = referrals.find(c.referralId());
    Set<NeedDomain> domains = EnumSet.noneOf(NeedDomain.class);
    for (String code : caseNeeds(c, r)) {
      for (NeedDomain d : NeedDomain.values()) {
        if (d.name().equals(code)) {
          domains.add(d);
        }
      }
    }
    if (domains.isEmpty()) {
      return List.of();
    }
    PersonDetails p = people.find(c.personId()).details();
    Integer age =
        p.dateOfBirth() == null
            ? null
            : Period.between(p.dateOfBirth(), LocalDate.now(LONDON)).getYears();
    List<ServiceMatch> matches;
    try {
      matches = directory.suggestionsFor(domains, p.postcode(), age, SUGGESTIONS);
    } catch (DirectorySearchException e) {
      matches = directory.suggestionsFor(domains, null, age, SUGGESTIONS);
    }
    return matches.stream().map(this::suggestion).toList();
  }

  private List<Suggestion> found(String q) {
    try {
      return directory.search(ServiceSearch.everything().withText(q)).services().stream()
          .limit(SUGGESTIONS)
          .map(this::suggestion)
          .toList();
    } catch (DirectorySearchException e) {
      return List.of();
    }
  }

  private Suggestion suggestion(ServiceMatch m) {
    boolean referable =
        directory
            .service(m.id())
            .map(
                s ->
                    s.referralMethod() != ReferralMethod.SIGNPOST
                        && s.acceptingReferrals() == org.waymark.directory.AcceptingReferrals.YES)
            .orElse(false);
    return new Suggestion(
        m.id(), m.name(), m.organisationName(), m.reasonText(), referable, m.temporarilyClosed());
  }

  static String contactOf(PersonDetails p) {
    List<String> ways = new ArrayList<>();
    if (p.mobile() != null && !p.mobile().isBlank()) {
      ways.add("Mobile " + p.mobile());
    }
    if (p.phone() != null && !p.phone().isBlank()) {
      ways.add("Phone " + p.phone());
    }
    if (p.email() != null && !p.email().isBlank()) {
      ways.add("Email " + p.email());
    }
    return String.join(", ", ways);
  }

  private static OnwardReferral draft(OnwardReferralForm form, UUID serviceId) {
    return new OnwardReferral(
        serviceId,
        form.getNeeds(),
        form.getContact(),
        form.getWhatMatters(),
        form.getMustKnow(),
        "true".equals(form.getConsentGiven()),
        null);
  }

  static UUID uuid(String s) {
    try {
      return UUID.fromString(s == null ? "" : s.strip());
    } catch (IllegalArgumentException e) {
      throw new RecordNotFoundException("service");
    }
  }

  static void reject(BindingResult errors, Map<String, String> problems) {
    problems.forEach(
        (field, key) -> {
          if (!errors.hasFieldErrors(field)) {
            if (field.equals("case") || field.equals("serviceId") || field.equals("method")) {
              errors.reject(key);
            } else {
              errors.rejectValue(field, key);
            }
          }
        });
  }

  private String text(String key) {
    return messages.getMessage(key, null, Locale.UK);
  }
}
