package org.waymark.followup.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.followup.FollowUp;
import org.waymark.followup.FollowUpPage;
import org.waymark.followup.FollowUpState;
import org.waymark.followup.FollowUps;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.identity.WaymarkUser;
import org.waymark.person.Person;
import org.waymark.person.PersonManagement;

/**
 * The follow-up lists: a link worker's own cases' follow-ups, or for a service manager the whole
 * service's (or one link worker's), in tabs for due now, overdue, missed, upcoming and done.
 */
@Controller
class FollowUpListController {

  static final int PAGE_SIZE = 25;

  private final FollowUps followUps;
  private final PersonManagement people;
  private final IdentityManagement identity;
  private final AccessPolicy access;

  FollowUpListController(
      FollowUps followUps,
      PersonManagement people,
      IdentityManagement identity,
      AccessPolicy access) {
    this.followUps = followUps;
    this.people = people;
    this.identity = identity;
    this.access = access;
  }

  /** One follow-up as the list shows it. */
  record Row(
      UUID id,
      UUID caseId,
      String person,
      String name,
      String opens,
      String target,
      String closes,
      long daysOverdue,
      String linkWorker,
      int attempts) {}

  /** A tab: its state, label, count and link. */
  record Tab(String value, String label, long count, String href, boolean current) {}

  @GetMapping("/follow-ups")
  @RequiresPermission(Permission.READ_CASEWORK)
  String list(
      @RequestParam(name = "show", required = false) String show,
      @RequestParam(name = "worker", required = false) String workerParam,
      @RequestParam(name = "page", required = false) String pageParam,
      Model model) {
    WaymarkUser user = access.currentUser().orElseThrow();
    boolean manager = user.actingRole().orElseThrow() == Role.SERVICE_MANAGER;
    FollowUpState state = state(show);
    List<UserAccount> linkWorkers =
        manager ? identity.usersWithRole(user.organisationId(), Role.LINK_WORKER) : List.of();
    UUID asked = manager ? Web.uuid(workerParam) : null;
    // Not one of this service's link workers: show everyone's.
    UUID worker =
        asked != null && linkWorkers.stream().anyMatch(w -> w.id().equals(asked)) ? asked : null;
    FollowUpPage page = followUps.list(worker, state, Web.page(pageParam), PAGE_SIZE);
    Map<UUID, Person> persons =
        page.rows().isEmpty()
            ? Map.of()
            : people.findAll(page.rows().stream().map(FollowUp::personId).toList());
    Map<UUID, String> names = new HashMap<>();
    linkWorkers.forEach(w -> names.put(w.id(), w.displayName()));
    LocalDate today = followUps.today();
    String workerQuery = worker == null ? "" : "&worker=" + worker;
    model.addAttribute("manager", manager);
    model.addAttribute("linkWorkers", linkWorkers);
    model.addAttribute("worker", worker == null ? "" : worker.toString());
    model.addAttribute("everyone", manager && worker == null);
    model.addAttribute("state", state);
    model.addAttribute("show", value(state));
    model.addAttribute("result", page);
    model.addAttribute(
        "tabs",
        List.of(
                FollowUpState.DUE,
                FollowUpState.OVERDUE,
                FollowUpState.MISSED,
                FollowUpState.UPCOMING,
                FollowUpState.DONE)
            .stream()
            .map(
                s ->
                    new Tab(
                        value(s),
                        s == FollowUpState.UPCOMING ? "Upcoming (next 4 weeks)" : s.label(),
                        page.counts().getOrDefault(s, 0L),
                        "/follow-ups?show=" + value(s) + workerQuery,
                        s == state))
            .toList());
    model.addAttribute(
        "rows",
        page.rows().stream()
            .map(
                f ->
                    new Row(
                        f.id(),
                        f.caseId(),
                        persons.containsKey(f.personId())
                            ? persons.get(f.personId()).name()
                            : "Person not available",
                        f.name(),
                        Web.date(f.opensOn()),
                        Web.date(f.targetOn()),
                        Web.date(f.closesOn()),
                        f.daysOverdue(today),
                        names.computeIfAbsent(f.linkWorkerId(), this::name),
                        f.attempts()))
            .toList());
    model.addAttribute("pageHref", "/follow-ups?show=" + value(state) + workerQuery + "&");
    return "followup/list";
  }

  private String name(UUID userId) {
    return identity.user(userId).map(UserAccount::displayName).orElse("A former link worker");
  }

  private static String value(FollowUpState s) {
    return s.name().toLowerCase(Locale.UK);
  }

  private static FollowUpState state(String s) {
    FollowUpState state =
        Web.choice(FollowUpState.class, s == null ? null : s.toUpperCase(Locale.UK));
    return state == null ? FollowUpState.DUE : state;
  }
}
