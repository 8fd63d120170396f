package org.waymark.referral.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.person.Sex;
import org.waymark.referral.Channel;
import org.waymark.referral.ContactMethod;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralConflictException;
import org.waymark.referral.ReferralConnections;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.ReferralStatusChange;
import org.waymark.referral.ReferralValidationException;
import org.waymark.referral.Referrals;
import org.waymark.referral.Urgency;
import org.waymark.shared.NhsNumber;
import org.waymark.shared.Paragraphs;

/**
 * The referrer's pages: the referral form and its confirmation, the list of their referrals, and a
 * referral's page (status, history, decline reason, a request for more information and its answer,
 * the discharge summary and its PDF). The referral page is also for the receiving PCN's link
 * workers and managers; it never shows casework (contacts, notes, plans).
 */
@Controller
class ReferralController {

  static final ZoneId ENGLAND = ZoneId.of("Europe/London");
  static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Referrals referrals;
  private final CodeLists codes;
  private final IdentityManagement identity;
  private final AccessPolicy access;
  private final ObjectProvider<ReferralConnections> connections;

  ReferralController(
      Referrals referrals,
      CodeLists codes,
      IdentityManagement identity,
      AccessPolicy access,
      ObjectProvider<ReferralConnections> connections) {
    this.referrals = referrals;
    this.connections = connections;
    this.codes = codes;
    this.identity = identity;
    this.access = access;
  }

  @GetMapping("/referrals/new")
  @RequiresPermission(Permission.MAKE_REFERRAL)
  String newReferral(Model model) {
    WaymarkUser user = access.currentUser().orElseThrow();
    ReferralForm form = new ReferralForm();
    form.setUrgency(Urgency.ROUTINE.name());
    form.setReferrerName(user.displayName());
    form.setReferrerOrganisation(user.organisationName());
    form.setReferrerEmail(user.username());
    boolean atPractice =
        user.organisationId() != null
            && identity
                .organisation(user.organisationId())
                .map(o -> o.type() == OrganisationType.GP_PRACTICE)
                .orElse(false);
    if (atPractice && codes.isActive(CodeList.REFERRAL_SOURCE, "GP")) {
      form.setSource("GP");
    }
    model.addAttribute("referralForm", form);
    return form(model);
  }

  @PostMapping("/referrals/new")
  @RequiresPermission(Permission.MAKE_REFERRAL)
  String submit(
      @ModelAttribute("referralForm") ReferralForm form, BindingResult errors, Model model) {
    form.check(errors);
    NewReferral referral = form.toNewReferral();
    FormProblems.reject(
        errors, referrals.problems(referral, true), ReferralForm.FIELD_ORDER, k -> k);
    if (!errors.hasErrors()) {
      try {
        Referral saved = referrals.submit(referral, Channel.WEB_FORM);
        return "redirect:/referrals/" + saved.id() + "/sent";
      } catch (ReferralValidationException e) {
        FormProblems.reject(errors, e.problems(), ReferralForm.FIELD_ORDER, k -> k);
      }
    }
    FormProblems.sort(model, "referralForm", form, errors, ReferralForm.FIELD_ORDER);
    return form(model);
  }

  private String form(Model model) {
    model.addAttribute("practices", identity.organisations(OrganisationType.GP_PRACTICE));
    model.addAttribute("needOptions", codes.active(CodeList.NEED));
    model.addAttribute("sourceOptions", codes.active(CodeList.REFERRAL_SOURCE));
    model.addAttribute("sexes", Sex.values());
    model.addAttribute("urgencies", Urgency.values());
    // Staff may record a referral that came earlier by letter, phone or email.
    model.addAttribute(
        "mayGiveReceivedOn",
        access
            .currentUser()
            .flatMap(u -> u.actingRole())
            .map(r -> r == Role.LINK_WORKER || r == Role.SERVICE_MANAGER)
            .orElse(false));
    model.addAttribute("contactMethods", ContactMethod.values());
    return "referral/form";
  }

