package org.waymark.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.Connections;
import org.waymark.connection.Signpost;
import org.waymark.connection.Signposts;
import org.waymark.followup.FollowUpValidationException.Problem;
import org.waymark.followup.internal.FollowUpDates;
import org.waymark.followup.internal.FollowUpStore;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.Outcomes;
import org.waymark.outcome.Response;
import org.waymark.shared.RecordNotFoundException;

/**
 * Follow-ups for the people who do them: the lists of what is due, overdue, missed, upcoming and
 * done, one follow-up with what the case connected the person to, and recording it.
 *
 * <p>A link worker reaches the follow-ups of the cases they hold, a service manager those of every
 * case of the service they act for; nobody else reaches any. The case may be closed (follow-ups
 * come after closure): recording a follow-up does not reopen it. Every read and change is audited
 * with the person's id.
 */
@Service
public class FollowUps {

  /** How far ahead the upcoming list looks. */
  public static final int UPCOMING_DAYS = 28;

  private static final int MAX_TEXT = 5000;

  private final FollowUpStore store;
  private final Casework casework;
  private final Connections connections;
  private final Signposts signposts;
  private final Outcomes outcomes;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  FollowUps(
      FollowUpStore store,
      Casework casework,
      Connections connections,
      Signposts signposts,
      Outcomes outcomes,
      AccessPolicy access,
      AuditLog audit,
      ApplicationEventPublisher events,
      Optional<Clock> clock) {
    this.store = store;
    this.casework = casework;
    this.connections = connections;
    this.signposts = signposts;
    this.outcomes = outcomes;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** Today in England, the day every follow-up date is compared with. */
  public LocalDate today() {
    return FollowUpDates.day(clock.instant());
  }

  /**
   * One page of follow-ups in a state, by target date (done ones the most recent first), with the
   * count in every state. A link worker sees their own cases' follow-ups only; a service manager
   * sees the whole service, or one link worker's. Audited as {@code FOLLOW_UP_LIST_READ} with the
   * number shown, naming nobody.
   *
   * @param linkWorkerId for a manager, one link worker's, or null for everyone's; a link worker may
   *     name only themselves (or null, which means themselves)
   * @param page from 0
   * @throws org.springframework.security.access.AccessDeniedException if the user may not read
   *     casework, or a link worker names someone else (audited)
   */
  @Transactional
  public FollowUpPage list(UUID linkWorkerId, FollowUpState state, int page, int pageSize) {
    WaymarkUser user = access.currentUser().orElse(null);
    UUID organisationId = user == null ? null : user.organisationId();
    access.require(Permission.READ_CASEWORK, organisationId, "follow_up", null, null);
    boolean manager = user.actingRole().orElseThrow() == Role.SERVICE_MANAGER;
    UUID worker = linkWorkerId;
    if (!manager) {
      if (worker != null && !worker.equals(user.userId())) {
        audit.recordIndependently(
            AuditEntry.refused("FOLLOW_UP_LIST_READ", "follow_up", null, null)
                .withDetail("linkWorker=" + worker));
        throw new org.waymark.identity.AccessPolicy.AuditedAccessDeniedException();
      }
      worker = user.userId();
    }
    LocalDate today = today();
    LocalDate until = today.plusDays(UPCOMING_DAYS);
    int p = Math.max(0, page);
    Map<FollowUpState, Long> counts = store.counts(organisationId, worker, today, until);
    List<FollowUp> rows =
        store.page(organisationId, worker, state, today, until, p * pageSize, pageSize);
    audit.record(
        AuditEntry.allowed("FOLLOW_UP_LIST_READ", "follow_up", null, null)
            .withDetail("state=" + state + " results=" + rows.size()));
    return new FollowUpPage(state, rows, p, pageSize, counts.getOrDefault(state, 0L), counts);
  }

  /**
   * One follow-up, for the link worker who holds its case or a manager of its service. Audited as
   * {@code FOLLOW_UP_READ}.
   *
   * @throws RecordNotFoundException if there is no such follow-up
   * @throws org.springframework.security.access.AccessDeniedException otherwise (audited)
   */
  @Transactional
  public FollowUp find(UUID id) {
    FollowUp f = store.find(id).orElseThrow(() -> new RecordNotFoundException("follow-up"));
    casework.findWritable(f.caseId());
    audit.record(AuditEntry.allowed("FOLLOW_UP_READ", "follow_up", id, f.personId()));
    return f;
  }

  /** The case of a follow-up found with {@link #find}; checked and audited as the case is. */
  @Transactional
  public CaseFile caseOf(FollowUp f) {
    return casework.findWritable(f.caseId());
  }

  /**
   * The services the case referred or signposted the person to, which a follow-up asks about:
   * onward referrals that were not cancelled, then signposts, each in the order it was made.
   */
  @Transactional
  public List<ConnectedService> services(FollowUp f) {
    casework.findWritable(f.caseId());
    List<ConnectedService> services = new ArrayList<>();
    List<Connection> referred = new ArrayList<>(connections.forCase(f.caseId()));
    java.util.Collections.reverse(referred); // oldest first, as they happened
    for (Connection c : referred) {
      if (c.status() == ConnectionStatus.CANCELLED) {
        continue;
      }
      services.add(
          new ConnectedService(
              ServiceKind.CONNECTION,
              c.id(),
              c.serviceId(),
              c.serviceName(),
              c.serviceOrganisationName()));
    }
    for (Signpost s : signposts.forCase(f.caseId())) {
      services.add(
          new ConnectedService(ServiceKind.SIGNPOST, s.id(), s.serviceId(), s.serviceName(), null));
    }
    return services;
  }

  /** The follow-up's recorded attempts, the most recent first. */
  @Transactional
  public List<FollowUpAttempt> attempts(FollowUp f) {
    casework.findWritable(f.caseId());
    return store.attempts(f.organisationId(), f.id());
  }

  /** The instruments the person answered at follow-up on this case (read as the case is). */
  @Transactional
  public List<Response> outcomesAtFollowUp(FollowUp f) {
    return outcomes.forCase(f.caseId()).stream()
        .filter(r -> r.occasion() == Occasion.FOLLOW_UP)
        .toList();
  }

  /** The case's follow-ups by target date (read as the case is; audited). */
  @Transactional
  public List<FollowUp> forCase(UUID caseId) {
    CaseFile c = casework.find(caseId);
    List<FollowUp> found = store.forCase(c.organisationId(), caseId);
    audit.record(
        AuditEntry.allowed("FOLLOW_UP_LIST_READ", "case", caseId, c.personId())
            .withDetail("results=" + found.size()));
    return found;
  }

  /**
   * The problems with these answers, without saving: the outcome; for a completed follow-up, how
   * they have been, whether they would come back and, for each service, whether they went (and if
   * they did, whether they still go and whether it helped), and the words for another barrier.
   */
  public static List<Problem> problems(FollowUpAnswers a) {
    List<Problem> problems = new ArrayList<>();
    if (a.outcome() == null) {
      problems.add(new Problem("outcome", "followup.outcome.required"));
      return problems;
    }
    tooLong(problems, "note", a.note());
    if (a.outcome() != AttemptOutcome.COMPLETED) {
      return problems;
    }
    if (a.howTheyHaveBeen() == null || a.howTheyHaveBeen().isBlank()) {
      problems.add(new Problem("howTheyHaveBeen", "followup.howTheyHaveBeen.required"));
    }
    tooLong(problems, "howTheyHaveBeen", a.howTheyHaveBeen());
    for (int i = 0; i < a.services().size(); i++) {
      ServiceAnswer s = a.services().get(i);
      String f = "services[" + i + "].";
      if (s.went() == null) {
        problems.add(new Problem(f + "went", "followup.service.went.required"));
      } else if (s.went() == Answer.YES) {
        if (s.stillGoing() == null) {
          problems.add(new Problem(f + "stillGoing", "followup.service.stillGoing.required"));
        }
        if (s.helped() == null) {
          problems.add(new Problem(f + "helped", "followup.service.helped.required"));
        }
      }
      if (s.barriers().contains(Barrier.OTHER)
          && (s.barrierOther() == null || s.barrierOther().isBlank())) {
        problems.add(new Problem(f + "barrierOther", "followup.service.barrierOther.required"));
      }
      tooLong(problems, f + "barrierOther", s.barrierOther());
    }
    if (a.wouldComeBack() == null) {
      problems.add(new Problem("wouldComeBack", "followup.wouldComeBack.required"));
    }
    tooLong(problems, "ownWords", a.ownWords());
    return problems;
  }

  /**
   * Records an attempt at the follow-up: completed with the person (it is done; publishes {@link
   * FollowUpCompleted}), declined (it ends), or could not reach them (it stays open, one more
   * attempt). The case may be closed. Audited as {@code FOLLOW_UP_RECORDED}.
   *
   * @param version the follow-up's version as the link worker saw it: the same form sent twice is
   *     refused the second time, so nothing is written twice
   * @throws FollowUpValidationException naming each problem ({@link #problems}); nothing is written
   * @throws FollowUpConflictException if it was recorded or changed since, or the case's services
   *     changed; nothing is written
   */
  @Transactional
  public FollowUp record(UUID id, long version, FollowUpAnswers answers) {
    FollowUp f = store.find(id).orElseThrow(() -> new RecordNotFoundException("follow-up"));
    casework.findWritable(f.caseId());
    List<Problem> problems = problems(answers);
    if (!problems.isEmpty()) {
      throw new FollowUpValidationException(problems);
    }
    if (f.status() != FollowUpStatus.OPEN || f.version() != version) {
      throw new FollowUpConflictException("The follow-up was recorded or changed since");
    }
    FollowUpAnswers clean = clean(answers);
    if (clean.outcome() == AttemptOutcome.COMPLETED) {
      Map<UUID, ConnectedService> known = new java.util.HashMap<>();
      services(f).forEach(s -> known.put(s.sourceId(), s));
      Set<UUID> given = new HashSet<>();
      clean.services().forEach(s -> given.add(s.sourceId()));
      if (!known.keySet().equals(given) || given.size() != clean.services().size()) {
        throw new FollowUpConflictException("The services on the case changed");
      }
      // The service's name and kind as the case holds them, not as the form sent them back.
      clean =
          new FollowUpAnswers(
              clean.outcome(),
              clean.howTheyHaveBeen(),
              clean.services().stream()
                  .map(
                      s -> {
                        ConnectedService k = known.get(s.sourceId());
                        return new ServiceAnswer(
                            k.kind(),
                            s.sourceId(),
                            k.serviceName(),
                            s.went(),
                            s.stillGoing(),
                            s.helped(),
                            s.barriers(),
                            s.barrierOther());
                      })
                  .toList(),
              clean.wouldComeBack(),
              clean.ownWords(),
              clean.note());
    }
    UUID by = access.currentUser().orElseThrow().userId();
    Instant now = clock.instant();
    FollowUpStatus status =
        switch (clean.outcome()) {
          case COMPLETED -> FollowUpStatus.COMPLETED;
          case DECLINED -> FollowUpStatus.DECLINED;
          case NOT_REACHED -> FollowUpStatus.OPEN;
        };
    if (!store.recordAttempt(f.organisationId(), id, version, status, by, now)) {
      throw new FollowUpConflictException("The follow-up was recorded or changed since");
    }
    store.insertAttempt(
        f.organisationId(), new FollowUpAttempt(UUID.randomUUID(), id, clean, by, now));
    audit.record(
        AuditEntry.allowed("FOLLOW_UP_RECORDED", "follow_up", id, f.personId())
            .withDetail("outcome=" + clean.outcome() + " services=" + clean.services().size()));
    FollowUp saved = store.find(id).orElseThrow();
    if (status == FollowUpStatus.COMPLETED) {
      events.publishEvent(
          new FollowUpCompleted(
              id,
              f.organisationId(),
              f.caseId(),
              f.personId(),
              f.name(),
              f.countsFrom(),
              f.targetOn(),
              saved.attempts(),
              now));
    }
    return saved;
  }

  /** Blank text as null; for an attempt that was not completed, only the outcome and the note. */
  private static FollowUpAnswers clean(FollowUpAnswers a) {
    if (a.outcome() != AttemptOutcome.COMPLETED) {
      return new FollowUpAnswers(a.outcome(), null, List.of(), null, null, text(a.note()));
    }
    List<ServiceAnswer> services =
        a.services().stream()
            .map(
                s -> {
                  boolean went = s.went() == Answer.YES;
                  return new ServiceAnswer(
                      s.kind(),
                      s.sourceId(),
                      s.serviceName(),
                      s.went(),
                      went ? s.stillGoing() : null,
                      went ? s.helped() : null,
                      s.barriers(),
                      s.barriers().contains(Barrier.OTHER) ? text(s.barrierOther()) : null);
                })
            .toList();
    return new FollowUpAnswers(
        a.outcome(),
        text(a.howTheyHaveBeen()),
        services,
        a.wouldComeBack(),
        text(a.ownWords()),
        text(a.note()));
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void tooLong(List<Problem> problems, String field, String value) {
    if (value != null && value.length() > MAX_TEXT) {
      problems.add(new Problem(field, "followup.text.tooLong"));
    }
  }
}
