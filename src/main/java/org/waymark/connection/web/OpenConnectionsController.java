package org.waymark.connection.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.ConnectionText;
import org.waymark.connection.ServiceInbox;
import org.waymark.connection.ServiceInbox.OpenRow;
import org.waymark.connection.ServiceInbox.ResultPage;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.identity.WaymarkUser;

/**
 * A link worker's open connections: the onward referrals they sent that are still waiting for an
 * answer or under way, newest first, with the ones the service has not answered in time flagged. A
 * service manager sees those of every link worker of the PCN they act for, or of one.
 */
@Controller
class OpenConnectionsController {

  private final ServiceInbox inbox;
  private final IdentityManagement identity;
  private final AccessPolicy access;

  OpenConnectionsController(ServiceInbox inbox, IdentityManagement identity, AccessPolicy access) {
    this.inbox = inbox;
    this.identity = identity;
    this.access = access;
  }

  /** One open connection as the list shows it. */
  record Line(
      UUID id,
      String person,
      String service,
      String organisation,
      String linkWorker,
      String status,
      String colour,
      String sent,
      String answerBy,
      boolean overdue) {}

  /** A choice of the status filter. */
  record Option(String value, String label) {}

  @GetMapping("/connections")
  @RequiresPermission(Permission.READ_CASEWORK)
  String open(@ModelAttribute("filter") ListFilter filter, Model model) {
    WaymarkUser user = access.currentUser().orElseThrow();
    boolean manager = user.actingRole().orElseThrow() == Role.SERVICE_MANAGER;
    ConnectionStatus status = status(filter.getStatus());
    filter.setStatus(status == null ? "" : status.name().toLowerCase(Locale.UK));
    List<UserAccount> linkWorkers =
        manager ? identity.usersWithRole(user.organisationId(), Role.LINK_WORKER) : List.of();
    UUID worker = manager ? Web.uuid(filter.getWorker()) : user.userId();
    if (manager && worker != null && linkWorkers.stream().noneMatch(w -> w.id().equals(worker))) {
      // Not one of this PCN's link workers (or gone): show every link worker's instead.
      filter.setWorker(null);
    }
    UUID chosen = manager ? Web.uuid(filter.getWorker()) : user.userId();
    ResultPage<OpenRow> page = inbox.openConnections(chosen, status, Web.page(filter.getPage()));
    Map<UUID, String> names = new HashMap<>();
    linkWorkers.forEach(w -> names.put(w.id(), w.displayName()));
    model.addAttribute("manager", manager);
    model.addAttribute("linkWorkers", linkWorkers);
    model.addAttribute("everyone", manager && chosen == null);
    model.addAttribute(
        "statuses",
        ConnectionStatus.open().stream()
            .sorted()
            .map(s -> new Option(s.name().toLowerCase(Locale.UK), s.label()))
            .toList());
    model.addAttribute("result", page);
    model.addAttribute(
        "rows",
        page.rows().stream()
            .map(
                r ->
                    new Line(
                        r.id(),
                        r.personName(),
                        r.serviceName(),
                        r.serviceOrganisationName(),
                        names.computeIfAbsent(r.requestedBy(), this::name),
                        r.status().label(),
                        r.status().colour(),
                        ConnectionText.date(r.requestedAt()),
                        ConnectionText.answerBy(r.status(), r.answerDueOn()),
                        r.overdue()))
            .toList());
    model.addAttribute(
        "pageHref",
        "/connections?status="
            + filter.getStatus()
            + (manager && chosen != null ? "&worker=" + chosen : "")
            + "&");
    return "connection/open";
  }

  private String name(UUID userId) {
    return identity.user(userId).map(UserAccount::displayName).orElse("A former link worker");
  }

  private static ConnectionStatus status(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    for (ConnectionStatus status : ConnectionStatus.open()) {
      if (status.name().equalsIgnoreCase(s.strip())) {
        return status;
      }
    }
    return null;
  }
}
