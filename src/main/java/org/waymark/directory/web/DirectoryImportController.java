package org.waymark.directory.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
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
import org.waymark.directory.DirectoryImports;
import org.waymark.directory.DirectoryImports.Format;
import org.waymark.directory.DirectoryImports.InvalidHarvestSourceException;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.shared.RecordNotFoundException;

/**
 * Directory imports for administrators: the list of imports and harvested APIs, each import's
 * report (filterable by outcome), uploading a feed, CSV package or the postcode directory, and
 * adding and harvesting ORUK APIs. Imports run while the request waits and end on their report.
 */
@Controller
@RequestMapping("/admin/directory/imports")
@RequiresPermission(Permission.IMPORT_DIRECTORY)
class DirectoryImportController {

  static final int LISTED_IMPORTS = 100;
  static final int LINES_PER_PAGE = 200;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final DirectoryImports imports;
  private final MessageSource messages;

  DirectoryImportController(DirectoryImports imports, MessageSource messages) {
    this.imports = imports;
    this.messages = messages;
  }

  /** An import as the list shows it. */
  record Row(Summary summary, String started) {}

  /** A harvested API as the list shows it. */
  record SourceRow(DirectoryImports.HarvestSource source, String lastHarvested) {}

  @GetMapping
  String list(Model model) {
    model.addAttribute(
        "imports",
        imports.recentImports(LISTED_IMPORTS).stream()
            .map(s -> new Row(s, when(s.startedAt())))
            .toList());
    model.addAttribute(
        "sources",
        imports.harvestSources().stream()
            .map(s -> new SourceRow(s, when(s.lastHarvestedAt())))
            .toList());
    return "directory/import-list";
  }

