package org.waymark.connection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Casework;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.connection.internal.ConnectionAccess;
import org.waymark.connection.internal.ConnectionAccess.Side;
import org.waymark.connection.internal.ConnectionWriter;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.ReferralMethod;
import org.waymark.directory.ServiceDetails;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.OrganisationType;
import org.waymark.person.Person;
import org.waymark.person.PersonManagement;
import org.waymark.shared.RecordNotFoundException;

/**
 * The connections module's API: onward referrals from a case to a community service and their life
 * cycle. Link workers refer and may cancel; the service answers in the VCS portal, or, for a
 * service that does not answer in Waymark, the link worker records its answers. Every read and
 * change is access-checked and audited; events are published in the transaction of each change.
 */
@Service
public class Connections {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final int TEXT_MAX = 2000;
  static final int CONTACT_MAX = 500;
  static final int DETAIL_MAX = 1000;

  private final Casework casework;
  private final PersonManagement people;
  private final DirectorySearch directory;
  private final IdentityManagement identity;
  private final CodeLists codes;
  private final ConnectionAccess access;
  private final ConnectionWriter writer;
  private final AuditLog audit;
  private final org.waymark.identity.AccessPolicy policy;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Connections(
      Casework casework,
      PersonManagement people,
      DirectorySearch directory,
      IdentityManagement identity,
      CodeLists codes,
      ConnectionAccess access,
      ConnectionWriter writer,
      AuditLog audit,
      ApplicationEventPublisher events,
      Optional<Clock> clock,
      org.waymark.identity.AccessPolicy policy) {
    this.casework = casework;
    this.people = people;
    this.directory = directory;
    this.identity = identity;
    this.codes = codes;
    this.access = access;
    this.writer = writer;
    this.audit = audit;
    this.policy = policy;
    this.events = events;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** A service a person may be referred to, with the method its referral will take. */
  public record Target(ServiceDetails service, ConnectionMethod method) {}

  /**
   * The service as a target for an onward referral from this case: how the referral would go.
   *
   * @throws ConnectionValidationException if the service only takes signposting or is not taking
   *     referrals
   */
  @Transactional(readOnly = true)
  public Target target(UUID serviceId) {
    ServiceDetails s =
        directory.service(serviceId).orElseThrow(() -> new RecordNotFoundException("service"));
    if (s.referralMethod() == ReferralMethod.SIGNPOST) {
      throw new ConnectionValidationException("serviceId", "connection.service.signpostOnly");
    }
    if (s.acceptingReferrals() == AcceptingReferrals.NO
        || s.acceptingReferrals() == AcceptingReferrals.PAUSED) {
      throw new ConnectionValidationException("serviceId", "connection.service.notAccepting");
    }
    return new Target(s, methodFor(s));
  }

  /**
   * Exactly what an onward referral would share, after checking it; nothing is written.
   *
   * @throws ConnectionValidationException naming every field that breaks a rule
   */
  @Transactional
  public SharedDetails preview(UUID caseId, OnwardReferral draft) {
    CaseFile c = openWritableCase(caseId);
    Target t = target(draft.serviceId());
    return shared(c, t, draft);
  }

  /**
   * Sends an onward referral: stored as requested with its answer deadline, the service told (in
   * the VCS portal when it answers there), {@link ConnectionRequested} published. Audited as {@code
   * CONNECTION_CREATED}.
   *
   * @throws ConnectionValidationException naming every field that breaks a rule; nothing written
   */
  @Transactional
  public Connection refer(UUID caseId, OnwardReferral draft) {
    CaseFile c = openWritableCase(caseId);
    Target t = target(draft.serviceId());
    SharedDetails shared = shared(c, t, draft);
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, LONDON);
    ConnectionMethod method = draft.method() == null ? t.method() : draft.method();
    if (method == ConnectionMethod.WAYMARK && t.method() != ConnectionMethod.WAYMARK) {
      throw new ConnectionValidationException("method", "connection.method.notInWaymark");
    }
    Connection created =
        new Connection(
            UUID.randomUUID(),
            c.organisationId(),
            c.id(),
            c.referralId(),
            c.personId(),
            access.currentUserId(),
            t.service().id(),
            t.service().organisationId(),
            t.service().name(),
            t.service().organization() == null ? null : t.service().organization().name(),
            method,
            ConnectionStatus.REQUESTED,
            null,
            null,
            List.copyOf(new LinkedHashSet<>(draft.needs())),
            shared,
            now,
            WorkingDays.plus(today, t.service().answerDays()),
            null,
            null,
            null,
            null,
            0,
            null,
            now,
            0);
    writer.insert(created);
    audit.record(
        AuditEntry.allowed("CONNECTION_CREATED", "connection", created.id(), created.personId()));
    events.publishEvent(
        new ConnectionRequested(
            created.id(),
            created.organisationId(),
            created.caseId(),
            created.referralId(),
            created.personId(),
            created.serviceId(),
            created.serviceHolderId(),
            created.method(),
            created.needs(),
            now));
    return created;
  }

