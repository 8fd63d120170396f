package org.waymark.administration.web;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.IdentityValidationException;
import org.waymark.identity.Membership;
import org.waymark.identity.Organisation;
import org.waymark.identity.PasswordPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.shared.RecordNotFoundException;

/**
 * User accounts: finding them, adding one, and on a user's page their roles, their password and
 * whether the account may sign in. Every change is a POST; those that take access away are
 * confirmed on a page of their own first.
 */
@Controller
@RequestMapping("/admin/users")
@RequiresPermission(Permission.ADMINISTER_USERS)
class UserAdministrationController {

  private final IdentityManagement identity;
  private final AccessPolicy access;
  private final TransactionTemplate transactions;
  private final MessageSource messages;

  UserAdministrationController(
      IdentityManagement identity,
      AccessPolicy access,
      TransactionTemplate transactions,
      MessageSource messages) {
    this.identity = identity;
    this.access = access;
    this.transactions = transactions;
    this.messages = messages;
  }

  @GetMapping
  String list(@RequestParam(name = "q", required = false) String query, Model model) {
    model.addAttribute("q", query);
    model.addAttribute("users", identity.searchUsers(query));
    return "administration/users";
  }

  @GetMapping("/new")
  String newUser(Model model) {
    model.addAttribute("newUserForm", new NewUserForm());
    return newUserPage(model);
  }

  @PostMapping("/new")
  String create(
      @Valid @ModelAttribute("newUserForm") NewUserForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    // The first membership is optional, but half of one is a mistake.
    if (form.getOrganisationId() != null
        && form.getRole() == null
        && !binding.hasFieldErrors("role")) {
      binding.rejectValue("role", "administration.membership.role.required");
    }
    if (form.getRole() != null
        && form.getOrganisationId() == null
        && !binding.hasFieldErrors("organisationId")) {
      binding.rejectValue("organisationId", "administration.membership.organisation.required");
    }
    if (form.getOrganisationId() != null
        && identity.organisation(form.getOrganisationId()).isEmpty()) {
      binding.rejectValue("organisationId", "administration.membership.organisation.required");
    }
    if (!binding.hasErrors()) {
      try {
        // One transaction, so a membership the identity rules refuse leaves no account behind.
        UserAccount created =
            transactions.execute(
                status -> {
                  UserAccount user =
                      identity.createUser(
                          form.getEmail(), form.getDisplayName(), form.getPassword());
                  if (form.getOrganisationId() != null) {
                    identity.addMembership(user.id(), form.getOrganisationId(), form.getRole());
                  }
                  return user;
                });
        redirect.addFlashAttribute(
            "success", message("administration.user.created", created.displayName()));
        return "redirect:/admin/users/" + created.id();
      } catch (IdentityValidationException e) {
        IdentityErrors.reject(binding, e);
      }
    }
    return newUserPage(model);
  }

  @GetMapping("/{id}")
  String show(@PathVariable UUID id, Model model) {
    return userPage(model, find(id));
  }

  @PostMapping("/{id}/memberships")
  String addMembership(
      @PathVariable UUID id,
      @Valid @ModelAttribute("membershipForm") MembershipForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    UserAccount user = find(id);
    Organisation organisation =
        form.getOrganisationId() == null
            ? null
            : identity.organisation(form.getOrganisationId()).orElse(null);
    if (organisation == null && !binding.hasFieldErrors("organisationId")) {
      binding.rejectValue("organisationId", "administration.membership.organisation.required");
    }
    if (!binding.hasErrors()) {
      try {
        if (identity.addMembership(id, organisation.id(), form.getRole())) {
          redirect.addFlashAttribute(
              "success",
              message(
                  "administration.membership.added",
                  user.displayName(),
                  form.getRole().label(),
                  organisation.name()));
          return "redirect:/admin/users/" + id;
        }
        binding.rejectValue("role", "administration.membership.exists");
      } catch (IdentityValidationException e) {
        IdentityErrors.reject(binding, e);
      }
    }
    return userPage(model, user);
  }

