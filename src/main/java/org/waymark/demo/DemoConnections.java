package org.waymark.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseStatus;
import org.waymark.casework.CaseloadEntry;
import org.waymark.casework.CaseloadQuery;
import org.waymark.casework.Caseloads;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionChange;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.Connections;
import org.waymark.connection.OnwardReferral;
import org.waymark.connection.Signposts;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.ServiceMatch;
import org.waymark.directory.ServiceSearch;

/**
 * The demo's connections, after the directory is loaded: the link worker's open cases have a
 * referral waiting in the Good Neighbours inbox, one the service accepted and the person is
 * attending, one sent by email whose answer the link worker recorded, and a signpost.
 */
@Component
class DemoConnections {

  static final String VCS = "vcs@" + DemoData.DOMAIN;
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final org.waymark.identity.ActingAs actingAs;
  private final Caseloads caseloads;
  private final Connections connections;
  private final Signposts signposts;
  private final DirectorySearch directory;

  DemoConnections(
      org.waymark.identity.ActingAs actingAs,
      Caseloads caseloads,
      Connections connections,
      Signposts signposts,
      DirectorySearch directory) {
    this.actingAs = actingAs;
    this.caseloads = caseloads;
    this.connections = connections;
    this.signposts = signposts;
    this.directory = directory;
  }

  /** Loads them; call once, after the demo cases and the directory exist. */
  void load() {
    Optional<UUID> visits = service("Befriending visits");
    Optional<UUID> calls = service("Telephone friendship calls");
    Optional<UUID> money = service("Debt and benefits advice");
    Optional<UUID> walks = service("Walk and Talk: Roundhay Park health walks");
    if (visits.isEmpty() || calls.isEmpty() || money.isEmpty() || walks.isEmpty()) {
      return; // the local services did not load: there is nothing to connect to
    }
    List<CaseloadEntry> open =
        actingAs.call(
            DemoCasework.LINK_WORKER,
            () ->
                caseloads
                    .caseload(new CaseloadQuery(null, CaseStatus.OPEN, false, null))
                    .entries());
    if (open.size() < 3) {
      return;
    }
    LocalDate today = LocalDate.now(UK);
    // Waiting in the Good Neighbours inbox.
    refer(
        open.get(0).caseId(),
        visits.get(),
        "LONELINESS",
        "Would like someone to talk to about gardening");
    actingAs.run(
        DemoCasework.LINK_WORKER,
        () ->
            signposts.record(
                open.get(0).caseId(),
                walks.get(),
                "Gave the leaflet: the walk starts at the Roundhay Park café on Tuesdays at 10am.",
                today));
    // Accepted by Good Neighbours; the person has been to two calls.
    Connection attending =
        refer(
            open.get(1).caseId(), calls.get(), "LONELINESS", "To feel less alone in the evenings");
    actingAs.run(
        VCS,
        () -> {
          connections.change(
              attending.id(), 0, new ConnectionChange(ConnectionStatus.ACCEPTED, null, null, null));
          connections.recordAttendance(attending.id(), 1, today, 2);
        });
    // Sent by email; the link worker recorded that the service accepted.
    Connection byEmail =
        refer(open.get(2).caseId(), money.get(), "MONEY", "To get on top of the rent arrears");
    actingAs.run(
        DemoCasework.LINK_WORKER,
        () ->
            connections.change(
                byEmail.id(),
                0,
                new ConnectionChange(ConnectionStatus.ACCEPTED, null, null, null)));
  }

  private Connection refer(UUID caseId, UUID serviceId, String need, String whatMatters) {
    return actingAs.call(
        DemoCasework.LINK_WORKER,
        () ->
            connections.refer(
                caseId,
                new OnwardReferral(
                    serviceId,
                    List.of(
                        serviceId.equals(service("Debt and benefits advice").orElse(null))
                            ? "MONEY"
                            : "LONELINESS"),
                    "Phone on the number held by the practice, weekday mornings",
                    whatMatters,
                    null,
                    true,
                    null)));
  }

  private Optional<UUID> service(String name) {
    return directory.search(ServiceSearch.everything().withText(name)).services().stream()
        .filter(s -> s.name().equals(name))
        .map(ServiceMatch::id)
        .findFirst();
  }
}
