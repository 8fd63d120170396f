package org.waymark.research.web;

import static org.waymark.research.web.Forms.parse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.UserAccount;
import org.waymark.research.ExportDataset;
import org.waymark.research.ExportFile;
import org.waymark.research.ExportFormat;
import org.waymark.research.ExportRecord;
import org.waymark.research.Exports;
import org.waymark.research.ResearchValidationException;
import org.waymark.research.Studies;
import org.waymark.research.StudySetup;
import org.waymark.shared.RecordNotFoundException;

/**
 * A study's exports: choose a dataset and a format, state the purpose, download; each dataset's
 * data dictionary; the export log; the recruitment summary for public outputs.
 */
@Controller
@RequiresPermission(Permission.RESEARCH)
class ExportController {

  private final Studies studies;
  private final Exports exports;
  private final IdentityManagement identity;

  ExportController(Studies studies, Exports exports, IdentityManagement identity) {
    this.studies = studies;
    this.exports = exports;
    this.identity = identity;
  }

  @GetMapping("/studies/{id}/exports")
  String page(@PathVariable UUID id, Model model) {
    return page(id, Map.of(), Map.of(), model);
  }

  private String page(
      UUID id, Map<String, String> problems, Map<String, String> values, Model model) {
    StudySetup setup = studies.find(id);
    model.addAttribute("setup", setup);
    model.addAttribute("study", setup.study());
    model.addAttribute("datasets", ExportDataset.values());
    model.addAttribute("formats", ExportFormat.values());
    var log = exports.log(id);
    model.addAttribute("log", log);
    Map<UUID, String> people = new LinkedHashMap<>();
    for (ExportRecord r : log) {
      people.computeIfAbsent(
          r.exportedBy(),
          u -> identity.user(u).map(UserAccount::displayName).orElse("Former member"));
    }
    model.addAttribute("people", people);
    model.addAttribute("summary", exports.recruitmentSummary(id));
    model.addAttribute("threshold", exports.suppressionThreshold());
    model.addAttribute("problems", problems);
    model.addAttribute("values", values);
    return "research/exports";
  }

  @PostMapping("/studies/{id}/exports")
  Object export(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
    try {
      ExportFile file =
          exports.export(
              id,
              parse(ExportDataset.class, form.get("dataset")),
              parse(ExportFormat.class, form.get("format")),
              form.get("purpose"));
      return download(file);
    } catch (ResearchValidationException e) {
      return page(id, e.problems(), form, model);
    }
  }

  @GetMapping("/studies/{id}/exports/dictionaries/{dataset}")
  ResponseEntity<byte[]> dictionary(@PathVariable UUID id, @PathVariable String dataset) {
    ExportDataset d = parse(ExportDataset.class, dataset);
    if (d == null) {
      // Checks the study and membership first, so a stranger learns nothing from the answer.
      studies.find(id);
      throw new RecordNotFoundException("dataset");
    }
    return download(exports.dictionary(id, d));
  }

  private static ResponseEntity<byte[]> download(ExportFile file) {
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(file.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(HttpHeaders.CONTENT_TYPE, file.contentType())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(file.content());
  }
}
