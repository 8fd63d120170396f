package org.waymark.codelist.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.codelist.CodeEntryChange;
import org.waymark.codelist.CodeEntryConflictException;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeListAdministration;
import org.waymark.codelist.CodeListValidationException;
import org.waymark.codelist.NewCodeEntry;
import org.waymark.codelist.StoredCodeEntry;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.shared.RecordNotFoundException;

/**
 * The code list pages for administrators: the lists, one list's entries, adding an entry, changing
 * one, and deactivating or reactivating one. Lists are addressed by a slug, for example {@code
 * /admin/code-lists/referral-source}.
 */
@Controller
@RequestMapping("/admin/code-lists")
@RequiresPermission(Permission.MAINTAIN_CODE_LISTS)
class CodeListAdministrationController {

  private final CodeListAdministration lists;
  private final MessageSource messages;

  CodeListAdministrationController(CodeListAdministration lists, MessageSource messages) {
    this.lists = lists;
    this.messages = messages;
  }

  /** One list as the overview shows it. */
  record ListSummary(CodeList list, String slug, long active, long total) {}

  @GetMapping
  String overview(Model model) {
    List<ListSummary> summaries = new ArrayList<>();
    for (CodeList list : CodeList.values()) {
      List<StoredCodeEntry> entries = lists.entries(list);
      summaries.add(
          new ListSummary(
              list,
              slug(list),
              entries.stream().filter(e -> e.entry().active()).count(),
              entries.size()));
    }
    model.addAttribute("summaries", summaries);
    return "codelist/lists";
  }

  @GetMapping("/{list}")
  String list(@PathVariable("list") String slug, Model model) {
    CodeList list = list(slug);
    model.addAttribute("list", list);
    model.addAttribute("slug", slug(list));
    model.addAttribute("entries", lists.entries(list));
    return "codelist/list";
  }

  @GetMapping("/{list}/new")
  String newEntry(@PathVariable("list") String slug, Model model) {
    CodeList list = list(slug);
    CodeEntryForm form = new CodeEntryForm();
    form.setPosition(
        Integer.toString(
            lists.entries(list).stream().mapToInt(e -> e.entry().position()).max().orElse(0) + 1));
    model.addAttribute("entryForm", form);
    return form(model, list, null);
  }

  @PostMapping("/{list}/new")
  String create(
      @PathVariable("list") String slug,
      @ModelAttribute("entryForm") CodeEntryForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CodeList list = list(slug);
    if (form.getCode() != null) {
      // Codes are upper case; accept what was typed in lower case rather than refuse it.
      form.setCode(form.getCode().strip().toUpperCase(Locale.ROOT));
    }
    if (!errors.hasErrors()) {
      try {
        StoredCodeEntry added =
            lists.add(
                list,
                new NewCodeEntry(
                    form.getCode(), form.getLabel(), form.getSnomedCode(), form.positionNumber()));
        flash.addFlashAttribute("success", message("codelist.entry.added", added.entry().label()));
        return "redirect:/admin/code-lists/" + slug(list);
      } catch (CodeListValidationException e) {
        reject(errors, form, e);
      }
    }
    return form(model, list, null);
  }

  @GetMapping("/{list}/{code}/edit")
  String edit(@PathVariable("list") String slug, @PathVariable("code") String code, Model model) {
    CodeList list = list(slug);
    StoredCodeEntry entry = lists.entry(list, code);
    model.addAttribute("entryForm", CodeEntryForm.of(entry));
    return form(model, list, entry);
  }

  @PostMapping("/{list}/{code}/edit")
  String update(
      @PathVariable("list") String slug,
      @PathVariable("code") String code,
      @ModelAttribute("entryForm") CodeEntryForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CodeList list = list(slug);
    StoredCodeEntry current = lists.entry(list, code);
    // The code never changes, whatever was posted.
    form.setCode(code);
    if (!errors.hasErrors()) {
      try {
        StoredCodeEntry saved =
            lists.update(
                list,
                code,
                form.getVersion() == null ? -1 : form.getVersion(),
                new CodeEntryChange(
                    form.getLabel(), form.getSnomedCode(), form.isActive(), form.positionNumber()));
        flash.addFlashAttribute(
            "success", message("codelist.entry.updated", saved.entry().label()));
        return "redirect:/admin/code-lists/" + slug(list);
      } catch (CodeListValidationException e) {
        reject(errors, form, e);
      } catch (CodeEntryConflictException e) {
        // Keep what was typed and show the entry as it is now; saving again is a deliberate choice.
        errors.reject("codelist.version.stale");
        model.addAttribute("conflict", e.current());
        form.setVersion(e.current().version());
        current = e.current();
      }
    }
    return form(model, list, current);
  }

  @PostMapping("/{list}/{code}/active")
  String setActive(
      @PathVariable("list") String slug,
      @PathVariable("code") String code,
      @RequestParam(name = "active", required = false) Boolean active,
      @RequestParam(name = "version", required = false) Long version,
      Model model,
      RedirectAttributes flash) {
    CodeList list = list(slug);
    StoredCodeEntry current = lists.entry(list, code);
    if (active == null || version == null) {
      return showList(model, list, message("codelist.active.invalid"));
    }
    try {
      StoredCodeEntry saved = lists.setActive(list, code, version, active);
      flash.addFlashAttribute(
          "success",
          message(
              active ? "codelist.entry.reactivated" : "codelist.entry.deactivated",
              saved.entry().label()));
      return "redirect:/admin/code-lists/" + slug(list);
    } catch (CodeEntryConflictException e) {
      return showList(model, list, message("codelist.active.stale", current.entry().label()));
    }
  }

  private String showList(Model model, CodeList list, String problem) {
    model.addAttribute("problem", problem);
    model.addAttribute("list", list);
    model.addAttribute("slug", slug(list));
    model.addAttribute("entries", lists.entries(list));
    return "codelist/list";
  }

  private String form(Model model, CodeList list, StoredCodeEntry editing) {
    model.addAttribute("list", list);
    model.addAttribute("slug", slug(list));
    model.addAttribute("editing", editing);
    return "codelist/form";
  }

  private static void reject(
      BindingResult errors, CodeEntryForm form, CodeListValidationException e) {
    for (CodeListValidationException.Problem p : e.problems()) {
      if (p.field().equals("position") && form.positionUnreadable()) {
        errors.rejectValue("position", "codelist.position.invalid");
      } else {
        errors.rejectValue(p.field(), p.messageKey());
      }
    }
  }

  /** The address form of a list's name, for example {@code referral-source}. */
  static String slug(CodeList list) {
    return list.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static CodeList list(String slug) {
    return Arrays.stream(CodeList.values())
        .filter(l -> slug(l).equals(slug))
        .findFirst()
        .orElseThrow(() -> new RecordNotFoundException("code list"));
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
