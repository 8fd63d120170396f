package org.waymark.reporting.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.reporting.Commissioning;
import org.waymark.reporting.ReferenceDataImports;
import org.waymark.reporting.ReferenceDataImports.Import;
import org.waymark.reporting.ReportingRefresh;
import org.waymark.shared.RecordNotFoundException;

/**
 * Reporting administration: what reference data the figures use (deprivation deciles, postcode
 * LSOAs, practice populations) and uploading it, the latest imports, how current the figures are
 * and rebuilding them all, and which PCNs each commissioning organisation sees. Rebuilds and
 * changes of commissioning are audited here ({@code REPORTING_REBUILT}, {@code
 * COMMISSIONING_ADDED}, {@code COMMISSIONING_REMOVED}); imports are audited by {@link
 * ReferenceDataImports}.
 */
@Controller
@RequestMapping("/admin/reporting")
@RequiresPermission(Permission.MAINTAIN_REPORTING)
class ReportingAdministrationController {

  static final int LISTED_IMPORTS = 10;

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH).withZone(UK);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  private final ReferenceDataImports imports;
  private final ReportingRefresh refresh;
  private final Commissioning commissioning;
  private final IdentityManagement identity;
  private final AuditLog audit;
  private final MessageSource messages;

  ReportingAdministrationController(
      ReferenceDataImports imports,
      ReportingRefresh refresh,
      Commissioning commissioning,
      IdentityManagement identity,
      AuditLog audit,
      MessageSource messages) {
    this.imports = imports;
    this.refresh = refresh;
    this.commissioning = commissioning;
    this.identity = identity;
    this.audit = audit;
    this.messages = messages;
  }

  /** An import as the page lists it. */
  record ImportRow(Import report, String when) {}

  /** A commissioning organisation, the PCNs it sees and those it could be given. */
  record CommissionerRow(
      Organisation organisation, List<Organisation> pcns, List<Organisation> others) {}

  @GetMapping
  String page(Model model) {
    if (!model.containsAttribute("imdForm")) {
      model.addAttribute("imdForm", new ImdUploadForm());
    }
    if (!model.containsAttribute("populationForm")) {
      model.addAttribute("populationForm", new PopulationUploadForm());
    }
    ReferenceDataImports.Overview reference = imports.overview();
    model.addAttribute("reference", reference);
    model.addAttribute(
        "latestMonth",
        reference.latestPopulationMonth() == null
            ? null
            : MONTH.format(reference.latestPopulationMonth()));
    model.addAttribute(
        "lastImd",
        reference.lastImd().map(i -> new ImportRow(i, when(i.importedAt()))).orElse(null));
    model.addAttribute(
        "lastPopulation",
        reference.lastPopulation().map(i -> new ImportRow(i, when(i.importedAt()))).orElse(null));
    model.addAttribute(
        "recent",
        imports.recentImports(LISTED_IMPORTS).stream()
            .map(i -> new ImportRow(i, when(i.importedAt())))
            .toList());
    ReportingRefresh.Overview figures = refresh.overview();
    model.addAttribute("figures", figures);
    model.addAttribute("lastRebuilt", when(figures.lastRebuilt()));
    model.addAttribute("maxMegabytes", imports.maxBytes() / (1024 * 1024));
    model.addAttribute("commissioners", commissionerCount());
    return "reporting/admin/reporting";
  }

  @PostMapping("/imd")
  String importImd(
      @ModelAttribute("imdForm") ImdUploadForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    MultipartFile file = form.getImdFile();
    if (!acceptable(file, "imdFile", binding)) {
      return page(model);
    }
    Import done;
    try (InputStream in = file.getInputStream()) {
      done = imports.importImd(file.getOriginalFilename(), in);
    }
    return finished(done, "imdFile", binding, model, redirect);
  }

  @PostMapping("/practice-populations")
  String importPopulations(
      @ModelAttribute("populationForm") PopulationUploadForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    MultipartFile file = form.getPopulationFile();
    if (!acceptable(file, "populationFile", binding)) {
      return page(model);
    }
    Import done;
    try (InputStream in = file.getInputStream()) {
      done = imports.importPracticePopulation(file.getOriginalFilename(), in);
    }
    return finished(done, "populationFile", binding, model, redirect);
  }

  @PostMapping("/rebuild")
  String rebuild(RedirectAttributes redirect) {
    ReportingRefresh.Result result = refresh.refreshAll();
    audit.record(
        AuditEntry.allowed("REPORTING_REBUILT", "report_refresh", null, null)
            .withDetail(result.tenants() + " tenants, " + result.referrals() + " referrals"));
    redirect.addFlashAttribute(
        "success",
        message(
            "reporting.admin.rebuilt",
            result.tenants(),
            result.referrals(),
            result.took().toMillis()));
    return "redirect:/admin/reporting";
  }

  // ---- commissioning ----

  @GetMapping("/commissioning")
  String commissioningPage(Model model) {
    List<Organisation> pcns =
        identity.organisations(OrganisationType.PCN).stream()
            .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
    List<CommissionerRow> rows = new ArrayList<>();
    for (Organisation c : commissioners()) {
      Set<UUID> seen = new HashSet<>(commissioning.pcnsOf(c.id()));
      rows.add(
          new CommissionerRow(
              c,
              pcns.stream().filter(p -> seen.contains(p.id())).toList(),
              pcns.stream().filter(p -> !seen.contains(p.id())).toList()));
    }
    model.addAttribute("rows", rows);
    return "reporting/admin/commissioning";
  }

  @PostMapping("/commissioning/{commissionerId}/pcns")
  String addPcn(
      @PathVariable UUID commissionerId,
      @RequestParam(name = "pcnId", required = false) String pcnId,
      RedirectAttributes redirect) {
    Organisation commissioner = commissioner(commissionerId);
    Organisation pcn = pcnId == null || pcnId.isBlank() ? null : pcn(pcnId);
    if (pcn == null) {
      redirect.addFlashAttribute(
          "problem", message("reporting.admin.commissioning.pcn.required", commissioner.name()));
      return "redirect:/admin/reporting/commissioning";
    }
    if (commissioning.add(commissioner.id(), pcn.id())) {
      audit.record(
          AuditEntry.allowed(
              "COMMISSIONING_ADDED",
              "report_commissioning",
              commissioner.id() + ":" + pcn.id(),
              null));
    }
    redirect.addFlashAttribute(
        "success", message("reporting.admin.commissioning.added", commissioner.name(), pcn.name()));
    return "redirect:/admin/reporting/commissioning";
  }

  @PostMapping("/commissioning/{commissionerId}/pcns/{pcnId}/remove")
  String removePcn(
      @PathVariable UUID commissionerId, @PathVariable UUID pcnId, RedirectAttributes redirect) {
    Organisation commissioner = commissioner(commissionerId);
    Organisation pcn =
        identity
            .organisation(pcnId)
            .filter(o -> o.type() == OrganisationType.PCN)
            .orElseThrow(() -> new RecordNotFoundException("PCN"));
    if (commissioning.remove(commissioner.id(), pcn.id())) {
      audit.record(
          AuditEntry.allowed(
              "COMMISSIONING_REMOVED",
              "report_commissioning",
              commissioner.id() + ":" + pcn.id(),
              null));
    }
    redirect.addFlashAttribute(
        "success",
        message("reporting.admin.commissioning.removed", commissioner.name(), pcn.name()));
    return "redirect:/admin/reporting/commissioning";
  }

  // ---- helpers ----

  private boolean acceptable(MultipartFile file, String field, BindingResult binding) {
    if (file == null || file.isEmpty()) {
      binding.rejectValue(field, "reporting.admin.file.required");
      return false;
    }
    if (file.getSize() > imports.maxBytes()) {
      binding.rejectValue(
          field,
          "reporting.admin.file.tooLarge",
          new Object[] {imports.maxBytes() / (1024 * 1024)},
          null);
      return false;
    }
    return true;
  }

  /** A successful import goes back to the page with a banner; a failed one is the file's error. */
  private String finished(
      Import done, String field, BindingResult binding, Model model, RedirectAttributes redirect) {
    if (!done.succeeded()) {
      binding.rejectValue(
          field, "reporting.admin.import.failed", new Object[] {done.message()}, null);
      return page(model);
    }
    redirect.addFlashAttribute(
        "success",
        message(
            "reporting.admin.imported",
            done.kind().label(),
            done.rowsStored(),
            done.rowsSkipped()));
    return "redirect:/admin/reporting";
  }

  private List<Organisation> commissioners() {
    List<Organisation> all = new ArrayList<>(identity.organisations(OrganisationType.ICB));
    all.addAll(identity.organisations(OrganisationType.LOCAL_AUTHORITY));
    all.sort(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER));
    return all;
  }

  private int commissionerCount() {
    return identity.organisations(OrganisationType.ICB).size()
        + identity.organisations(OrganisationType.LOCAL_AUTHORITY).size();
  }

  private Organisation commissioner(UUID id) {
    return identity
        .organisation(id)
        .filter(
            o -> o.type() == OrganisationType.ICB || o.type() == OrganisationType.LOCAL_AUTHORITY)
        .orElseThrow(() -> new RecordNotFoundException("commissioning organisation"));
  }

  /** The PCN with this id; null if the text is no PCN's id. */
  private Organisation pcn(String id) {
    try {
      return identity
          .organisation(UUID.fromString(id.strip()))
          .filter(o -> o.type() == OrganisationType.PCN)
          .orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String when(Instant instant) {
    return instant == null ? null : WHEN.format(instant);
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
