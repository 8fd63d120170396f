package org.waymark.notification.web;

import java.util.Arrays;
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
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.notification.NotificationTemplate;
import org.waymark.notification.NotificationTemplates;
import org.waymark.notification.StoredTemplate;
import org.waymark.notification.TemplateConflictException;
import org.waymark.notification.TemplateValidationException;
import org.waymark.shared.RecordNotFoundException;

/**
 * The notification template pages for administrators: the templates (with recent messages and their
 * status), editing one, and putting its defaults back. Templates are addressed by a slug, for
 * example {@code /admin/notification-templates/connection-requested}.
 */
@Controller
@RequestMapping("/admin/notification-templates")
@RequiresPermission(Permission.MAINTAIN_NOTIFICATION_TEMPLATES)
class NotificationTemplateController {

  private final NotificationTemplates templates;
  private final MessageSource messages;

  NotificationTemplateController(NotificationTemplates templates, MessageSource messages) {
    this.templates = templates;
    this.messages = messages;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("templates", templates.all());
    model.addAttribute("recent", templates.recentMessages(50));
    return "notification/templates";
  }

  @GetMapping("/{slug}")
  String edit(@PathVariable("slug") String slug, Model model) {
    StoredTemplate stored = templates.get(template(slug));
    model.addAttribute("templateForm", TemplateForm.of(stored));
    return form(model, stored);
  }

  @PostMapping("/{slug}")
  String save(
      @PathVariable("slug") String slug,
      @ModelAttribute("templateForm") TemplateForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    NotificationTemplate template = template(slug);
    StoredTemplate current = templates.get(template);
    if (!errors.hasErrors()) {
      try {
        templates.save(template, form.getVersion() == null ? -1 : form.getVersion(), form.texts());
        flash.addFlashAttribute("success", message("notification.template.saved", label(template)));
        return "redirect:/admin/notification-templates";
      } catch (TemplateValidationException e) {
        for (TemplateValidationException.Problem p : e.problems()) {
          errors.rejectValue(p.field(), p.messageKey(), p.arguments().toArray(), null);
        }
      } catch (TemplateConflictException e) {
        errors.reject("notification.version.stale");
        model.addAttribute("conflict", e.current());
        form.setVersion(e.current().version());
        current = e.current();
      }
    }
    return form(model, current);
  }

  @PostMapping("/{slug}/reset")
  String reset(
      @PathVariable("slug") String slug,
      @RequestParam(name = "version", required = false) Long version,
      Model model,
      RedirectAttributes flash) {
    NotificationTemplate template = template(slug);
    try {
      templates.reset(template, version == null ? -1 : version);
      flash.addFlashAttribute("success", message("notification.template.reset", label(template)));
      return "redirect:/admin/notification-templates";
    } catch (TemplateConflictException e) {
      model.addAttribute("templateForm", TemplateForm.of(e.current()));
      model.addAttribute("problem", message("notification.version.staleReset"));
      return form(model, e.current());
    }
  }

  private String form(Model model, StoredTemplate stored) {
    model.addAttribute("stored", stored);
    model.addAttribute("template", stored.template());
    model.addAttribute("slug", slug(stored.template()));
    model.addAttribute("label", label(stored.template()));
    model.addAttribute(
        "staff", stored.template().audience() == NotificationTemplate.Audience.STAFF);
    return "notification/template-form";
  }

  /** The address form of a template's name, for example {@code connection-requested}. */
  static String slug(NotificationTemplate template) {
    return template.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A template's name as people read it, for example "Connection requested". */
  static String label(NotificationTemplate template) {
    String words = template.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static NotificationTemplate template(String slug) {
    return Arrays.stream(NotificationTemplate.values())
        .filter(t -> slug(t).equals(slug))
        .findFirst()
        .orElseThrow(() -> new RecordNotFoundException("notification template"));
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
