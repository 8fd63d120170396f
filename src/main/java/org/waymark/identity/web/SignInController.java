package org.waymark.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Membership;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.PublicEndpoint;

/** The sign-in page, and choosing which organisation to act for. */
@Controller
class SignInController {

  private final AccessPolicy access;
  private final AuditLog audit;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  private final String openIdConnectName;

  SignInController(
      AccessPolicy access,
      AuditLog audit,
      @Value("${waymark.oidc.issuer-uri:}") String openIdConnectIssuer,
      @Value("${waymark.oidc.name:single sign-on}") String openIdConnectName) {
    this.access = access;
    this.audit = audit;
    this.openIdConnectName = openIdConnectIssuer.isBlank() ? null : openIdConnectName;
  }

  @GetMapping("/login")
  @PublicEndpoint("Anyone must be able to reach the sign-in page")
  String login(Model model) {
    // Null unless OpenID Connect sign-in is configured; then the page offers it beside the form.
    model.addAttribute("oidcName", openIdConnectName);
    return access.currentUser().isPresent() ? "redirect:/" : "identity/login";
  }

  @GetMapping("/choose-organisation")
  @RequiresPermission(Permission.SIGNED_IN)
  String chooseOrganisation(Model model) {
    WaymarkUser user = access.currentUser().orElseThrow();
    model.addAttribute("memberships", user.memberships());
    model.addAttribute("acting", user.acting().orElse(null));
    return "identity/choose-organisation";
  }

  @PostMapping("/choose-organisation")
  @RequiresPermission(Permission.SIGNED_IN)
  String actFor(
      @RequestParam(name = "membership", required = false) String choice,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    WaymarkUser user = access.currentUser().orElseThrow();
    Membership chosen = find(user.memberships(), choice);
    if (chosen == null) {
      model.addAttribute("memberships", user.memberships());
      model.addAttribute("acting", user.acting().orElse(null));
      model.addAttribute("choiceError", true);
      return "identity/choose-organisation";
    }
    WaymarkUser acting = user.actingAs(chosen);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(acting, null, acting.getAuthorities()));
    SecurityContextHolder.setContext(context);
    // A change of role is a change of privilege: give the session a new id.
    request.changeSessionId();
    contexts.saveContext(context, request, response);
    audit.record(
        AuditEntry.allowed(
                "ACTING_ORGANISATION_CHOSEN", "organisation", chosen.organisationId(), null)
            .withDetail(chosen.role().name()));
    return "redirect:/";
  }

  /** Memberships are chosen as "organisationId:ROLE". */
  private static Membership find(List<Membership> memberships, String choice) {
    if (choice == null || !choice.contains(":")) {
      return null;
    }
    String[] parts = choice.split(":", 2);
    try {
      UUID org = UUID.fromString(parts[0]);
      Role role = Role.valueOf(parts[1]);
      return memberships.stream()
          .filter(m -> m.organisationId().equals(org) && m.role() == role)
          .findFirst()
          .orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
