package org.waymark.fhir.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.fhir.FhirClient;
import org.waymark.fhir.FhirClientRegistration;
import org.waymark.fhir.FhirClients;
import org.waymark.identity.Organisation;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;
import org.waymark.shared.RecordNotFoundException;

/**
 * FHIR client systems, for administrators: choose an organisation a client may act for, see its
 * clients, register one (its secret shown once, on the page that answers the registration, and
 * never again), and disable one after a confirmation. {@link FhirClients} checks access and audits
 * registering and disabling.
 */
@Controller
@RequestMapping("/admin/fhir-clients")
@RequiresPermission(Permission.ADMINISTER_ORGANISATIONS)
class FhirClientAdministrationController {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH).withZone(UK);

  private final FhirClients clients;
  private final CodeLists codeLists;
  private final MessageSource messages;

  FhirClientAdministrationController(
      FhirClients clients, CodeLists codeLists, MessageSource messages) {
    this.clients = clients;
    this.codeLists = codeLists;
    this.messages = messages;
  }

  /** A client as the list shows it. */
  record ClientRow(FhirClient client, String created, String disabled) {}

  /** One row of the scope grid: a resource type and its read and write scopes. */
  record ScopeRow(String type, String read, String write) {}

  /** An option of a select. */
  record Option(String value, String label) {}

  @GetMapping
  String clients(@RequestParam(required = false) UUID organisationId, Model model) {
    List<Organisation> organisations = clients.organisations();
    model.addAttribute("organisations", organisations);
    Organisation chosen = null;
    if (organisationId != null) {
      chosen =
          organisations.stream()
              .filter(o -> o.id().equals(organisationId))
              .findFirst()
              .orElseThrow(() -> new RecordNotFoundException("organisation"));
      model.addAttribute(
          "rows",
          clients.forOrganisation(chosen.id()).stream()
              .map(c -> new ClientRow(c, when(c.createdAt()), when(c.disabledAt())))
              .toList());
      model.addAttribute("referralSources", referralSourceLabels());
    }
    model.addAttribute("chosen", chosen);
    return "fhir/admin/clients";
  }

  @GetMapping("/organisations/{organisationId}/register")
  String registerForm(@PathVariable UUID organisationId, Model model) {
    return form(organisation(organisationId), new FhirClientForm(), model);
  }

  @PostMapping("/organisations/{organisationId}/register")
  String register(
      @PathVariable UUID organisationId,
      @Valid @ModelAttribute("fhirClientForm") FhirClientForm form,
      BindingResult binding,
      Model model,
      HttpServletResponse response) {
    Organisation organisation = organisation(organisationId);
    List<String> scopes = new ArrayList<>();
    for (ScopeRow row : grid()) {
      for (String scope : List.of(row.read(), row.write())) {
        if (form.getScopes().contains(scope)) {
          scopes.add(scope);
        }
      }
    }
    if (form.getScopes().isEmpty()) {
      binding.rejectValue("scopes", "fhir.client.scopes.required");
    } else if (scopes.size() != form.getScopes().stream().distinct().count()) {
      binding.rejectValue("scopes", "fhir.client.scopes.unknown");
    }
    String source = null;
    if (refers(organisation)) {
      source = form.getReferralSource() == null ? null : form.getReferralSource().strip();
      if (source == null || source.isEmpty()) {
        binding.rejectValue("referralSource", "fhir.client.referralSource.required");
      } else if (!codeLists.isActive(CodeList.REFERRAL_SOURCE, source)) {
        binding.rejectValue("referralSource", "fhir.client.referralSource.unknown");
      }
    }
    if (binding.hasErrors()) {
      return form(organisation, form, model);
    }
    FhirClientRegistration registration;
    try {
      registration = clients.register(organisation.id(), form.getName().strip(), scopes, source);
    } catch (IllegalArgumentException e) {
      model.addAttribute("problem", message("fhir.client.notRegistered", e.getMessage()));
      return form(organisation, form, model);
    }
    // The secret is on this page only: never kept in a session, never cached.
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("organisation", organisation);
    model.addAttribute("registration", registration);
    model.addAttribute(
        "referralSource",
        source == null ? null : codeLists.label(CodeList.REFERRAL_SOURCE, source));
    model.addAttribute(
        "tokenUrl",
        ServletUriComponentsBuilder.fromCurrentContextPath().path("/oauth2/token").toUriString());
    model.addAttribute(
        "fhirUrl",
        ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir").toUriString());
    return "fhir/admin/registered";
  }

  @GetMapping("/{id}/disable")
  String confirmDisable(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
    FhirClient client = clients.client(id);
    if (!client.enabled()) {
      redirect.addFlashAttribute("problem", message("fhir.client.alreadyDisabled", client.name()));
      return listOf(client);
    }
    model.addAttribute("client", client);
    model.addAttribute("organisation", organisation(client.organisationId()));
    return "fhir/admin/disable";
  }

  @PostMapping("/{id}/disable")
  String disable(@PathVariable UUID id, RedirectAttributes redirect) {
    FhirClient client = clients.client(id);
    if (!client.enabled()) {
      redirect.addFlashAttribute("problem", message("fhir.client.alreadyDisabled", client.name()));
      return listOf(client);
    }
    clients.disable(id);
    redirect.addFlashAttribute("success", message("fhir.client.disabled", client.name()));
    return listOf(client);
  }

  private String form(Organisation organisation, FhirClientForm form, Model model) {
    model.addAttribute("organisation", organisation);
    model.addAttribute("fhirClientForm", form);
    model.addAttribute("grid", grid());
    model.addAttribute("refers", refers(organisation));
    if (refers(organisation)) {
      List<Option> sources = new ArrayList<>();
      sources.add(new Option("", message("fhir.client.referralSource.choose")));
      codeLists.active(CodeList.REFERRAL_SOURCE).stream()
          .map(e -> new Option(e.code(), e.label()))
          .forEach(sources::add);
      model.addAttribute("sources", sources);
    }
    return "fhir/admin/register";
  }

  private static List<ScopeRow> grid() {
    return FhirClients.RESOURCE_TYPES.stream()
        .map(t -> new ScopeRow(t, "system/" + t + ".read", "system/" + t + ".write"))
        .toList();
  }

  /** An organisation a client may act for; another id is not found. */
  private Organisation organisation(UUID id) {
    return clients.organisations().stream()
        .filter(o -> o.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new RecordNotFoundException("organisation"));
  }

  private static boolean refers(Organisation organisation) {
    return FhirClients.roleFor(organisation.type()).orElse(null) == Role.REFERRER;
  }

  private Map<String, String> referralSourceLabels() {
    Map<String, String> labels = new HashMap<>();
    codeLists.all(CodeList.REFERRAL_SOURCE).forEach(e -> labels.put(e.code(), e.label()));
    return labels;
  }

  private static String listOf(FhirClient client) {
    return "redirect:/admin/fhir-clients?organisationId=" + client.organisationId();
  }

  private static String when(Instant instant) {
    return instant == null ? null : WHEN.format(instant);
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
