package org.waymark.connection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.connection.internal.InboxQueries;
import org.waymark.connection.internal.InboxQueries.FigureRow;
import org.waymark.connection.internal.InboxQueries.Row;
import org.waymark.directory.DirectoryCuration;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.ListingPage;
import org.waymark.directory.ListingSearch;
import org.waymark.directory.ListingSummary;
import org.waymark.directory.ServiceDetails;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;

/**
 * Lists of connections: the VCS inbox of the referrals sent to the services the coordinator's
 * organisation holds, with that organisation's service figures; and the open connections of a link
 * worker (or, for a service manager, of the whole PCN they act for). Lists show only what was
 * shared with the service (the person's name as shared), never the person's record. Every list is
 * access-checked and audited as {@code CONNECTION_LIST_READ}.
 */
@Service
public class ServiceInbox {

  /** Rows on a page of any of these lists. */
  public static final int PAGE_SIZE = 25;

  /** How far back the service figures look for referrals received and answered. */
  public static final int FIGURE_DAYS = 90;

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** The groups of the inbox's status filter. */
  public enum StatusGroup {
    WAITING("Waiting for an answer", EnumSet.of(ConnectionStatus.REQUESTED)),
    WITH_US(
        "With us (accepted, attending or on hold)",
        EnumSet.of(
            ConnectionStatus.ACCEPTED, ConnectionStatus.IN_PROGRESS, ConnectionStatus.ON_HOLD)),
    CLOSED(
        "Closed (completed, did not go ahead, declined or cancelled)",
        EnumSet.of(
            ConnectionStatus.COMPLETED,
            ConnectionStatus.FAILED,
            ConnectionStatus.REJECTED,
            ConnectionStatus.CANCELLED)),
    ALL("All referrals", EnumSet.allOf(ConnectionStatus.class));

    private final String label;
    private final Set<ConnectionStatus> statuses;

    StatusGroup(String label, Set<ConnectionStatus> statuses) {
      this.label = label;
      this.statuses = statuses;
    }

    public String label() {
      return label;
    }

    public Set<ConnectionStatus> statuses() {
      return statuses;
    }