  /** The case's onward referrals, newest first (the case must be readable; audited). */
  @Transactional
  public List<Connection> forCase(UUID caseId) {
    CaseFile c = casework.find(caseId);
    return writer.store().forCase(c.organisationId(), c.id());
  }

  /**
   * A case's onward referrals for a research study the person consented to link to, newest first: a
   * system read that does not follow casework access (the reader is a researcher, not a casework
   * user). The caller must have checked the person's consent to record linkage. Only the service,
   * status and dates are given; nothing typed by the link worker. Audited as {@code
   * RESEARCH_LINKAGE_READ} with the person.
   *
   * @param caseOrganisationId the organisation that holds the case
   * @param personId the person the case is about, for the audit log
   * @param study the study reading, for the audit log
   * @throws org.springframework.security.access.AccessDeniedException unless the signed-in user
   *     acts as a researcher (audited)
   */
  @Transactional
  public List<ConnectionForResearch> forResearch(
      UUID caseOrganisationId, UUID caseId, UUID personId, String study) {
    if (!policy.may(org.waymark.identity.Permission.RESEARCH)) {
      audit.recordIndependently(
          AuditEntry.refused("RESEARCH_LINKAGE_READ", "case", caseId, personId));
      throw new org.waymark.identity.AccessPolicy.AuditedAccessDeniedException();
    }
    List<ConnectionForResearch> found =
        writer.store().forCase(caseOrganisationId, caseId).stream()
            .map(
                c ->
                    new ConnectionForResearch(
                        c.serviceName(),
                        c.status(),
                        day(c.requestedAt()),
                        day(c.answeredAt()),
                        c.firstSessionOn(),
                        c.sessionsAttended(),
                        day(c.statusChangedAt())))
            .toList();
    audit.record(
        AuditEntry.allowed("RESEARCH_LINKAGE_READ", "case", caseId, personId)
            .withDetail("connections for study " + study));
    return found;
  }

  private static LocalDate day(Instant at) {
    return at == null ? null : at.atZone(LONDON).toLocalDate();
  }

  /**
   * One connection for the link worker side: readable when its case is. Audited as {@code
   * CONNECTION_READ}.
   */
  @Transactional
  public Connection find(UUID id) {
    Connection c =
        writer.store().find(id).orElseThrow(() -> new RecordNotFoundException("connection"));
    access.requireRequesterRead(c);
    audit.record(AuditEntry.allowed("CONNECTION_READ", "connection", id, c.personId()));
    return c;
  }

  /**
   * One connection for the service that received it: only a VCS coordinator of the organisation
   * holding the service reaches it, and sees only what was shared. Audited as {@code
   * CONNECTION_READ} with detail {@code vcs-portal}; refusals audited too.
   */
  @Transactional
  public Connection findForService(UUID id) {
    Connection c =
        writer.store().find(id).orElseThrow(() -> new RecordNotFoundException("connection"));
    access.requireService(c);
    audit.record(
        AuditEntry.allowed("CONNECTION_READ", "connection", id, c.personId())
            .withDetail("vcs-portal"));
    return c;
  }

  /** The changes of state, oldest first, as the user may read them (checked like {@link #find}). */
  @Transactional(readOnly = true)
  public List<HistoryEntry> history(Connection c) {
    return writer.history(c);
  }

  /** Whether the signed-in user may change this connection, and from which side. */
  public boolean mayCancel(Connection c) {
    return c.isOpen() && access.side(c).filter(s -> s == Side.REQUESTER).isPresent();
  }

  /** Whether the signed-in user may answer for the service (accept, record attendance ...). */
  public boolean mayAnswer(Connection c) {
    return !c.status().isFinal() && access.mayAnswer(c);
  }

  /**
   * Changes the state. The service (or the link worker for a service that does not answer in
   * Waymark) sets every state but cancelled; the link worker who may change the case cancels.
   *
   * @throws ConnectionValidationException for a move the states do not allow, a missing or wrong
   *     reason, or a text too long; nothing written
   * @throws ConnectionConflictException if it changed since {@code version} was read
   */
  @Transactional
  public Connection change(UUID id, long version, ConnectionChange change) {
    Connection c =
        writer.store().find(id).orElseThrow(() -> new RecordNotFoundException("connection"));
    Side side = access.requireChange(c, change.to());
    if (c.version() != version) {
      throw new ConnectionConflictException();
    }
    Map<String, String> problems = new HashMap<>();
    if (change.to() == null || !c.status().mayMoveTo(change.to())) {
      problems.put("to", "connection.status.notAllowed");
    } else if (change.to().needsReason()) {
      if (change.reason() == null || !change.reason().appliesTo(change.to())) {
        problems.put("reason", "connection.reason.required");
      } else if (change.reason() == StatusReason.OTHER && blank(change.detail())) {
        problems.put("detail", "connection.detail.required");
      }
    }
    if (change.detail() != null && change.detail().strip().length() > DETAIL_MAX) {
      problems.put("detail", "connection.detail.tooLong");
    }
    if (change.outcome() != null && change.outcome().strip().length() > TEXT_MAX) {
      problems.put("outcome", "connection.outcome.tooLong");
    }
    if (!problems.isEmpty()) {
      throw new ConnectionValidationException(problems);
    }
    return writer.changeStatus(c, version, change, side, clock.instant());
  }

