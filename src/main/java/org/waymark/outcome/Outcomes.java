package org.waymark.outcome;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Casework;
import org.waymark.identity.WaymarkUser;
import org.waymark.outcome.internal.ResponseStore;
import org.waymark.shared.RecordNotFoundException;

/**
 * Outcomes on a case: answers to instruments recorded with the person, their scores, and the change
 * from baseline. Reading follows the case's access rules (and is audited with it); recording needs
 * the right to change the case.
 */
@Service
public class Outcomes {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Casework casework;
  private final Instruments instruments;
  private final ResponseStore store;
  private final AuditLog audit;
  private final org.waymark.identity.AccessPolicy policy;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Outcomes(
      Casework casework,
      Instruments instruments,
      ResponseStore store,
      AuditLog audit,
      ApplicationEventPublisher events,
      Optional<Clock> clock,
      org.waymark.identity.AccessPolicy policy) {
    this.casework = casework;
    this.instruments = instruments;
    this.store = store;
    this.audit = audit;
    this.policy = policy;
    this.events = events;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /**
   * Records a complete set of answers given with the link worker. Audited as {@code
   * OUTCOME_RECORDED}; publishes {@link OutcomeRecorded}.
   *
   * @param completedOn the day, from the day the case opened to today
   * @param occasion when in the person's support; on a closed case only {@link Occasion#FOLLOW_UP}
   * @throws InstrumentValidationException naming each problem (an item unanswered, an answer the
   *     item does not allow, a date out of range); nothing is written
   */
  @Transactional
  public Response record(
      UUID caseId,
      String instrumentCode,
      Occasion occasion,
      LocalDate completedOn,
      Map<String, String> answers) {
    CaseFile c = casework.findWritable(caseId);
    Instrument instrument =
        instruments
            .current(instrumentCode)
            .orElseThrow(() -> new RecordNotFoundException("instrument"));
    Map<String, String> given = cleaned(answers);
    List<String> problems = new ArrayList<>(Scoring.problems(instrument, given));
    for (String id : Scoring.unanswered(instrument, given)) {
      problems.add("Answer: " + instrument.item(id).orElseThrow().text());
    }
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    if (!c.isOpen() && occasion != Occasion.FOLLOW_UP) {
      problems.add("The case is closed: only follow-up answers can be recorded");
    }
    if (occasion == null) {
      problems.add("Choose when it was given");
    }
    if (completedOn == null
        || completedOn.isAfter(today)
        || completedOn.isBefore(LocalDate.ofInstant(c.openedAt(), LONDON))) {
      problems.add("The date must be between the day the case was opened and today");
    }
    if (!problems.isEmpty()) {
      throw new InstrumentValidationException(problems);
    }
    Response r =
        new Response(
            UUID.randomUUID(),
            c.organisationId(),
            c.id(),
            c.personId(),
            instrument.code(),
            instrument.version(),
            occasion,
            completedOn,
            given,
            Scoring.score(instrument, given),
            false,
            currentUser(),
            clock.instant());
    store.insert(r);
    audit.record(
        AuditEntry.allowed("OUTCOME_RECORDED", "outcome", r.id(), c.personId())
            .withDetail(instrument.code() + " v" + instrument.version()));
    events.publishEvent(
        new OutcomeRecorded(
            r.id(),
            r.organisationId(),
            r.caseId(),
            r.personId(),
            r.instrumentCode(),
            r.instrumentVersion(),
            r.occasion(),
            r.completedOn()));
    return r;
  }

  /**
   * Records the optional GP appointment indicator for a case: appointments in the months before the
   * referral or after it. Audited as {@code GP_APPOINTMENTS_RECORDED}.
   *
   * @throws InstrumentValidationException naming each problem; nothing is written
   */
  @Transactional
  public GpAppointments recordGpAppointments(
      UUID caseId, Boolean before, Integer months, Integer appointments) {
    CaseFile c = casework.findWritable(caseId);
    List<String> problems = new ArrayList<>();
    if (!c.isOpen()) {
      problems.add("The case is closed");
    }
    if (before == null) {
      problems.add("Choose whether the count is from before the referral or after it");
    }
    if (months == null || months < 1 || months > 24) {
      problems.add("Enter the number of months, from 1 to 24");
    }
    if (appointments == null || appointments < 0 || appointments > 500) {
      problems.add("Enter the number of GP appointments, from 0 to 500");
    }
    if (!problems.isEmpty()) {
      throw new InstrumentValidationException(problems);
    }
    GpAppointments g =
        new GpAppointments(
            UUID.randomUUID(), c.id(), before, months, appointments, clock.instant());
    store.insertGpAppointments(c.organisationId(), c.personId(), g, currentUser());
    audit.record(AuditEntry.allowed("GP_APPOINTMENTS_RECORDED", "outcome", g.id(), c.personId()));
    return g;
  }

  /** The case's GP appointment counts, oldest first (the case must be readable). */
  @Transactional
  public List<GpAppointments> gpAppointments(UUID caseId) {
    CaseFile c = casework.find(caseId);
    return store.gpAppointments(c.organisationId(), c.id());
  }

  /** The case's answers, oldest first (the case must be readable; audited with it). */
  @Transactional
  public List<Response> forCase(UUID caseId) {
    CaseFile c = casework.find(caseId);
    return store.forCase(c.organisationId(), c.id());
  }

  /**
   * One set of answers with its scores, for a user who may read its case (audited with the case).
   *
   * @throws org.waymark.shared.RecordNotFoundException if there is no such response
   * @throws org.springframework.security.access.AccessDeniedException if the user may not read the
   *     case (audited)
   */
  @Transactional
  public Response response(UUID id) {
    UUID caseId =
        store
            .caseOf(id)
            .orElseThrow(() -> new org.waymark.shared.RecordNotFoundException("response"));
    return forCase(caseId).stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new org.waymark.shared.RecordNotFoundException("response"));
  }

