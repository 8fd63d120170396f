package org.waymark.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.WaymarkUser;

/** What every page's layout needs: the signed-in user and the navigation their role may use. */
@ControllerAdvice
class LayoutModel {

  private final AccessPolicy access;

  LayoutModel(AccessPolicy access) {
    this.access = access;
  }

  @ModelAttribute("currentUser")
  WaymarkUser currentUser() {
    return access.currentUser().orElse(null);
  }

  @ModelAttribute("navigation")
  List<NavigationItem> navigation(HttpServletRequest request) {
    List<NavigationItem> items = new ArrayList<>();
    if (access.currentUser().isEmpty()) {
      return items;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    add(items, "Home", "/", true);
    add(items, "Triage", "/triage", access.may(Permission.TRIAGE_REFERRALS));
    add(items, "Caseload", "/caseload", access.may(Permission.READ_CASEWORK));
    add(items, "Connections", "/connections", access.may(Permission.READ_CASEWORK));
    add(items, "Follow-ups", "/follow-ups", access.may(Permission.READ_CASEWORK));
    add(items, "Referrals", "/vcs/referrals", access.may(Permission.ANSWER_CONNECTIONS));
    add(items, "Our services", "/vcs/services", access.may(Permission.ANSWER_CONNECTIONS));
    add(items, "My referrals", "/referrals/mine", access.may(Permission.READ_OWN_REFERRALS));
    add(items, "Refer someone", "/referrals/new", access.may(Permission.MAKE_REFERRAL));
    add(items, "Import referrals", "/referrals/import", access.may(Permission.IMPORT_REFERRALS));
    add(items, "People", "/people", access.may(Permission.READ_PERSON));
    add(items, "Directory", "/directory", access.may(Permission.SEARCH_DIRECTORY));
    add(items, "Studies", "/studies", access.may(Permission.RESEARCH));
    add(items, "Reports", "/reports/service", access.may(Permission.VIEW_SERVICE_REPORTS));
    add(
        items,
        "Reports",
        "/reports/commissioner",
        access.may(Permission.VIEW_COMMISSIONER_REPORTS));
    add(items, "Figures", "/reports/vcs", access.may(Permission.VIEW_VCS_REPORTS));
    add(items, "Listings", "/directory/listings", access.may(Permission.EDIT_DIRECTORY_LISTING));
    add(
        items,
        "Directory imports",
        "/admin/directory/imports",
        access.may(Permission.IMPORT_DIRECTORY));
    add(
        items,
        "Organisations",
        "/admin/organisations",
        access.may(Permission.ADMINISTER_ORGANISATIONS));
    add(items, "Users", "/admin/users", access.may(Permission.ADMINISTER_USERS));
    add(
        items,
        "FHIR clients",
        "/admin/fhir-clients",
        access.may(Permission.ADMINISTER_ORGANISATIONS));
    add(items, "Code lists", "/admin/code-lists", access.may(Permission.MAINTAIN_CODE_LISTS));
    add(
        items,
        "Notification templates",
        "/admin/notification-templates",
        access.may(Permission.MAINTAIN_NOTIFICATION_TEMPLATES));
    add(
        items,
        "Questionnaires",
        "/admin/questionnaires",
        access.may(Permission.MAINTAIN_INSTRUMENTS));
    add(
        items,
        "Reporting administration",
        "/admin/reporting",
        access.may(Permission.MAINTAIN_REPORTING));
    add(items, "Audit log", "/admin/audit", access.may(Permission.READ_AUDIT_LOG));
    // Only the most specific section is current: /directory/listings is Listings, not Directory.
    String current =
        items.stream()
            .map(NavigationItem::href)
            .filter(href -> matches(path, href))
            .max(java.util.Comparator.comparingInt(String::length))
            .orElse(null);
    return items.stream()
        .map(i -> new NavigationItem(i.label(), i.href(), i.href().equals(current)))
        .toList();
  }

  private static boolean matches(String path, String href) {
    return href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
  }

  private static void add(List<NavigationItem> items, String label, String href, boolean allowed) {
    if (allowed) {
      items.add(new NavigationItem(label, href, false));
    }
  }
}