    /** The group named (any case), or empty for a name that is not one. */
    public static Optional<StatusGroup> parse(String name) {
      if (name == null) {
        return Optional.empty();
      }
      for (StatusGroup g : values()) {
        if (g.name().equalsIgnoreCase(name.strip().replace('-', '_'))) {
          return Optional.of(g);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One referral in the inbox.
   *
   * @param personName the name as shared with the service
   * @param overdue still waiting for an answer after its answer-by date (UK calendar)
   */
  public record InboxRow(
      UUID id,
      UUID serviceId,
      String serviceName,
      String personName,
      ConnectionStatus status,
      StatusReason statusReason,
      Instant receivedAt,
      LocalDate answerDueOn,
      boolean overdue) {}

  /**
   * One open connection in the link worker's list.
   *
   * @param personName the name as shared with the service
   * @param overdue the service has not answered by its answer-by date (UK calendar)
   */
  public record OpenRow(
      UUID id,
      UUID caseId,
      UUID requestedBy,
      String serviceName,
      String serviceOrganisationName,
      String personName,
      ConnectionStatus status,
      Instant requestedAt,
      LocalDate answerDueOn,
      boolean overdue) {}

  /**
   * One page of a list.
   *
   * @param page 0-based
   * @param total how many rows the whole list has
   */
  public record ResultPage<T>(List<T> rows, int page, int size, long total) {
    public ResultPage {
      rows = List.copyOf(rows);
    }

    public int totalPages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  /** A service the organisation holds, for the inbox's service filter. */
  public record HeldService(UUID id, String name) {}

  /**
   * The figures of one service the organisation holds. The counts of now are of referrals open
   * today; the others of referrals received in the last {@link #FIGURE_DAYS} days.
   *
   * @param capacity how many people the service can take, from its listing; null when not set
   * @param withUs accepted, attending or on hold now
   * @param waiting waiting for an answer now
   * @param overdue waiting for an answer after their answer-by date now
   * @param received received in the period
   * @param answered of those, answered (accepted or declined)
   * @param medianWorkingDaysToAnswer the median of the working days from receiving to answering,
   *     over those answered; null when none was
   * @param due of those received, the ones whose answer was due: answered, or past their answer-by
   *     date without an answer
   * @param answeredInTime of those due, answered on or before their answer-by date
   * @param accepted of those answered, accepted (whatever happened next)
   * @param declined of those answered, declined
   */
  public record ServiceFigures(
      UUID serviceId,
      String serviceName,
      Integer capacity,
      long withUs,
      long waiting,
      long overdue,
      long received,
      long answered,
      Double medianWorkingDaysToAnswer,
      long due,
      long answeredInTime,
      long accepted,
      long declined) {

    /** The share of due referrals answered in time, as a whole percentage; null if none was due. */
    public Integer answeredInTimePercent() {
      return due == 0 ? null : (int) Math.round(100.0 * answeredInTime / due);
    }
  }

  private final InboxQueries queries;
  private final DirectorySearch directory;
  private final DirectoryCuration listings;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final Clock clock;

  ServiceInbox(
      InboxQueries queries,
      DirectorySearch directory,
      DirectoryCuration listings,
      AccessPolicy access,
      AuditLog audit,
      Optional<Clock> clock) {
    this.queries = queries;
    this.directory = directory;
    this.listings = listings;
    this.access = access;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /**
   * One page of the referrals sent to the services that the signed-in VCS coordinator's
   * organisation holds: waiting ones by answer deadline, earliest first, the others newest first.
   *
   * @param group which states; null for waiting
   * @param serviceId only referrals to this service; null for all
   * @param page 0-based; past the end gives an empty page
   * @throws org.springframework.security.access.AccessDeniedException (audited) unless the user
   *     answers connections for an organisation
   */
  @Transactional
  public ResultPage<InboxRow> inbox(StatusGroup group, UUID serviceId, int page) {
    UUID holder = actingOrganisation(Permission.ANSWER_CONNECTIONS);
    StatusGroup g = group == null ? StatusGroup.WAITING : group;
    int p = Math.max(0, page);
    long total = queries.countInbox(holder, g.statuses(), serviceId);
    List<Row> rows =
        total == 0
            ? List.of()
            : queries.inbox(
                holder,
                g.statuses(),
                serviceId,
                g == StatusGroup.WAITING,
                PAGE_SIZE,
                (long) p * PAGE_SIZE);
    LocalDate today = today();
    audit.record(
        AuditEntry.allowed("CONNECTION_LIST_READ", "organisation", holder, null)
            .withDetail(
                "vcs-portal " + g.name().toLowerCase(Locale.UK) + " results=" + rows.size()));
    return new ResultPage<>(
        rows.stream()
            .map(
                r ->
                    new InboxRow(
                        r.id(),
                        r.serviceId(),
                        r.serviceName(),
                        r.sharedName(),
                        r.status(),
                        r.statusReason(),
                        r.requestedAt(),
                        r.answerDueOn(),
                        overdue(r.status(), r.answerDueOn(), today)))
            .toList(),
        p,
        PAGE_SIZE,
        total);
  }

  /**
   * The services the signed-in VCS coordinator's organisation holds in the directory, by name.
   *
   * @throws org.springframework.security.access.AccessDeniedException (audited) unless the user
   *     answers connections for an organisation
   */
  @Transactional(readOnly = true)
  public List<HeldService> servicesHeld() {
    actingOrganisation(Permission.ANSWER_CONNECTIONS);
    List<HeldService> held = new ArrayList<>();
    for (int page = 0; ; page++) {
      ListingPage listingPage =
          listings.listings(new ListingSearch(null, false, false, null, page, 100));
      for (ListingSummary s : listingPage.listings()) {
        held.add(new HeldService(s.id(), s.name()));
      }
      if (page + 1 >= listingPage.totalPages()) {
        return held;
      }
    }
  }

  /**
   * The figures of every service the signed-in VCS coordinator's organisation holds (and of any
   * other service it has had referrals to), by service name.
   *
   * @throws org.springframework.security.access.AccessDeniedException (audited) unless the user
   *     answers connections for an organisation
   */
  @Transactional
  public List<ServiceFigures> figures() {
    UUID holder = actingOrganisation(Permission.ANSWER_CONNECTIONS);
    LocalDate today = today();
    Instant since = today.minusDays(FIGURE_DAYS).atStartOfDay(LONDON).toInstant();
    Map<UUID, String> names = new LinkedHashMap<>();
    for (HeldService s : servicesHeld()) {
      names.put(s.id(), s.name());
    }
    Map<UUID, List<FigureRow>> byService = new LinkedHashMap<>();
    for (FigureRow r : queries.figureRows(holder, since)) {
      names.putIfAbsent(r.serviceId(), r.serviceName());
      byService.computeIfAbsent(r.serviceId(), k -> new ArrayList<>()).add(r);
    }
    List<ServiceFigures> figures = new ArrayList<>();
    names.forEach(
        (id, name) ->
            figures.add(
                figures(
                    id,
                    name,
                    directory.service(id).map(ServiceDetails::capacity).orElse(null),
                    byService.getOrDefault(id, List.of()),
                    since,
                    today)));
    figures.sort(
        Comparator.comparing(ServiceFigures::serviceName, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(f -> f.serviceId().toString()));
    audit.record(
        AuditEntry.allowed("CONNECTION_FIGURES_READ", "organisation", holder, null)
            .withDetail("vcs-portal"));
    return figures;
  }

  static ServiceFigures figures(
      UUID id,
      String name,
      Integer capacity,
      List<FigureRow> rows,
      Instant since,
      LocalDate today) {
    long withUs = 0;
    long waiting = 0;
    long overdue = 0;
    long received = 0;
    long answered = 0;
    long due = 0;
    long inTime = 0;
    long accepted = 0;
    long declined = 0;
    List<Integer> days = new ArrayList<>();
    for (FigureRow r : rows) {
      switch (r.status()) {
        case ACCEPTED, IN_PROGRESS, ON_HOLD -> withUs++;
        case REQUESTED -> {
          waiting++;
          if (overdue(r.status(), r.answerDueOn(), today)) {
            overdue++;
          }
        }
        default -> {}
      }
      if (r.requestedAt().isBefore(since)) {
        continue;
      }
      received++;
      if (r.answeredAt() != null) {
        answered++;
        LocalDate answeredOn = LocalDate.ofInstant(r.answeredAt(), LONDON);
        days.add(WorkingDays.between(LocalDate.ofInstant(r.requestedAt(), LONDON), answeredOn));
        due++;
        if (!answeredOn.isAfter(r.answerDueOn())) {
          inTime++;
        }
        if (r.status() == ConnectionStatus.REJECTED) {
          declined++;
        } else {
          accepted++;
        }
      } else if (overdue(r.status(), r.answerDueOn(), today)) {
        due++;
      }
    }
    return new ServiceFigures(
        id,
        name,
        capacity,
        withUs,
        waiting,
        overdue,
        received,
        answered,
        median(days),
        due,
        inTime,
        accepted,
        declined);
  }

  static Double median(List<Integer> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Integer> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2).doubleValue()
        : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  /**
   * One page of open connections, newest first: a link worker's own; a service manager's choice of
   * one link worker's, or every one of the PCN they act for.
   *
   * @param linkWorkerId whose (service managers only; ignored for a link worker, who sees their
   *     own); null for every link worker's
   * @param status only this open state; null for all open ones
   * @param page 0-based; past the end gives an empty page
   * @throws org.springframework.security.access.AccessDeniedException (audited) unless the user
   *     reads casework
   * @throws IllegalArgumentException if {@code status} is not an open state
   */
  @Transactional
  public ResultPage<OpenRow> openConnections(UUID linkWorkerId, ConnectionStatus status, int page) {
    UUID organisation = actingOrganisation(Permission.READ_CASEWORK);
    WaymarkUser user = access.currentUser().orElseThrow();
    boolean manager = user.actingRole().orElseThrow() == Role.SERVICE_MANAGER;
    UUID worker = manager ? linkWorkerId : user.userId();
    if (status != null && !ConnectionStatus.open().contains(status)) {
      throw new IllegalArgumentException("Not an open state: " + status);
    }
    Set<ConnectionStatus> statuses = status == null ? ConnectionStatus.open() : Set.of(status);
    int p = Math.max(0, page);
    long total = queries.countRequested(organisation, worker, statuses);
    List<Row> rows =
        total == 0
            ? List.of()
            : queries.requested(organisation, worker, statuses, PAGE_SIZE, (long) p * PAGE_SIZE);
    LocalDate today = today();
    audit.record(
        AuditEntry.allowed(
                "CONNECTION_LIST_READ", "user", worker == null ? organisation : worker, null)
            .withDetail("open results=" + rows.size()));
    return new ResultPage<>(
        rows.stream()
            .map(
                r ->
                    new OpenRow(
                        r.id(),
                        r.caseId(),
                        r.requestedBy(),
                        r.serviceName(),
                        r.serviceOrganisationName(),
                        r.sharedName(),
                        r.status(),
                        r.requestedAt(),
                        r.answerDueOn(),
                        overdue(r.status(), r.answerDueOn(), today)))
            .toList(),
        p,
        PAGE_SIZE,
        total);
  }

  /** Today in the UK. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(LONDON));
  }

  private static boolean overdue(ConnectionStatus status, LocalDate due, LocalDate today) {
    return status == ConnectionStatus.REQUESTED && today.isAfter(due);
  }

  private UUID actingOrganisation(Permission permission) {
    UUID organisation = access.currentUser().map(WaymarkUser::organisationId).orElse(null);
    access.require(permission, organisation, "connection", null, null);
    return organisation;
  }
}