  /** The confirmation after sending, for the account that sent it only. */
  @GetMapping("/referrals/{id}/sent")
  @RequiresPermission(Permission.MAKE_REFERRAL)
  String sent(@PathVariable UUID id, Model model) {
    Referral r = referrals.findOwn(id);
    model.addAttribute("referral", r);
    model.addAttribute("serviceName", organisationName(r.organisationId()));
    ReferralConnections c = connections.getIfAvailable();
    model.addAttribute(
        "connectedOn",
        c == null
            ? null
            : c.connectedSince(r.organisationId(), r.id())
                .map(d -> LONG_DATE.format(d))
                .orElse(null));
    model.addAttribute("mayReadOwn", access.may(Permission.READ_OWN_REFERRALS));
    return "referral/sent";
  }

  /** One row of the referrer's list. */
  record MineRow(
      UUID id,
      String reference,
      String person,
      String referredOn,
      String status,
      String tag,
      String lastChange) {}

  @GetMapping("/referrals/mine")
  @RequiresPermission(Permission.READ_OWN_REFERRALS)
  String mine(Model model) {
    List<MineRow> rows =
        referrals.mine().stream()
            .map(
                r ->
                    new MineRow(
                        r.id(),
                        r.reference(),
                        r.personName(),
                        date(r.receivedAt()),
                        r.status().label(),
                        tag(r.status()),
                        date(r.statusChangedAt())))
            .toList();
    model.addAttribute("rows", rows);
    return "referral/mine";
  }

  @GetMapping("/referrals/{id}")
  @RequiresPermission(Permission.READ_REFERRAL)
  String view(@PathVariable UUID id, Model model) {
    Referral r = referrals.find(id);
    if (!model.containsAttribute("answerForm")) {
      model.addAttribute("answerForm", new AnswerForm(r.version(), null));
    }
    return view(r, model);
  }

  /** The referrer's answer to a request for more information. */
  record AnswerForm(Long version, String answer) {}

  @PostMapping("/referrals/{id}/information")
  @RequiresPermission(Permission.READ_REFERRAL)
  String answer(
      @PathVariable UUID id,
      @RequestParam(name = "version", required = false) String version,
      @RequestParam(name = "answer", required = false) String answer,
      Model model,
      RedirectAttributes flash) {
    return referrerChange(
        id,
        () -> referrals.supplyInformation(id, parseVersion(version), answer),
        "Your answer has been sent to the service",
        "answerError",
        "The referral changed while you were answering",
        answer,
        null,
        model,
        flash);
  }

  /** The referrer withdraws a referral that still waits for triage, saying why. */
  @PostMapping("/referrals/{id}/withdraw")
  @RequiresPermission(Permission.READ_REFERRAL)
  String withdraw(
      @PathVariable UUID id,
      @RequestParam(name = "version", required = false) String version,
      @RequestParam(name = "withdrawReason", required = false) String reason,
      Model model,
      RedirectAttributes flash) {
    return referrerChange(
        id,
        () -> referrals.withdraw(id, parseVersion(version), reason),
        "The referral has been withdrawn",
        "withdrawError",
        "The referral changed before it could be withdrawn",
        null,
        reason,
        model,
        flash);
  }

  /**
   * A change the referrer makes from the referral's page: on success back to the page with a
   * message; a broken rule shown at its field ({@code errorAttribute}); a referral that changed
   * meanwhile explained; the page shown again with what was typed.
   */
  private String referrerChange(
      UUID id,
      Runnable change,
      String done,
      String errorAttribute,
      String changedMeanwhile,
      String typedAnswer,
      String typedReason,
      Model model,
      RedirectAttributes flash) {
    try {
      change.run();
      flash.addFlashAttribute("success", done);
      return "redirect:/referrals/" + id;
    } catch (ReferralValidationException e) {
      model.addAttribute(errorAttribute, e.problems().get(0).messageKey());
    } catch (ReferralConflictException e) {
      model.addAttribute(
          "problem",
          changedMeanwhile
              + ". It is now: "
              + e.current().status().label().toLowerCase(Locale.UK)
              + ".");
    }
    Referral r = referrals.find(id);
    model.addAttribute("answerForm", new AnswerForm(r.version(), typedAnswer));
    model.addAttribute("withdrawReason", typedReason);
    return view(r, model);
  }

