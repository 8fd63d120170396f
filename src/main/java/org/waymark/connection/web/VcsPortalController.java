package org.waymark.connection.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionChange;
import org.waymark.connection.ConnectionConflictException;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.ConnectionText;
import org.waymark.connection.ConnectionValidationException;
import org.waymark.connection.Connections;
import org.waymark.connection.ServiceInbox;
import org.waymark.connection.ServiceInbox.HeldService;
import org.waymark.connection.ServiceInbox.InboxRow;
import org.waymark.connection.ServiceInbox.ResultPage;
import org.waymark.connection.ServiceInbox.StatusGroup;
import org.waymark.connection.StatusReason;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.shared.web.DateInput;

/**
 * The VCS portal: the inbox of onward referrals sent to the services a VCS organisation holds, one
 * referral with only what was shared and the service's answers, and the organisation's service
 * figures. Every page and action is for VCS coordinators of the organisation holding the service;
 * the facade checks that relationship and audits each read and change.
 */
@Controller
@RequiresPermission(Permission.ANSWER_CONNECTIONS)
class VcsPortalController {

  private final Connections connections;
  private final ServiceInbox inbox;
  private final MessageSource messages;

  VcsPortalController(Connections connections, ServiceInbox inbox, MessageSource messages) {
    this.connections = connections;
    this.inbox = inbox;
    this.messages = messages;
  }

  /** One referral as the inbox shows it. */
  record InboxLine(
      UUID id,
      String received,
      String service,
      String person,
      String status,
      String colour,
      String answerBy,
      boolean overdue) {}

  @GetMapping("/vcs/referrals")
  String inbox(@ModelAttribute("filter") ListFilter filter, Model model) {
    StatusGroup group = StatusGroup.parse(filter.getStatus()).orElse(StatusGroup.WAITING);
    List<HeldService> services = inbox.servicesHeld();
    UUID service = Web.uuid(filter.getService());
    if (service != null && services.stream().noneMatch(s -> s.id().equals(service))) {
      filter.setService(null);
    }
    UUID chosen = Web.uuid(filter.getService());
    filter.setStatus(group.name().toLowerCase(Locale.UK));
    ResultPage<InboxRow> page = inbox.inbox(group, chosen, Web.page(filter.getPage()));
    model.addAttribute("groups", StatusGroup.values());
    model.addAttribute("group", group);
    model.addAttribute("services", services);
    model.addAttribute("result", page);
    model.addAttribute(
        "rows",
        page.rows().stream()
            .map(
                r ->
                    new InboxLine(
                        r.id(),
                        ConnectionText.date(r.receivedAt()),
                        r.serviceName(),
                        r.personName(),
                        r.status().label(),
                        r.status().colour(),
                        ConnectionText.answerBy(r.status(), r.answerDueOn()),
                        r.overdue()))
            .toList());
    model.addAttribute(
        "pageHref",
        "/vcs/referrals?status="
            + filter.getStatus()
            + (chosen == null ? "" : "&service=" + chosen)
            + "&");
    return "connection/inbox";
  }

  @GetMapping("/vcs/referrals/{id}")
  String referral(@PathVariable UUID id, Model model) {
    model.addAttribute("answerForm", new AnswerForm());
    return page(id, model);
  }