  /**
   * A case's outcome scores for a research study the person consented to link to: a system read
   * that does not follow casework access (the reader is a researcher, not a casework user). The
   * caller must have checked the person's consent to record linkage. Only instruments, occasions,
   * dates, scores and changes from baseline are given; no answers and nothing typed by the link
   * worker. Audited as {@code RESEARCH_LINKAGE_READ} with the person.
   *
   * @param caseOrganisationId the organisation that holds the case
   * @param personId the person the case is about, for the audit log
   * @param study the study reading, for the audit log
   * @throws org.springframework.security.access.AccessDeniedException unless the signed-in user
   *     acts as a researcher (audited)
   */
  @Transactional
  public OutcomesForResearch forResearch(
      UUID caseOrganisationId, UUID caseId, UUID personId, String study) {
    if (!policy.may(org.waymark.identity.Permission.RESEARCH)) {
      audit.recordIndependently(
          AuditEntry.refused("RESEARCH_LINKAGE_READ", "case", caseId, personId));
      throw new org.waymark.identity.AccessPolicy.AuditedAccessDeniedException();
    }
    List<Response> responses = store.forCase(caseOrganisationId, caseId);
    OutcomesForResearch found =
        new OutcomesForResearch(
            responses.stream()
                .map(
                    r ->
                        new OutcomesForResearch.Scored(
                            r.instrumentCode(),
                            r.instrumentVersion(),
                            r.occasion(),
                            r.completedOn(),
                            r.scores()))
                .toList(),
            changes(responses));
    audit.record(
        AuditEntry.allowed("RESEARCH_LINKAGE_READ", "case", caseId, personId)
            .withDetail("outcomes for study " + study));
    return found;
  }

  /**
   * For each instrument and score given more than once, the change from the first answers (the
   * baseline) to the latest, and whether it is meaningful by the instrument's own measure.
   */
  public List<ScoreChange> changes(List<Response> responses) {
    Map<String, List<Response>> byInstrument = new LinkedHashMap<>();
    for (Response r : responses) {
      byInstrument.computeIfAbsent(r.instrumentCode(), k -> new ArrayList<>()).add(r);
    }
    List<ScoreChange> changes = new ArrayList<>();
    byInstrument.forEach(
        (code, list) -> {
          if (list.size() < 2) {
            return;
          }
          Response first = list.get(0);
          Response last = list.get(list.size() - 1);
          Instrument instrument = instruments.find(code, last.instrumentVersion()).orElseThrow();
          for (Score latest : last.scores()) {
            Score baseline =
                first.scores().stream()
                    .filter(s -> s.code().equals(latest.code()))
                    .findFirst()
                    .orElse(null);
            ScoreRule rule = instrument.score(latest.code()).orElse(null);
            if (baseline == null
                || baseline.value() == null
                || latest.value() == null
                || rule == null) {
              continue;
            }
            BigDecimal change = latest.value().subtract(baseline.value());
            Boolean better =
                change.signum() == 0 ? null : (change.signum() > 0) == rule.higherIsBetter();
            Boolean meaningful =
                rule.meaningfulChange() == null
                    ? null
                    : change.abs().compareTo(rule.meaningfulChange()) >= 0;
            changes.add(
                new ScoreChange(
                    code,
                    latest.code(),
                    latest.label(),
                    baseline.value(),
                    latest.value(),
                    change,
                    better,
                    meaningful));
          }
        });
    return changes;
  }

  /** The answers given, without blank ones, stripped of surrounding spaces. */
  static Map<String, String> cleaned(Map<String, String> answers) {
    Map<String, String> given = new LinkedHashMap<>();
    answers.forEach(
        (k, v) -> {
          if (k != null && v != null && !v.isBlank()) {
            given.put(k, v.strip());
          }
        });
    return given;
  }

  private static UUID currentUser() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof WaymarkUser u ? u.userId() : null;
  }
}