  private static long parseVersion(String text) {
    try {
      return text == null ? -1 : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** One entry of the history as shown. */
  record HistoryRow(String at, String status, String note) {}

  private String view(Referral r, Model model) {
    List<HistoryRow> history =
        referrals.history(r).stream()
            .map(
                (ReferralStatusChange c) ->
                    new HistoryRow(dateTime(c.at()), historyLabel(c), c.note()))
            .toList();
    WaymarkUser user = access.currentUser().orElseThrow();
    model.addAttribute("referral", r);
    model.addAttribute("history", history);
    model.addAttribute("tag", tag(r.status()));
    model.addAttribute("serviceName", organisationName(r.organisationId()));
    ReferralConnections c = connections.getIfAvailable();
    model.addAttribute(
        "connectedOn",
        c == null
            ? null
            : c.connectedSince(r.organisationId(), r.id())
                .map(d -> LONG_DATE.format(d))
                .orElse(null));
    model.addAttribute("receivedOn", date(r.receivedAt()));
    model.addAttribute("changedOn", date(r.statusChangedAt()));
    model.addAttribute("dischargedOn", date(r.dischargedAt()));
    model.addAttribute(
        "dateOfBirth",
        r.personAsReferred().dateOfBirth() == null
            ? null
            : LONG_DATE.format(r.personAsReferred().dateOfBirth()));
    model.addAttribute("nhsNumber", nhsNumber(r.personAsReferred().nhsNumber()));
    model.addAttribute(
        "needLabels", r.needs().stream().map(n -> codes.label(CodeList.NEED, n)).toList());
    model.addAttribute("sourceLabel", codes.label(CodeList.REFERRAL_SOURCE, r.source()));
    model.addAttribute(
        "mayAnswer",
        r.status() == ReferralStatus.INFORMATION_REQUESTED
            && user.userId().equals(r.referrerUserId()));
    model.addAttribute(
        "mayWithdraw",
        r.status().next().contains(ReferralStatus.WITHDRAWN)
            && user.userId().equals(r.referrerUserId()));
    model.addAttribute("summaryParagraphs", Paragraphs.of(r.dischargeSummary()));
    model.addAttribute("mayReadOwn", access.may(Permission.READ_OWN_REFERRALS));
    return "referral/view";
  }

  @GetMapping("/referrals/{id}/discharge.pdf")
  @RequiresPermission(Permission.READ_REFERRAL)
  ResponseEntity<byte[]> dischargePdf(@PathVariable UUID id) {
    Referral r = referrals.dischargeSummary(id);
    byte[] pdf = DischargeSummaryPdf.render(r, organisationName(r.organisationId()));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("discharge-summary-" + r.reference() + ".pdf")
                .build()
                .toString())
        .body(pdf);
  }

  private static String historyLabel(ReferralStatusChange c) {
    if (c.from() == null) {
      return "Referral received";
    }
    if (c.from() == ReferralStatus.INFORMATION_REQUESTED && c.to() == ReferralStatus.RECEIVED) {
      return "Information sent by the referrer";
    }
    return c.to().label();
  }

  /** The NHS.UK tag colour for a status. */
  static String tag(ReferralStatus s) {
    return switch (s) {
      case RECEIVED -> "nhsuk-tag--blue";
      case INFORMATION_REQUESTED -> "nhsuk-tag--orange";
      case ACCEPTED -> "nhsuk-tag--green";
      case DECLINED -> "nhsuk-tag--red";
      case CLOSED, WITHDRAWN -> "nhsuk-tag--grey";
    };
  }

  private String organisationName(UUID id) {
    return id == null ? null : identity.organisation(id).map(Organisation::name).orElse(null);
  }

  private static String nhsNumber(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return NhsNumber.isValid(text) ? NhsNumber.of(text).formatted() : text;
  }

  static String date(Instant at) {
    return at == null ? null : LONG_DATE.format(at.atZone(ENGLAND));
  }

  private static String dateTime(Instant at) {
    return DateTimeFormatter.ofPattern("d MMMM yyyy, h:mma", Locale.UK)
        .format(at.atZone(ENGLAND))
        .replace("AM", "am")
        .replace("PM", "pm");
  }
}
