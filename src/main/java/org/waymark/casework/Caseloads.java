package org.waymark.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.internal.CaseStore;
import org.waymark.casework.internal.CaseloadStore;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Permission;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.identity.WaymarkUser;
import org.waymark.person.Person;
import org.waymark.person.PersonManagement;
import org.waymark.shared.RecordNotFoundException;

/**
 * Caseloads, the waiting list and reassignment, for the PCN the signed-in user acts for. A link
 * worker sees their own caseload, and colleagues' only when the PCN shows team caseloads; a service
 * manager sees every link worker's and moves cases between them. Every list is audited once with
 * the number of rows; refusals are audited and thrown.
 */
@Service
public class Caseloads {

  /** The most cases one page lists. */
  public static final int LIMIT = 500;

  private final CaseloadStore store;
  private final CaseStore cases;
  private final IdentityManagement identity;
  private final PersonManagement people;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  Caseloads(
      CaseloadStore store,
      CaseStore cases,
      IdentityManagement identity,
      PersonManagement people,
      AccessPolicy access,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.store = store;
    this.cases = cases;
    this.identity = identity;
    this.people = people;
    this.access = access;
    this.audit = audit;
    this.events = events;
  }

  /**
   * The link workers of the PCN the user acts for, by name, with what they hold now. For managers,
   * and for link workers when team caseloads are shown.
   */
  @Transactional(readOnly = true)
  public List<LinkWorkerLoad> linkWorkers() {
    UUID organisationId = organisation(Permission.READ_CASEWORK);
    return linkWorkersOf(organisationId);
  }

  /**
   * The link workers of a PCN with their open cases, for a manager allocating or reassigning there.
   */
  @Transactional(readOnly = true)
  public List<LinkWorkerLoad> linkWorkersOf(UUID organisationId) {
    access.require(Permission.READ_CASEWORK, organisationId, "caseload", null, null);
    Map<UUID, CaseloadStore.Counts> counts = store.countsByLinkWorker(organisationId);
    List<LinkWorkerLoad> loads = new ArrayList<>();
    for (UserAccount u : identity.usersWithRole(organisationId, Role.LINK_WORKER)) {
      CaseloadStore.Counts c = counts.getOrDefault(u.id(), new CaseloadStore.Counts(0, 0));
      loads.add(new LinkWorkerLoad(u.id(), u.displayName(), c.open(), c.awaitingFirstContact()));
    }
    return loads;
  }

  /** Whether link workers of the PCN the user acts for may see their colleagues' caseloads. */
  @Transactional(readOnly = true)
  public boolean teamCaseloadsVisible() {
    return cases.teamCaseloadsVisible(organisation(Permission.READ_CASEWORK));
  }

  /**
   * A caseload. Audited as {@code CASELOAD_READ} with the number of rows.
   *
   * @throws org.springframework.security.access.AccessDeniedException if a link worker asks for a
   *     colleague's caseload without team caseloads shown, or for someone who is not a link worker
   *     of their PCN, or for the whole service (audited)
   */
  @Transactional
  public Caseload caseload(CaseloadQuery query) {
    UUID organisationId = organisation(Permission.READ_CASEWORK);
    WaymarkUser user = access.currentUser().orElseThrow();
    boolean manager = user.actingRole().orElseThrow() == Role.SERVICE_MANAGER;
    UUID worker = query.linkWorkerId();
    if (!manager) {
      if (worker == null) {
        worker = user.userId();
      } else if (!worker.equals(user.userId())
          && !(cases.teamCaseloadsVisible(organisationId)
              && isLinkWorkerOf(organisationId, worker))) {
        audit.recordIndependently(AuditEntry.refused("CASELOAD_READ", "caseload", worker, null));
        throw new AccessPolicy.AuditedAccessDeniedException();
      }
    }
    List<CaseloadStore.Row> rows =
        store.cases(
            organisationId,
            worker,
            query.status(),
            query.awaitingFirstContactOnly(),
            query.need(),
            LIMIT);
    CaseloadStore.Counts counts = store.counts(organisationId, worker);
    List<CaseloadEntry> entries = entries(rows);
    audit.record(
        AuditEntry.allowed("CASELOAD_READ", "caseload", worker, null)
            .withDetail("results=" + entries.size()));
    return new Caseload(worker, counts.open(), counts.awaitingFirstContact(), entries);
  }

