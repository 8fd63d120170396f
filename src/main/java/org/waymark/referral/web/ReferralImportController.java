package org.waymark.referral.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralImportRejectedException;
import org.waymark.referral.ReferralImportRejectedException.FileProblem;
import org.waymark.referral.ReferralImports;

/**
 * Service managers import referrals from a CSV file: all rows or none. A refused file is answered
 * on the upload page (the whole file) or with a report of every bad row and its problems.
 */
@Controller
@RequestMapping("/referrals/import")
@RequiresPermission(Permission.IMPORT_REFERRALS)
class ReferralImportController {

  private final ReferralImports imports;
  private final MessageSource messages;

  ReferralImportController(ReferralImports imports, MessageSource messages) {
    this.imports = imports;
    this.messages = messages;
  }

  /** One problem of a bad row, as the report shows it. */
  record RowProblem(String column, String message) {}

  /** A bad row and its problems. */
  record BadRow(int rowNumber, List<RowProblem> problems) {}

  @GetMapping
  String form(Model model) {
    model.addAttribute("importForm", new ReferralImportForm());
    return page(model);
  }

  @GetMapping("/template.csv")
  ResponseEntity<byte[]> template() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("referrals-template.csv").build().toString())
        .body(imports.template());
  }

  @PostMapping
  String upload(
      @ModelAttribute("importForm") ReferralImportForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    MultipartFile file = form.getFile();
    if (file == null || file.isEmpty()) {
      binding.rejectValue("file", "referral.import.file.required");
      return page(model);
    }
    if (file.getSize() > imports.maxBytes()) {
      binding.rejectValue(
          "file",
          "referral.import.file.tooLarge",
          new Object[] {imports.maxBytes() / (1024 * 1024)},
          null);
      return page(model);
    }
    List<Referral> imported;
    try (InputStream in = file.getInputStream()) {
      imported = imports.importCsv(in);
    } catch (ReferralImportRejectedException e) {
      if (e.fileProblem() != null) {
        FileProblem p = e.fileProblem();
        binding.rejectValue("file", p.messageKey(), p.arguments().toArray(), null);
        return page(model);
      }
      model.addAttribute("fileName", file.getOriginalFilename());
      model.addAttribute(
          "badRows",
          e.rows().stream()
              .map(
                  r ->
                      new BadRow(
                          r.rowNumber(),
                          r.problems().stream()
                              .map(
                                  p ->
                                      new RowProblem(
                                          ReferralImports.column(p.field()),
                                          messages.getMessage(
                                              p.messageKey(), null, p.messageKey(), Locale.UK)))
                              .toList()))
              .toList());
      return "referral/import-rejected";
    }
    redirect.addFlashAttribute("count", imported.size());
    redirect.addFlashAttribute("references", imported.stream().map(Referral::reference).toList());
    return "redirect:/referrals/import/done";
  }

  @GetMapping("/done")
  String done(Model model) {
    if (!model.containsAttribute("count")) {
      return "redirect:/referrals/import";
    }
    return "referral/import-done";
  }

  private String page(Model model) {
    model.addAttribute("maxMegabytes", imports.maxBytes() / (1024 * 1024));
    model.addAttribute("maxRows", imports.maxRows());
    return "referral/import";
  }
}
