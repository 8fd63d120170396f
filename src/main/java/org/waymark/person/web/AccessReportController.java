package org.waymark.person.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.audit.AuditEvent;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;
import org.waymark.person.PersonAccessReport;
import org.waymark.person.PersonManagement;
import org.waymark.person.PersonValidationException;

/**
 * A person's access report, for a Caldicott guardian or a subject access request: every record with
 * an NHS number, in any organisation, and everyone who read or changed it.
 */
@Controller
@RequiresPermission(Permission.READ_PERSON_ACCESS_REPORT)
class AccessReportController {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK).withZone(ZoneOffset.UTC);

  private final PersonManagement people;
  private final IdentityManagement identity;

  AccessReportController(PersonManagement people, IdentityManagement identity) {
    this.people = people;
    this.identity = identity;
  }

  /** One audit entry as the report shows it; text only, ready to print. */
  record Row(
      String when,
      String who,
      String role,
      String organisation,
      String action,
      String outcome,
      String from) {}

  /** One record's report: whose, held where, and its rows. */
  record Report(
      String name, String nhsNumber, String organisation, String personId, List<Row> rows) {}

  @GetMapping("/access-reports")
  String report(@RequestParam(name = "nhsNumber", required = false) String nhsNumber, Model model) {
    model.addAttribute("nhsNumber", nhsNumber == null ? "" : nhsNumber);
    if (nhsNumber == null) {
      return "person/access-report";
    }
    try {
      Map<UUID, String> names = new HashMap<>();
      List<Report> reports =
          people.accessReports(nhsNumber).stream().map(r -> report(r, names)).toList();
      model.addAttribute("reports", reports);
    } catch (PersonValidationException e) {
      model.addAttribute("errorKey", e.messageKey());
    }
    return "person/access-report";
  }

  private Report report(PersonAccessReport r, Map<UUID, String> organisationNames) {
    List<Row> rows = r.events().stream().map(e -> row(e, organisationNames)).toList();
    return new Report(
        r.person().name(),
        r.person().nhsNumberFormatted(),
        organisationName(r.person().organisationId(), organisationNames),
        r.person().id().toString(),
        rows);
  }

  private Row row(AuditEvent e, Map<UUID, String> organisationNames) {
    String who =
        e.username() != null
            ? e.username()
            : e.userId() == null ? "The system" : e.userId().toString();
    return new Row(
        WHEN.format(e.occurredAt()) + " UTC",
        who,
        roleLabel(e.role()),
        organisationName(e.organisationId(), organisationNames),
        e.action(),
        e.outcome().name(),
        e.remoteAddress());
  }

  private String organisationName(UUID id, Map<UUID, String> cache) {
    if (id == null) {
      return null;
    }
    return cache.computeIfAbsent(
        id, k -> identity.organisation(k).map(Organisation::name).orElse(k.toString()));
  }

  private static String roleLabel(String role) {
    if (role == null) {
      return null;
    }
    try {
      return Role.valueOf(role).label();
    } catch (IllegalArgumentException e) {
      return role;
    }
  }
}