  /**
   * The answers that change the state, one address each: accept, decline (with a reason), hold
   * (with a reason), resume, complete (with what was done) and not going ahead (with a reason).
   */
  @PostMapping({
    "/vcs/referrals/{id}/accept",
    "/vcs/referrals/{id}/decline",
    "/vcs/referrals/{id}/hold",
    "/vcs/referrals/{id}/resume",
    "/vcs/referrals/{id}/complete",
    "/vcs/referrals/{id}/not-going-ahead"
  })
  String answer(
      @PathVariable UUID id,
      @ModelAttribute("answerForm") AnswerForm form,
      BindingResult errors,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes flash) {
    String path = request.getRequestURI();
    String action = path.substring(path.lastIndexOf('/') + 1);
    String key = action.equals("not-going-ahead") ? "fail" : action;
    if (key.equals("complete") && (form.getOutcome() == null || form.getOutcome().isBlank())) {
      errors.rejectValue("outcome", "connection.vcs.outcome.required");
      return page(id, model);
    }
    ConnectionChange change =
        switch (key) {
          case "accept" -> new ConnectionChange(ConnectionStatus.ACCEPTED, null, null, null);
          case "decline" ->
              new ConnectionChange(
                  ConnectionStatus.REJECTED,
                  reason(form.getDeclineReason()),
                  form.getDeclineDetail(),
                  null);
          case "hold" ->
              new ConnectionChange(
                  ConnectionStatus.ON_HOLD,
                  reason(form.getHoldReason()),
                  form.getHoldDetail(),
                  null);
          case "resume" -> new ConnectionChange(ConnectionStatus.IN_PROGRESS, null, null, null);
          case "complete" ->
              new ConnectionChange(ConnectionStatus.COMPLETED, null, null, form.getOutcome());
          default ->
              new ConnectionChange(
                  ConnectionStatus.FAILED,
                  reason(form.getFailReason()),
                  form.getFailDetail(),
                  null);
        };
    return act(
        id,
        key,
        form,
        errors,
        model,
        response,
        flash,
        () -> connections.change(id, Web.version(form.getVersion()), change));
  }

  @PostMapping("/vcs/referrals/{id}/attendance")
  String attendance(
      @PathVariable UUID id,
      @ModelAttribute("answerForm") AnswerForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    DateInput date =
        new DateInput(
            form.getFirstSessionOnDay(),
            form.getFirstSessionOnMonth(),
            form.getFirstSessionOnYear());
    LocalDate first = null;
    if (!date.isBlank()) {
      String problem = date.problem();
      if (problem != null) {
        errors.rejectValue("firstSessionOn", "connection.vcs.firstSessionOn." + problem);
      } else {
        first = date.toDate();
      }
    }
    String count = form.getSessionsAttended() == null ? "" : form.getSessionsAttended().strip();
    int sessions = 0;
    if (count.isEmpty()) {
      errors.rejectValue("sessionsAttended", "connection.vcs.sessionsAttended.required");
    } else if (!count.matches("\\d{1,4}")) {
      errors.rejectValue("sessionsAttended", "connection.vcs.sessionsAttended.invalid");
    } else {
      sessions = Integer.parseInt(count);
    }
    if (errors.hasErrors()) {
      return page(id, model);
    }
    LocalDate firstSession = first;
    int attended = sessions;
    return act(
        id,
        "attendance",
        form,
        errors,
        model,
        response,
        flash,
        () ->
            connections.recordAttendance(
                id, Web.version(form.getVersion()), firstSession, attended));
  }

  @GetMapping("/vcs/services")
  String services(Model model) {
    model.addAttribute("figures", inbox.figures());
    model.addAttribute("days", ServiceInbox.FIGURE_DAYS);
    return "connection/services";
  }

