package org.waymark.administration.web;

import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditPage;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;

/**
 * Searching the audit log by user, person, action and dates, newest first. Each search is itself
 * audited.
 */
@Controller
@RequestMapping("/admin/audit")
@RequiresPermission(Permission.READ_AUDIT_LOG)
class AuditSearchController {

  static final int PAGE_SIZE = 50;

  private static final DateTimeFormatter DAY_MONTH_YEAR =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  private final AuditLog audit;
  private final IdentityManagement identity;

  AuditSearchController(AuditLog audit, IdentityManagement identity) {
    this.audit = audit;
    this.identity = identity;
  }

  /** One entry as the results table shows it. */
  record Row(AuditEvent event, String when, String organisation, String role, String record) {}

  @GetMapping
  String search(
      @Valid @ModelAttribute("auditSearchForm") AuditSearchForm form,
      BindingResult binding,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    LocalDate from = date(form.getFrom(), "from", binding);
    LocalDate to = date(form.getTo(), "to", binding);
    if (from != null && to != null && to.isBefore(from)) {
      binding.rejectValue("to", "administration.audit.to.beforeFrom");
    }
    model.addAttribute("actions", audit.actions());
    if (binding.hasErrors()) {
      return "administration/audit";
    }
    UUID personId =
        StringUtils.hasText(form.getPersonId())
            ? UUID.fromString(form.getPersonId().strip())
            : null;
    AuditQuery query =
        new AuditQuery(
            form.getUser(), personId, form.getAction(), from, to, pageNumber(page), PAGE_SIZE);
    AuditPage result = audit.search(query);
    audit.record(
        AuditEntry.allowed("AUDIT_LOG_SEARCHED", "audit_event", null, personId)
            .withDetail(describe(query)));

    Map<UUID, String> organisations =
        identity.organisations().stream()
            .collect(Collectors.toMap(Organisation::id, Organisation::name));
    model.addAttribute("result", result);
    model.addAttribute("rows", result.events().stream().map(e -> row(e, organisations)).toList());
    model.addAttribute("first", (long) result.page() * result.size() + 1);
    model.addAttribute("last", (long) result.page() * result.size() + result.events().size());
    model.addAttribute("pageHref", pageHref(form));
    return "administration/audit";
  }

  /** A date typed as day/month/year, or null if blank; a field error if it is not a real date. */
  private static LocalDate date(String text, String field, BindingResult binding) {
    if (!StringUtils.hasText(text)) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip(), DAY_MONTH_YEAR);
    } catch (DateTimeParseException e) {
      if (!binding.hasFieldErrors(field)) {
        binding.rejectValue(field, "administration.audit." + field + ".invalid");
      }
      return null;
    }
  }

  /** A page number from the address; anything that is not one means the first page. */
  private static int pageNumber(String page) {
    try {
      return page == null ? 0 : Math.max(0, Integer.parseInt(page.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Row row(AuditEvent e, Map<UUID, String> organisations) {
    String organisation =
        e.organisationId() == null
            ? ""
            : organisations.getOrDefault(e.organisationId(), e.organisationId().toString());
    String role =
        e.role() == null
            ? ""
            : Arrays.stream(Role.values())
                .filter(r -> r.name().equals(e.role()))
                .map(Role::label)
                .findFirst()
                .orElse(e.role());
    String record =
        e.recordType() == null
            ? ""
            : e.recordType() + (e.recordId() == null ? "" : " " + e.recordId());
    return new Row(e, Formats.when(e.occurredAt()), organisation, role, record);
  }

  /**
   * The address of this search without its page number, ending in ? or &amp; for the pagination.
   */
  private static String pageHref(AuditSearchForm form) {
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("user", form.getUser());
    filters.put("personId", form.getPersonId());
    filters.put("action", form.getAction());
    filters.put("from", form.getFrom());
    filters.put("to", form.getTo());
    StringBuilder href = new StringBuilder("/admin/audit?");
    filters.forEach(
        (name, value) -> {
          if (StringUtils.hasText(value)) {
            href.append(name)
                .append('=')
                .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8))
                .append('&');
          }
        });
    return href.toString();
  }

  /** The search, for the audit entry that records it: filters and page, no results. */
  private static String describe(AuditQuery q) {
    List<String> parts = new ArrayList<>();
    if (StringUtils.hasText(q.username())) {
      parts.add("user=" + q.username().strip());
    }
    if (q.personId() != null) {
      parts.add("person=" + q.personId());
    }
    if (StringUtils.hasText(q.action())) {
      parts.add("action=" + q.action().strip());
    }
    if (q.from() != null) {
      parts.add("from=" + q.from());
    }
    if (q.to() != null) {
      parts.add("to=" + q.to());
    }
    parts.add("page=" + (q.page() + 1));
    return String.join("; ", parts);
  }
}
