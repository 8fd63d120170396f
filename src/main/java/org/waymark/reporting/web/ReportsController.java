package org.waymark.reporting.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.reporting.Audience;
import org.waymark.reporting.Dashboard;
import org.waymark.reporting.Dashboards;
import org.waymark.reporting.Figure;
import org.waymark.reporting.ReportFilters;
import org.waymark.reporting.Section;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.Spreadsheets;

/**
 * The dashboards: a PCN's service dashboard for its link workers and managers, the commissioner's
 * dashboard across the PCNs they commission, and a VCS organisation's figures. Each page's filters
 * are a GET form, so a page can be bookmarked and shared; each table downloads as CSV or XLSX.
 */
@Controller
class ReportsController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final Dashboards dashboards;

  ReportsController(Dashboards dashboards) {
    this.dashboards = dashboards;
  }

  @GetMapping({"/reports/service", "/reports/service/{section}"})
  @RequiresPermission(Permission.VIEW_SERVICE_REPORTS)
  String service(
      @PathVariable(required = false) String section,
      @ModelAttribute("filter") FilterForm filter,
      Model model) {
    return page(Audience.SERVICE, section(section), filter, model);
  }

  @GetMapping({"/reports/commissioner", "/reports/commissioner/{section}"})
  @RequiresPermission(Permission.VIEW_COMMISSIONER_REPORTS)
  String commissioner(
      @PathVariable(required = false) String section,
      @ModelAttribute("filter") FilterForm filter,
      Model model) {
    return page(Audience.COMMISSIONER, section(section), filter, model);
  }

  @GetMapping("/reports/vcs")
  @RequiresPermission(Permission.VIEW_VCS_REPORTS)
  String vcs(@ModelAttribute("filter") FilterForm filter, Model model) {
    return page(Audience.VCS, Section.VCS, filter, model);
  }

  @GetMapping("/reports/service/download")
  @RequiresPermission(Permission.VIEW_SERVICE_REPORTS)
  ResponseEntity<byte[]> serviceDownload(
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String table,
      @RequestParam(required = false) String format,
      @ModelAttribute("filter") FilterForm filter) {
    return download(Audience.SERVICE, section(page), table, format, filter);
  }

  @GetMapping("/reports/commissioner/download")
  @RequiresPermission(Permission.VIEW_COMMISSIONER_REPORTS)
  ResponseEntity<byte[]> commissionerDownload(
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String table,
      @RequestParam(required = false) String format,
      @ModelAttribute("filter") FilterForm filter) {
    return download(Audience.COMMISSIONER, section(page), table, format, filter);
  }

  @GetMapping("/reports/vcs/download")
  @RequiresPermission(Permission.VIEW_VCS_REPORTS)
  ResponseEntity<byte[]> vcsDownload(
      @RequestParam(required = false) String table,
      @RequestParam(required = false) String format,
      @ModelAttribute("filter") FilterForm filter) {
    return download(Audience.VCS, Section.VCS, table, format, filter);
  }

  private static Section section(String path) {
    return Section.of(path).orElseThrow(() -> new RecordNotFoundException("report page"));
  }

  private String page(Audience audience, Section section, FilterForm filter, Model model) {
    List<String> problems = new ArrayList<>();
    ReportFilters requested = filters(filter, problems);
    Dashboard d = dashboards.page(audience, section, requested);
    // Show the dates and choices actually used (out-of-scope choices are dropped).
    filter.setFrom(d.filters().from().toString());
    filter.setTo(d.filters().to().toString());
    filter.setPcn(text(d.filters().pcn()));
    filter.setPractice(text(d.filters().practice()));
    filter.setLinkWorker(text(d.filters().linkWorker()));
    filter.setNeed(d.filters().need());
    filter.setService(text(d.filters().service()));
    model.addAttribute("dashboard", d);
    model.addAttribute("problems", problems);
    model.addAttribute("period", Dashboards.period(d.filters()));
    model.addAttribute("base", "/reports/" + audience.path());
    model.addAttribute("pages", audience == Audience.VCS ? List.of() : Section.pages());
    model.addAttribute("query", filter.query());
    return "reporting/dashboard";
  }

  private ResponseEntity<byte[]> download(
      Audience audience, Section section, String table, String format, FilterForm filter) {
    String f = format == null ? "csv" : format;
    if (!f.equals("csv") && !f.equals("xlsx")) {
      throw new RecordNotFoundException("download format");
    }
    ReportFilters requested = filters(filter, new ArrayList<>());
    Optional<Figure> figure =
        table == null
            ? Optional.empty()
            : dashboards.export(audience, section, table, requested, f);
    Figure fig = figure.orElseThrow(() -> new RecordNotFoundException("report table"));
    String name = "waymark-" + audience.path() + "-" + fig.key() + "." + f;
    byte[] body =
        f.equals("csv")
            ? Spreadsheets.csv(fig.table().header(), plain(fig.table().rowsWithTotals()))
            : Spreadsheets.xlsx(
                fig.title(),
                fig.table().header(),
                fig.table().rowsWithTotals(),
                fig.table().note());
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(
            f.equals("csv")
                ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType(XLSX))
        .body(body);
  }

  /** Numbers without the commas between thousands, so a spreadsheet reads them as numbers. */
  private static List<List<String>> plain(List<List<String>> rows) {
    return rows.stream()
        .map(
            r ->
                r.stream()
                    .map(
                        v ->
                            v != null && v.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")
                                ? v.replace(",", "")
                                : v)
                    .toList())
        .toList();
  }

  private static ReportFilters filters(FilterForm form, List<String> problems) {
    LocalDate from = date(form.getFrom(), "from", problems);
    LocalDate to = date(form.getTo(), "to", problems);
    if (from != null && to != null && from.isAfter(to)) {
      problems.add("The start date must be on or before the end date");
      from = null;
    }
    return new ReportFilters(
        from,
        to,
        uuid(form.getPcn()),
        uuid(form.getPractice()),
        uuid(form.getLinkWorker()),
        blank(form.getNeed()) ? null : form.getNeed(),
        uuid(form.getService()));
  }

  private static LocalDate date(String value, String which, List<String> problems) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(
          (which.equals("from") ? "The start date" : "The end date")
              + " must be a real date, like 2026-04-01");
      return null;
    }
  }

  private static UUID uuid(String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