  /**
   * Records attendance: the first session and how many sessions the person has attended. An
   * accepted or on-hold referral with a session attended becomes in progress.
   *
   * @throws ConnectionValidationException for a date before the referral or in the future, a count
   *     out of range, a count without a first session, or a referral not accepted
   * @throws ConnectionConflictException if it changed since {@code version} was read
   */
  @Transactional
  public Connection recordAttendance(
      UUID id, long version, LocalDate firstSessionOn, int sessionsAttended) {
    Connection c =
        writer.store().find(id).orElseThrow(() -> new RecordNotFoundException("connection"));
    Side side = access.requireChange(c, ConnectionStatus.IN_PROGRESS);
    if (c.version() != version) {
      throw new ConnectionConflictException();
    }
    Set<ConnectionStatus> allowed =
        Set.of(
            ConnectionStatus.ACCEPTED,
            ConnectionStatus.IN_PROGRESS,
            ConnectionStatus.ON_HOLD,
            ConnectionStatus.COMPLETED);
    Map<String, String> problems = new HashMap<>();
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    if (!allowed.contains(c.status())) {
      problems.put("sessionsAttended", "connection.attendance.notAccepted");
    }
    if (sessionsAttended < 0 || sessionsAttended > 1000) {
      problems.put("sessionsAttended", "connection.attendance.count");
    }
    if (firstSessionOn == null && sessionsAttended > 0) {
      problems.put("firstSessionOn", "connection.attendance.firstSessionRequired");
    }
    if (firstSessionOn != null
        && (firstSessionOn.isBefore(LocalDate.ofInstant(c.requestedAt(), LONDON))
            || firstSessionOn.isAfter(today))) {
      problems.put("firstSessionOn", "connection.attendance.firstSessionDate");
    }
    if (!problems.isEmpty()) {
      throw new ConnectionValidationException(problems);
    }
    return writer.recordAttendance(
        c, version, firstSessionOn, sessionsAttended, side, clock.instant());
  }

  private CaseFile openWritableCase(UUID caseId) {
    CaseFile c = casework.findWritable(caseId);
    if (!c.isOpen()) {
      throw new ConnectionValidationException("case", "connection.case.closed");
    }
    return c;
  }

  private ConnectionMethod methodFor(ServiceDetails s) {
    return switch (s.referralMethod()) {
      case EMAIL -> ConnectionMethod.EMAIL;
      case EXTERNAL_FORM -> ConnectionMethod.EXTERNAL_FORM;
      case WAYMARK ->
          identity
                  .organisation(s.organisationId())
                  .filter(o -> o.type() == OrganisationType.VCS)
                  .isPresent()
              ? ConnectionMethod.WAYMARK
              : ConnectionMethod.OTHER;
      case SIGNPOST -> throw new IllegalStateException("signposting is not a referral");
    };
  }

  private SharedDetails shared(CaseFile c, Target t, OnwardReferral draft) {
    Map<String, String> problems = new HashMap<>();
    List<String> needLabels = new ArrayList<>();
    if (draft.needs().isEmpty()) {
      problems.put("needs", "connection.needs.required");
    }
    for (String need : new LinkedHashSet<>(draft.needs())) {
      if (codes.find(CodeList.NEED, need).isEmpty()) {
        problems.put("needs", "connection.needs.unknown");
      } else {
        needLabels.add(codes.label(CodeList.NEED, need));
      }
    }
    if (blank(draft.contact())) {
      problems.put("contact", "connection.contact.required");
    } else if (draft.contact().strip().length() > CONTACT_MAX) {
      problems.put("contact", "connection.contact.tooLong");
    }
    if (draft.whatMatters() != null && draft.whatMatters().strip().length() > TEXT_MAX) {
      problems.put("whatMatters", "connection.whatMatters.tooLong");
    }
    if (draft.mustKnow() != null && draft.mustKnow().strip().length() > TEXT_MAX) {
      problems.put("mustKnow", "connection.mustKnow.tooLong");
    }
    if (!draft.consentGiven()) {
      problems.put("consentGiven", "connection.consent.required");
    }
    if (!problems.isEmpty()) {
      throw new ConnectionValidationException(problems);
    }
    Person p = people.find(c.personId());
    String known =
        p.details().preferredName() == null || p.details().preferredName().isBlank()
            ? p.details().givenName()
            : p.details().preferredName();
    String name = known + " " + p.details().familyName();
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    String consent =
        "Agreed on "
            + ConnectionText.date(today)
            + " that these details are shared with "
            + t.service().name();
    return new SharedDetails(
        name,
        draft.contact().strip(),
        needLabels,
        stripOrNull(draft.whatMatters()),
        stripOrNull(draft.mustKnow()),
        consent);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String stripOrNull(String s) {
    return blank(s) ? null : s.strip();
  }
}
