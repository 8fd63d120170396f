package org.waymark.administration.web;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.IdentityValidationException;
import org.waymark.identity.Membership;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.shared.RecordNotFoundException;

/**
 * Organisations: the list, adding one, its details (member practices and users), and changing it.
 */
@Controller
@RequestMapping("/admin/organisations")
@RequiresPermission(Permission.ADMINISTER_ORGANISATIONS)
class OrganisationAdministrationController {

  /** The types an administrator may create: every type but the deployment itself. */
  static final List<OrganisationType> CREATABLE_TYPES =
      Arrays.stream(OrganisationType.values())
          .filter(t -> t != OrganisationType.DEPLOYMENT)
          .toList();

  private final IdentityManagement identity;
  private final MessageSource messages;

  OrganisationAdministrationController(IdentityManagement identity, MessageSource messages) {
    this.identity = identity;
    this.messages = messages;
  }

  /** A user of an organisation and the roles they hold there. */
  record Member(UserAccount user, List<Role> roles) {}

  @GetMapping
  String list(@RequestParam(name = "type", required = false) String type, Model model) {
    OrganisationType filter = typeOrNull(type);
    List<Organisation> all = identity.organisations();
    Map<UUID, String> names =
        all.stream().collect(Collectors.toMap(Organisation::id, Organisation::name));
    model.addAttribute(
        "organisations",
        filter == null ? all : all.stream().filter(o -> o.type() == filter).toList());
    model.addAttribute("names", names);
    model.addAttribute("types", OrganisationType.values());
    model.addAttribute("selectedType", filter);
    return "administration/organisations";
  }

  @GetMapping("/new")
  String newOrganisation(Model model) {
    model.addAttribute("organisationForm", new OrganisationForm());
    return form(model, null);
  }

  @PostMapping("/new")
  String create(
      @Valid @ModelAttribute("organisationForm") OrganisationForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if ((form.getType() == null || form.getType() == OrganisationType.DEPLOYMENT)
        && !binding.hasFieldErrors("type")) {
      binding.rejectValue("type", "organisation.type.invalid");
    }
    if (!binding.hasErrors()) {
      try {
        Organisation created =
            identity.createOrganisation(
                form.getType(),
                form.getName(),
                form.getOdsCode(),
                form.getParentId(),
                form.getPostcode());
        redirect.addFlashAttribute(
            "success", message("administration.organisation.created", created.name()));
        return "redirect:/admin/organisations/" + created.id();
      } catch (IdentityValidationException e) {
        IdentityErrors.reject(binding, e);
      }
    }
    return form(model, null);
  }

  @GetMapping("/{id}")
  String show(@PathVariable UUID id, Model model) {
    Organisation organisation = find(id);
    model.addAttribute("organisation", organisation);
    model.addAttribute(
        "parent",
        organisation.parentId() == null
            ? null
            : identity.organisation(organisation.parentId()).orElse(null));
    model.addAttribute(
        "practices",
        organisation.type() == OrganisationType.PCN
            ? identity.memberPractices(id)
            : List.<Organisation>of());
    model.addAttribute(
        "members",
        identity.usersOf(id).stream()
            .map(
                u ->
                    new Member(
                        u,
                        u.memberships().stream()
                            .filter(m -> m.organisationId().equals(id))
                            .map(Membership::role)
                            .toList()))
            .toList());
    return "administration/organisation";
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable UUID id, Model model) {
    Organisation organisation = find(id);
    model.addAttribute("organisationForm", OrganisationForm.of(organisation));
    return form(model, organisation);
  }

  @PostMapping("/{id}/edit")
  String update(
      @PathVariable UUID id,
      @Valid @ModelAttribute("organisationForm") OrganisationForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Organisation organisation = find(id);
    // The type is fixed once created; whatever was posted, show the real one.
    form.setType(organisation.type());
    if (!binding.hasErrors()) {
      try {
        Organisation updated =
            identity.updateOrganisation(
                id, form.getName(), form.getOdsCode(), form.getParentId(), form.getPostcode());
        redirect.addFlashAttribute(
            "success", message("administration.organisation.updated", updated.name()));
        return "redirect:/admin/organisations/" + id;
      } catch (IdentityValidationException e) {
        IdentityErrors.reject(binding, e);
      }
    }
    return form(model, organisation);
  }

  private String form(Model model, Organisation editing) {
    model.addAttribute("organisation", editing);
    model.addAttribute("types", CREATABLE_TYPES);
    model.addAttribute("pcns", identity.organisations(OrganisationType.PCN));
    return "administration/organisation-form";
  }

  private Organisation find(UUID id) {
    return identity.organisation(id).orElseThrow(() -> new RecordNotFoundException("organisation"));
  }

  /** An unknown type in the filter's address shows every organisation rather than an error. */
  private static OrganisationType typeOrNull(String type) {
    return Arrays.stream(OrganisationType.values())
        .filter(t -> t.name().equals(type))
        .findFirst()
        .orElse(null);
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
