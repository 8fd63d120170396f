package org.waymark.connection.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseHeaders;
import org.waymark.casework.Casework;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionChange;
import org.waymark.connection.ConnectionConflictException;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.ConnectionText;
import org.waymark.connection.ConnectionValidationException;
import org.waymark.connection.Connections;
import org.waymark.connection.StatusReason;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.shared.web.DateInput;

/**
 * One onward referral from the link worker's side: what was shared, where it stands, its history;
 * cancelling it, and, for a service that does not answer in Waymark, recording its answers.
 */
@Controller
class ConnectionController {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Connections connections;
  private final Casework casework;
  private final CaseHeaders headers;
  private final MessageSource messages;

  ConnectionController(
      Connections connections, Casework casework, CaseHeaders headers, MessageSource messages) {
    this.connections = connections;
    this.casework = casework;
    this.headers = headers;
    this.messages = messages;
  }

  @GetMapping("/connections/{id}")
  @RequiresPermission(Permission.READ_CASEWORK)
  String view(@PathVariable UUID id, Model model) {
    Connection c = connections.find(id);
    return page(c, new ConnectionAnswerForm(), new ConnectionAttendanceForm(), model);
  }

  @PostMapping("/connections/{id}/status")
  @RequiresPermission(Permission.READ_CASEWORK)
  String changeStatus(
      @PathVariable UUID id,
      @ModelAttribute("answerForm") ConnectionAnswerForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    Connection c = connections.find(id);
    ConnectionStatus to = parse(ConnectionStatus.class, form.getTo());
    StatusReason reason = parse(StatusReason.class, form.getReason());
    if (to == null) {
      errors.rejectValue("to", "connection.status.required");
      return page(c, form, new ConnectionAttendanceForm(), model);
    }
    try {
      connections.change(
          id,
          version(form.getVersion()),
          new ConnectionChange(to, reason, form.getDetail(), form.getOutcome()));
      flash.addFlashAttribute("success", text("connection.status.changed"));
      return "redirect:/connections/" + id;
    } catch (ConnectionValidationException e) {
      CaseConnectionsController.reject(errors, e.problems());
    } catch (ConnectionConflictException e) {
      model.addAttribute("problem", text("connection.version.stale"));
      return page(
          connections.find(id), new ConnectionAnswerForm(), new ConnectionAttendanceForm(), model);
    }
    return page(c, form, new ConnectionAttendanceForm(), model);
  }

  @PostMapping("/connections/{id}/attendance")
  @RequiresPermission(Permission.READ_CASEWORK)
  String recordAttendance(
      @PathVariable UUID id,
      @ModelAttribute("attendanceForm") ConnectionAttendanceForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    Connection c = connections.find(id);
    DateInput first =
        new DateInput(
            form.getFirstSessionOnDay(),
            form.getFirstSessionOnMonth(),
            form.getFirstSessionOnYear());
    LocalDate firstOn = null;
    if (!first.isBlank()) {
      if (first.problem() != null) {
        errors.rejectValue(
            "firstSessionOn", "connection.attendance.firstSessionOn." + first.problem());
      }
      firstOn = first.toDate();
    }
    Integer sessions = count(form.getSessionsAttended());
    if (sessions == null) {
      errors.rejectValue("sessionsAttended", "connection.attendance.count");
    }
    if (!errors.hasErrors()) {
      try {
        connections.recordAttendance(id, version(form.getVersion()), firstOn, sessions);
        flash.addFlashAttribute("success", text("connection.attendance.recorded"));
        return "redirect:/connections/" + id;
      } catch (ConnectionValidationException e) {
        CaseConnectionsController.reject(errors, e.problems());
      } catch (ConnectionConflictException e) {
        model.addAttribute("problem", text("connection.version.stale"));
        return page(
            connections.find(id),
            new ConnectionAnswerForm(),
            new ConnectionAttendanceForm(),
            model);
      }
    }
    return page(c, new ConnectionAnswerForm(), form, model);
  }

  private String page(
      Connection c, ConnectionAnswerForm answer, ConnectionAttendanceForm attendance, Model model) {
    CaseFile caseFile = casework.find(c.caseId());
    model.addAttribute("caseFile", caseFile);
    model.addAttribute("header", headers.of(caseFile));
    model.addAttribute("connection", c);
    model.addAttribute("requestedOn", ConnectionText.date(c.requestedAt()));
    model.addAttribute("answerBy", ConnectionText.date(c.answerDueOn()));
    model.addAttribute("overdue", c.answerOverdue(LocalDate.now(LONDON)));
    model.addAttribute("firstSessionOn", ConnectionText.date(c.firstSessionOn()));
    model.addAttribute("history", connections.history(c).stream().map(HistoryLine::of).toList());
    boolean mayCancel = connections.mayCancel(c);
    boolean mayAnswer = connections.mayAnswer(c);
    List<ConnectionStatus> moves =
        c.status().next().stream()
            .filter(s -> s == ConnectionStatus.CANCELLED ? mayCancel : mayAnswer)
            .toList();
    model.addAttribute("moves", moves);
    model.addAttribute("mayAnswer", mayAnswer);
    model.addAttribute("mayCancel", mayCancel);
    model.addAttribute("cancelReasons", StatusReason.forStatus(ConnectionStatus.CANCELLED));
    model.addAttribute(
        "reasons",
        moves.stream().flatMap(s -> StatusReason.forStatus(s).stream()).distinct().toList());
    String version = Long.toString(c.version());
    answer.setVersion(version);
    attendance.setVersion(version);
    if (attendance.getSessionsAttended() == null) {
      attendance.setSessionsAttended(Integer.toString(c.sessionsAttended()));
      DateInput first = DateInput.of(c.firstSessionOn());
      attendance.setFirstSessionOnDay(first.day());
      attendance.setFirstSessionOnMonth(first.month());
      attendance.setFirstSessionOnYear(first.year());
    }
    model.addAttribute("answerForm", answer);
    model.addAttribute("attendanceForm", attendance);
    model.addAttribute(
        "mayRecordAttendance",
        mayAnswer
            && (c.status() == ConnectionStatus.ACCEPTED
                || c.status() == ConnectionStatus.IN_PROGRESS
                || c.status() == ConnectionStatus.ON_HOLD));
    model.addAttribute("pageTitle", c.serviceName());
    return "connection/connection";
  }

  static <E extends Enum<E>> E parse(Class<E> type, String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, name.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static long version(String text) {
    try {
      return text == null ? -1 : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static Integer count(String text) {
    try {
      return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String text(String key) {
    return messages.getMessage(key, null, Locale.UK);
  }
}