  /**
   * The service's cases awaiting first contact, oldest referral first, with the waiting-time
   * figures of the last 90 days. A link worker sees whose case it is only for cases they may read.
   * Audited as {@code WAITING_LIST_READ}.
   */
  @Transactional
  public WaitingList waitingList() {
    UUID organisationId = organisation(Permission.READ_CASEWORK);
    WaymarkUser user = access.currentUser().orElseThrow();
    boolean seesAll =
        user.actingRole().orElseThrow() == Role.SERVICE_MANAGER
            || cases.teamCaseloadsVisible(organisationId);
    List<CaseloadStore.Row> rows = store.awaitingFirstContact(organisationId, LIMIT);
    List<CaseloadStore.Row> readable =
        rows.stream().filter(r -> seesAll || r.linkWorkerId().equals(user.userId())).toList();
    Map<UUID, Person> persons = persons(readable);
    List<CaseloadEntry> entries = new ArrayList<>();
    for (CaseloadStore.Row r : rows) {
      Person p = readable.contains(r) ? persons.get(r.personId()) : null;
      entries.add(entry(r, p));
    }
    CaseloadStore.WaitingTimes times = store.waitingTimes(organisationId, 90);
    audit.record(
        AuditEntry.allowed("WAITING_LIST_READ", "caseload", null, null)
            .withDetail("results=" + entries.size()));
    return new WaitingList(entries, times.median(), times.ninetiethPercentile(), times.count());
  }

  /**
   * Moves an open case to another link worker of its PCN, and records who moved it and why. Audited
   * as {@code CASE_REASSIGNED}; publishes {@link CaseReassigned}.
   *
   * @param version the case's version as the manager saw it
   * @throws CaseworkValidationException for someone who is not another link worker of the PCN
   *     ({@code linkWorkerId}) or a missing or long reason ({@code reason}); nothing is written
   * @throws CaseworkConflictException if the case changed since or is closed; nothing is written
   * @throws RecordNotFoundException if there is no such case
   * @throws org.springframework.security.access.AccessDeniedException unless the user manages
   *     casework for the case's PCN (audited)
   */
  @Transactional
  public CaseFile reassign(UUID caseId, long version, UUID linkWorkerId, String reason) {
    CaseFile c = cases.find(caseId).orElseThrow(() -> new RecordNotFoundException("case"));
    access.require(Permission.MANAGE_CASEWORK, c.organisationId(), "case", caseId, c.personId());
    if (linkWorkerId == null || !isLinkWorkerOf(c.organisationId(), linkWorkerId)) {
      throw new CaseworkValidationException(
          "linkWorkerId", "casework.caseload.reassign.linkWorker.invalid");
    }
    if (linkWorkerId.equals(c.linkWorkerId())) {
      throw new CaseworkValidationException(
          "linkWorkerId", "casework.caseload.reassign.linkWorker.same");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new CaseworkValidationException("reason", "casework.caseload.reassign.reason.required");
    }
    if (why.length() > 1000) {
      throw new CaseworkValidationException("reason", "casework.caseload.reassign.reason.tooLong");
    }
    if (!c.isOpen() || !store.reassign(c.organisationId(), caseId, version, linkWorkerId)) {
      throw new CaseworkConflictException("The case changed since it was read");
    }
    UUID by = access.currentUser().orElseThrow().userId();
    cases.recordAssignment(c.organisationId(), caseId, linkWorkerId, by, why);
    audit.record(
        AuditEntry.allowed("CASE_REASSIGNED", "case", caseId, c.personId())
            .withDetail("from=" + c.linkWorkerId() + " to=" + linkWorkerId));
    events.publishEvent(
        new CaseReassigned(
            caseId,
            c.organisationId(),
            c.personId(),
            c.linkWorkerId(),
            linkWorkerId,
            by,
            why,
            Instant.now()));
    return cases.find(caseId).orElseThrow();
  }

  private boolean isLinkWorkerOf(UUID organisationId, UUID userId) {
    return identity.usersWithRole(organisationId, Role.LINK_WORKER).stream()
        .anyMatch(u -> u.id().equals(userId));
  }

  private List<CaseloadEntry> entries(List<CaseloadStore.Row> rows) {
    Map<UUID, Person> persons = persons(rows);
    return rows.stream().map(r -> entry(r, persons.get(r.personId()))).toList();
  }

  private Map<UUID, Person> persons(List<CaseloadStore.Row> rows) {
    if (rows.isEmpty()) {
      return Map.of();
    }
    Set<UUID> ids = new LinkedHashSet<>();
    rows.forEach(r -> ids.add(r.personId()));
    return people.findAll(ids);
  }

  private static CaseloadEntry entry(CaseloadStore.Row r, Person p) {
    return new CaseloadEntry(
        r.caseId(),
        r.personId(),
        p == null ? null : p.name(),
        p == null ? null : p.nhsNumberFormatted(),
        r.linkWorkerId(),
        r.status(),
        r.referredAt(),
        r.openedAt(),
        r.firstContactAt(),
        r.needs(),
        r.version());
  }

  /** The organisation the user acts for, after checking the role holds the permission there. */
  private UUID organisation(Permission permission) {
    UUID organisationId = access.currentUser().map(WaymarkUser::organisationId).orElse(null);
    access.require(permission, organisationId, "caseload", null, null);
    return organisationId;
  }
}