  @GetMapping("/{id}/memberships/remove")
  String confirmRemoval(
      @PathVariable UUID id,
      @RequestParam UUID organisationId,
      @RequestParam Role role,
      Model model) {
    UserAccount user = find(id);
    Membership membership = membership(user, organisationId, role);
    if (isOwnAdministratorRole(id, role)) {
      return userPage(model, user, "administration.membership.removeOwnAdministrator");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("organisationId", organisationId.toString());
    fields.put("role", role.name());
    return confirmation(
        model,
        user,
        message(
            "administration.membership.remove.title", role.label(), membership.organisationName()),
        message("administration.membership.remove.body", user.displayName()),
        "/admin/users/" + id + "/memberships/remove",
        fields,
        message("administration.membership.remove.button"),
        true);
  }

  @PostMapping("/{id}/memberships/remove")
  String removeMembership(
      @PathVariable UUID id,
      @RequestParam UUID organisationId,
      @RequestParam Role role,
      Model model,
      RedirectAttributes redirect) {
    UserAccount user = find(id);
    if (isOwnAdministratorRole(id, role)) {
      return userPage(model, user, "administration.membership.removeOwnAdministrator");
    }
    // Sent twice (a double click, the back button), the second removal finds nothing: not an error.
    Membership membership =
        user.memberships().stream()
            .filter(m -> m.organisationId().equals(organisationId) && m.role() == role)
            .findFirst()
            .orElse(null);
    if (membership != null && identity.removeMembership(id, organisationId, role)) {
      redirect.addFlashAttribute(
          "success",
          message(
              "administration.membership.removed",
              user.displayName(),
              role.label(),
              membership.organisationName()));
    }
    return "redirect:/admin/users/" + id;
  }

  @GetMapping("/{id}/disable")
  String confirmDisable(@PathVariable UUID id, Model model) {
    UserAccount user = find(id);
    if (isSelf(id)) {
      return userPage(model, user, "administration.user.disableSelf");
    }
    return confirmation(
        model,
        user,
        message("administration.user.disable.title", user.displayName()),
        message("administration.user.disable.body"),
        "/admin/users/" + id + "/disable",
        Map.of(),
        message("administration.user.disable.button"),
        true);
  }

  @PostMapping("/{id}/disable")
  String disable(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
    UserAccount user = find(id);
    if (isSelf(id)) {
      return userPage(model, user, "administration.user.disableSelf");
    }
    identity.disableUser(id);
    redirect.addFlashAttribute(
        "success", message("administration.user.disabled", user.displayName()));
    return "redirect:/admin/users/" + id;
  }

  @GetMapping("/{id}/enable")
  String confirmEnable(@PathVariable UUID id, Model model) {
    UserAccount user = find(id);
    return confirmation(
        model,
        user,
        message("administration.user.enable.title", user.displayName()),
        message("administration.user.enable.body"),
        "/admin/users/" + id + "/enable",
        Map.of(),
        message("administration.user.enable.button"),
        false);
  }

  @PostMapping("/{id}/enable")
  String enable(@PathVariable UUID id, RedirectAttributes redirect) {
    UserAccount user = find(id);
    identity.enableUser(id);
    redirect.addFlashAttribute(
        "success", message("administration.user.enabled", user.displayName()));
    return "redirect:/admin/users/" + id;
  }

  @GetMapping("/{id}/oidc-subject/clear")
  String confirmClearOidcSubject(@PathVariable UUID id, Model model) {
    UserAccount user = find(id);
    return confirmation(
        model,
        user,
        message("administration.user.oidcSubject.clear.title", user.displayName()),
        message("administration.user.oidcSubject.clear.body"),
        "/admin/users/" + id + "/oidc-subject/clear",
        Map.of(),
        message("administration.user.oidcSubject.clear.button"),
        true);
  }

  @PostMapping("/{id}/oidc-subject/clear")
  String clearOidcSubject(@PathVariable UUID id, RedirectAttributes redirect) {
    UserAccount user = find(id);
    // Sent twice, the second finds nothing to clear: not an error.
    if (identity.clearOidcSubject(id)) {
      redirect.addFlashAttribute(
          "success", message("administration.user.oidcSubject.cleared", user.displayName()));
    }
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/{id}/password")
  String setPassword(
      @PathVariable UUID id,
      @Valid @ModelAttribute("passwordForm") PasswordForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    UserAccount user = find(id);
    if (!binding.hasErrors()) {
      try {
        identity.changePassword(id, form.getPassword());
        redirect.addFlashAttribute(
            "success", message("administration.user.passwordSet", user.displayName()));
        return "redirect:/admin/users/" + id;
      } catch (IdentityValidationException e) {
        IdentityErrors.reject(binding, e);
      }
    }
    return userPage(model, user);
  }

  private String newUserPage(Model model) {
    model.addAttribute("organisations", identity.organisations());
    model.addAttribute("roles", Role.values());
    model.addAttribute("passwordMinLength", PasswordPolicy.MIN_LENGTH);
    return "administration/user-form";
  }

  private String userPage(Model model, UserAccount user) {
    return userPage(model, user, null);
  }

  /** The user's page; {@code problemKey}, if not null, is why the action asked for was refused. */
  private String userPage(Model model, UserAccount user, String problemKey) {
    if (!model.containsAttribute("membershipForm")) {
      model.addAttribute("membershipForm", new MembershipForm());
    }
    if (!model.containsAttribute("passwordForm")) {
      model.addAttribute("passwordForm", new PasswordForm());
    }
    model.addAttribute("user", user);
    model.addAttribute("self", isSelf(user.id()));
    model.addAttribute("createdAt", Formats.when(user.createdAt()));
    model.addAttribute("disabledAt", Formats.when(user.disabledAt()));
    model.addAttribute("oidcSubject", identity.oidcSubject(user.id()).orElse(null));
    model.addAttribute("organisations", identity.organisations());
    model.addAttribute("roles", Role.values());
    model.addAttribute("passwordMinLength", PasswordPolicy.MIN_LENGTH);
    model.addAttribute("problem", problemKey == null ? null : message(problemKey));
    return "administration/user";
  }

  private String confirmation(
      Model model,
      UserAccount user,
      String title,
      String body,
      String action,
      Map<String, String> fields,
      String button,
      boolean takesAccessAway) {
    model.addAttribute("user", user);
    model.addAttribute("title", title);
    model.addAttribute("body", body);
    model.addAttribute("action", action);
    model.addAttribute("fields", fields);
    model.addAttribute("button", button);
    model.addAttribute("warning", takesAccessAway);
    return "administration/confirm";
  }

  private UserAccount find(UUID id) {
    return identity.user(id).orElseThrow(() -> new RecordNotFoundException("user"));
  }

  private static Membership membership(UserAccount user, UUID organisationId, Role role) {
    return user.memberships().stream()
        .filter(m -> m.organisationId().equals(organisationId) && m.role() == role)
        .findFirst()
        .orElseThrow(() -> new RecordNotFoundException("membership"));
  }

  private boolean isSelf(UUID userId) {
    return access.currentUser().map(u -> u.userId().equals(userId)).orElse(false);
  }

  /**
   * An administrator who removed their own role could lock the deployment out of its own
   * administration.
   */
  private boolean isOwnAdministratorRole(UUID userId, Role role) {
    return role == Role.ADMINISTRATOR && isSelf(userId);
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