  /**
   * Runs one answer: on success back to the referral with a banner; a rule broken re-renders the
   * page with each problem against its field; a stale version or a move the states do not allow
   * re-renders it, as it is now, with the reason (409).
   */
  private String act(
      UUID id,
      String action,
      AnswerForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash,
      Supplier<Connection> work) {
    try {
      Connection done = work.get();
      flash.addFlashAttribute(
          "success", text("connection.vcs." + action + ".done", done.shared().name()));
      return "redirect:/vcs/referrals/" + id;
    } catch (ConnectionValidationException e) {
      boolean conflict = false;
      for (Map.Entry<String, String> p : e.problems().entrySet()) {
        String field = field(action, p.getKey());
        String suffix = p.getValue().replaceFirst("^connection\\.", "");
        if (field == null) {
          conflict = true;
        } else {
          errors.rejectValue(field, code(action, suffix));
        }
      }
      if (conflict) {
        Connection now = connections.findForService(id);
        // A move no longer allowed because someone else answered first is a stale page.
        model.addAttribute(
            "problem",
            now.version() != Web.version(form.getVersion())
                ? text("connection.vcs.stale")
                : text("connection.vcs.notAllowed", now.status().label().toLowerCase(Locale.UK)));
        model.addAttribute("answerForm", new AnswerForm());
        response.setStatus(HttpStatus.CONFLICT.value());
        return render(now, model);
      }
      return page(id, model);
    } catch (ConnectionConflictException e) {
      model.addAttribute("problem", text("connection.vcs.stale"));
      model.addAttribute("answerForm", new AnswerForm());
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(id, model);
    }
  }

  /** The form field a problem the facade names belongs to, for this action; null for none. */
  private static String field(String action, String facadeField) {
    return switch (facadeField) {
      case "reason", "detail" ->
          switch (action) {
            case "decline", "hold", "fail" ->
                action + Character.toUpperCase(facadeField.charAt(0)) + facadeField.substring(1);
            default -> null;
          };
      case "outcome", "firstSessionOn", "sessionsAttended" -> facadeField;
      default -> null;
    };
  }

  /** The message for a problem: the action's own if there is one, else the general one. */
  private String code(String action, String suffix) {
    String own = "connection.vcs." + action + "." + suffix;
    try {
      messages.getMessage(own, null, Locale.UK);
      return own;
    } catch (NoSuchMessageException e) {
      return "connection.vcs." + suffix;
    }
  }

  private String page(UUID id, Model model) {
    return render(connections.findForService(id), model);
  }

  private String render(Connection c, Model model) {
    LocalDate today = inbox.today();
    ConnectionStatus s = c.status();
    boolean answer = connections.mayAnswer(c);
    boolean withUs =
        s == ConnectionStatus.ACCEPTED
            || s == ConnectionStatus.IN_PROGRESS
            || s == ConnectionStatus.ON_HOLD;
    model.addAttribute("connection", c);
    model.addAttribute("shared", c.shared());
    model.addAttribute("received", ConnectionText.dateTime(c.requestedAt()));
    model.addAttribute("answerBy", ConnectionText.date(c.answerDueOn()));
    model.addAttribute("overdue", c.answerOverdue(today));
    model.addAttribute("answered", ConnectionText.dateTime(c.answeredAt()));
    model.addAttribute("firstSession", ConnectionText.date(c.firstSessionOn()));
    model.addAttribute("reason", HistoryLine.reasonText(c.statusReason(), c.statusDetail()));
    model.addAttribute("history", connections.history(c).stream().map(HistoryLine::of).toList());
    model.addAttribute("mayAnswer", answer);
    model.addAttribute("canAccept", answer && s == ConnectionStatus.REQUESTED);
    model.addAttribute("canDecline", answer && s == ConnectionStatus.REQUESTED);
    model.addAttribute("canAttendance", answer && withUs);
    model.addAttribute(
        "canHold", answer && (s == ConnectionStatus.ACCEPTED || s == ConnectionStatus.IN_PROGRESS));
    model.addAttribute("canResume", answer && s == ConnectionStatus.ON_HOLD);
    model.addAttribute("canComplete", answer && withUs);
    model.addAttribute("canFail", answer && withUs);
    model.addAttribute("declineReasons", StatusReason.forStatus(ConnectionStatus.REJECTED));
    model.addAttribute("holdReasons", StatusReason.forStatus(ConnectionStatus.ON_HOLD));
    model.addAttribute("failReasons", StatusReason.forStatus(ConnectionStatus.FAILED));
    return "connection/referral";
  }

  private static StatusReason reason(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return StatusReason.valueOf(name.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, Locale.UK);
  }
}
