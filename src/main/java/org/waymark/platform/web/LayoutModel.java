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
    add(items, path, "Home", "/", true);
    add(items, path, "People", "/people", access.may(Permission.READ_PERSON));
    add(items, path, "Directory", "/directory", access.may(Permission.SEARCH_DIRECTORY));
    add(
        items,
        path,
        "Directory imports",
        "/admin/directory/imports",
        access.may(Permission.IMPORT_DIRECTORY));
    add(
        items,
        path,
        "Organisations",
        "/admin/organisations",
        access.may(Permission.ADMINISTER_ORGANISATIONS));
    add(items, path, "Users", "/admin/users", access.may(Permission.ADMINISTER_USERS));
    add(items, path, "Audit log", "/admin/audit", access.may(Permission.READ_AUDIT_LOG));
    return items;
  }

  private static void add(
      List<NavigationItem> items, String path, String label, String href, boolean allowed) {
    if (allowed) {
      boolean current =
          href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
      items.add(new NavigationItem(label, href, current));
    }
  }
}