  @GetMapping("/{id}")
  String report(
      @PathVariable UUID id,
      @RequestParam(name = "outcome", required = false) String outcome,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    Summary summary =
        imports.find(id).orElseThrow(() -> new RecordNotFoundException("directory import"));
    Outcome filter =
        Arrays.stream(Outcome.values())
            .filter(o -> o.name().equals(outcome))
            .findFirst()
            .orElse(null);
    model.addAttribute("summary", summary);
    model.addAttribute("started", when(summary.startedAt()));
    model.addAttribute("finished", when(summary.finishedAt()));
    model.addAttribute("outcomes", Outcome.values());
    model.addAttribute("selected", filter);
    List<DirectoryImports.Line> all = imports.lines(id, filter);
    int totalPages = Math.max(1, (all.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
    int p = Math.min(pageNumber(page), totalPages - 1);
    int from = p * LINES_PER_PAGE;
    int to = Math.min(all.size(), from + LINES_PER_PAGE);
    model.addAttribute("lines", all.subList(from, to));
    model.addAttribute("totalLines", all.size());
    model.addAttribute("firstLine", from + 1);
    model.addAttribute("lastLine", to);
    model.addAttribute("page", p);
    model.addAttribute("totalPages", totalPages);
    model.addAttribute(
        "pageHref",
        "/admin/directory/imports/"
            + id
            + "?"
            + (filter == null ? "" : "outcome=" + filter.name() + "&"));
    return "directory/import-report";
  }

  // ---- files of services ----

  @GetMapping("/upload")
  String uploadForm(Model model) {
    model.addAttribute("uploadForm", new DirectoryImportUploadForm());
    return upload(model);
  }

  @PostMapping("/upload")
  String upload(
      @Valid @ModelAttribute("uploadForm") DirectoryImportUploadForm form,
      BindingResult binding,
      Authentication user,
      Model model,
      RedirectAttributes redirect) {
    if (form.chosenFormat() == null && !binding.hasFieldErrors("format")) {
      binding.rejectValue("format", "directory.import.format.required");
    }
    MultipartFile file = form.getFile();
    if (file == null || file.isEmpty()) {
      binding.rejectValue("file", "directory.import.file.required");
    }
    if (binding.hasErrors()) {
      return upload(model);
    }
    String source = sourceName(form.getSource(), file.getOriginalFilename());
    Path temp = save(file);
    try {
      Summary summary = imports.importFile(form.chosenFormat(), source, temp, user.getName());
      return finished(summary, redirect);
    } finally {
      delete(temp);
    }
  }

  private String upload(Model model) {
    model.addAttribute("formats", Format.values());
    return "directory/import-upload";
  }

  // ---- the postcode directory ----

  @GetMapping("/postcodes")
  String postcodesForm(Model model) {
    model.addAttribute("postcodesForm", new DirectoryImportPostcodesForm());
    return "directory/import-postcodes";
  }

  @PostMapping("/postcodes")
  String postcodes(
      @ModelAttribute("postcodesForm") DirectoryImportPostcodesForm form,
      BindingResult binding,
      Authentication user,
      RedirectAttributes redirect) {
    MultipartFile file = form.getFile();
    if (file == null || file.isEmpty()) {
      binding.rejectValue("file", "directory.import.file.required");
      return "directory/import-postcodes";
    }
    String source = sourceName(null, file.getOriginalFilename());
    try (InputStream in = file.getInputStream()) {
      return finished(imports.importPostcodes(source, in, user.getName()), redirect);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- ORUK APIs ----

  @GetMapping("/sources/new")
  String sourceForm(Model model) {
    model.addAttribute("sourceForm", new DirectoryImportSourceForm());
    return "directory/import-source";
  }

  @PostMapping("/sources/new")
  String addSource(
      @Valid @ModelAttribute("sourceForm") DirectoryImportSourceForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    if (!binding.hasFieldErrors("baseUrl")
        && !DirectoryImports.isHarvestableAddress(form.getBaseUrl())) {
      binding.rejectValue("baseUrl", "directory.import.baseUrl.invalid");
    }
    if (form.hours() == null && !binding.hasFieldErrors("everyHours")) {
      binding.rejectValue("everyHours", "directory.import.everyHours.range");
    }
    if (!binding.hasErrors()) {
      try {
        DirectoryImports.HarvestSource source =
            imports.addHarvestSource(form.getBaseUrl(), form.getName(), form.hours());
        redirect.addFlashAttribute(
            "success", message("directory.import.source.added", source.name()));
        return "redirect:/admin/directory/imports";
      } catch (InvalidHarvestSourceException e) {
        binding.rejectValue("baseUrl", "directory.import.baseUrl.invalid");
      }
    }
    return "directory/import-source";
  }

  @PostMapping("/sources/{id}/harvest")
  String harvest(@PathVariable UUID id, Authentication user, RedirectAttributes redirect) {
    if (imports.harvestSources().stream().noneMatch(s -> s.id().equals(id))) {
      throw new RecordNotFoundException("harvest source");
    }
    return imports
        .harvest(id, user.getName())
        .map(summary -> finished(summary, redirect))
        .orElseGet(
            () -> {
              redirect.addFlashAttribute("problem", message("directory.import.harvest.busy"));
              return "redirect:/admin/directory/imports";
            });
  }

  // ---- helpers ----

  private String finished(Summary summary, RedirectAttributes redirect) {
    redirect.addFlashAttribute(
        "success",
        message(
            "directory.import.finished",
            summary.created(),
            summary.updated(),
            summary.unchanged(),
            summary.skipped(),
            summary.failed()));
    return "redirect:/admin/directory/imports/" + summary.id();
  }

  /** The source name typed, or else the file's name without its extension. */
  static String sourceName(String typed, String fileName) {
    if (typed != null && !typed.isBlank()) {
      return typed.strip();
    }
    String name =
        fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
    int dot = name.lastIndexOf('.');
    name = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9 ._-]", "").strip();
    return name.isEmpty() ? "upload" : name;
  }

  private static Path save(MultipartFile file) {
    try {
      Path temp = Files.createTempFile("waymark-directory-import-", ".upload");
      file.transferTo(temp);
      return temp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      temp.toFile().deleteOnExit();
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

  /** For the pages: a moment in UTC, for example "27 Nov 2026 14:05"; empty for null. */
  static String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
