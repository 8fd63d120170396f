package org.waymark.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.PlanValidationException.Problem;
import org.waymark.casework.internal.CaseAccess;
import org.waymark.casework.internal.CaseActivityQuery;
import org.waymark.casework.internal.CaseStore;
import org.waymark.casework.internal.DischargeStore;
import org.waymark.casework.internal.DischargeSummaryWriter;
import org.waymark.casework.internal.PlanRules;
import org.waymark.casework.internal.PlanStore;
import org.waymark.person.PersonManagement;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.shared.RecordNotFoundException;

/**
 * Closing a case with a reason and the discharge summary sent back to the referrer. Every method
 * but {@link #discharge} needs the user to be able to change the case ({@code
 * CaseAccess#requireWrite}); a refusal is audited and thrown as {@link
 * org.springframework.security.access.AccessDeniedException}.
 */
@Service
public class CaseClosures {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final CaseStore cases;
  private final PlanStore plans;
  private final DischargeStore discharges;
  private final CaseActivityQuery activity;
  private final DischargeSummaryWriter writer;
  private final PlanRules rules;
  private final CaseAccess access;
  private final Referrals referrals;
  private final PersonManagement people;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  CaseClosures(
      CaseStore cases,
      PlanStore plans,
      DischargeStore discharges,
      CaseActivityQuery activity,
      DischargeSummaryWriter writer,
      PlanRules rules,
      CaseAccess access,
      Referrals referrals,
      PersonManagement people,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.cases = cases;
    this.plans = plans;
    this.discharges = discharges;
    this.activity = activity;
    this.writer = writer;
    this.rules = rules;
    this.access = access;
    this.referrals = referrals;
    this.people = people;
    this.audit = audit;
    this.events = events;
  }

  /**
   * The case, for a user who may close it (audited as {@code CASE_READ}); open or closed.
   *
   * @throws RecordNotFoundException if there is no such case
   */
  @Transactional
  public CaseFile caseToClose(UUID caseId) {
    CaseFile c = writable(caseId);
    audit.record(AuditEntry.allowed("CASE_READ", "case", caseId, c.personId()));
    return c;
  }

  /** The rules a closure breaks, without access checks or saving. {@code summary} may be null. */
  public List<Problem> problems(String closureReason, String summary) {
    List<Problem> problems = new ArrayList<>(rules.closureReasonProblems(closureReason));
    if (summary != null) {
      problems.addAll(rules.summaryProblems(summary));
    }
    return problems;
  }

  /**
   * A discharge summary generated from the open case, for the link worker to edit: the person,
   * reference, dates, needs worked on, goals and their outcomes, contacts, connections, outcome
   * change, next steps, and the GP-facing SNOMED CT codes. Nothing is written; the reads are
   * audited ({@code DISCHARGE_DRAFTED}, and the person's and referral's own read entries).
   *
   * @param nextSteps free text; may be null
   * @throws PlanValidationException if the reason is missing or not an active closure reason
   * @throws CaseNotOpenException if the case is closed
   */
  @Transactional
  public DischargeDraft draft(UUID caseId, String closureReason, String nextSteps) {
    CaseFile c = writable(caseId);
    if (!c.isOpen()) {
      throw new CaseNotOpenException();
    }
    check(rules.closureReasonProblems(closureReason));
    Referral referral = referrals.find(c.referralId());
    List<PlanGoal> goals = plans.goals(c.organisationId(), caseId);
    String text =
        writer.write(
            new DischargeSummaryWriter.Facts(
                people.find(c.personId()),
                referral,
                goals,
                activity.activity(c),
                closureReason,
                LocalDate.now(LONDON),
                nextSteps));
    List<CodedEntry> codes =
        writer.codes(DischargeSummaryWriter.needsWorkedOn(referral, goals), closureReason);
    audit.record(AuditEntry.allowed("DISCHARGE_DRAFTED", "case", caseId, c.personId()));
    return new DischargeDraft(c, closureReason, text, codes);
  }

  /**
   * Closes the case, in one transaction: the case becomes {@link CaseStatus#CLOSED} with the
   * reason; the referral closes with {@code summary} as its discharge summary ({@link
   * Referrals#recordDischarge}); the summary and its coded part (recomputed from the case as it is
   * now) are stored; {@code CASE_CLOSED} is audited and {@link CaseClosed} published. If any part
   * fails, nothing is written.
   *
   * @param caseVersion the case's version the closure was prepared from
   * @param summary the text as the link worker confirmed it
   * @throws PlanValidationException if the reason or the summary breaks a rule
   * @throws PlanEditConflictException if the case changed since {@code caseVersion}
   * @throws CaseNotOpenException if the case is already closed
   * @throws org.waymark.referral.ReferralConflictException if the referral cannot close (for
   *     example it is closed already)
   */
  @Transactional
  public Discharge close(UUID caseId, long caseVersion, String closureReason, String summary) {
    CaseFile c = writable(caseId);
    if (!c.isOpen()) {
      throw new CaseNotOpenException();
    }
    check(problems(closureReason, summary == null ? "" : summary));
    String text = summary.strip();
    Instant now = Instant.now();
    if (c.version() != caseVersion || !discharges.closeCase(c, caseVersion, closureReason, now)) {
      CaseFile current = cases.find(caseId).orElseThrow();
      if (!current.isOpen()) {
        throw new CaseNotOpenException();
      }
      throw new PlanEditConflictException("case", current.version());
    }
    Referral referral = referrals.find(c.referralId());
    List<PlanGoal> goals = plans.goals(c.organisationId(), caseId);
    List<CodedEntry> codes =
        writer.codes(DischargeSummaryWriter.needsWorkedOn(referral, goals), closureReason);
    referrals.recordDischarge(c.referralId(), text);
    UUID by = access.currentUserId();
    discharges.insert(c, closureReason, text, codes, now, by);
    audit.record(
        AuditEntry.allowed("CASE_CLOSED", "case", caseId, c.personId())
            .withDetail("reason=" + closureReason));
    events.publishEvent(
        new CaseClosed(
            caseId, c.organisationId(), c.referralId(), c.personId(), closureReason, now));
    return discharges.find(c.organisationId(), caseId).orElseThrow();
  }

  /**
   * The discharge summary sent when the case closed; empty while it is open. Needs the user to be
   * able to read the case; audited as {@code DISCHARGE_READ}.
   *
   * @throws RecordNotFoundException if there is no such case
   */
  @Transactional
  public Optional<Discharge> discharge(UUID caseId) {
    CaseFile c = cases.find(caseId).orElseThrow(() -> new RecordNotFoundException("case"));
    access.requireRead(c);
    Optional<Discharge> d = discharges.find(c.organisationId(), caseId);
    d.ifPresent(
        x -> audit.record(AuditEntry.allowed("DISCHARGE_READ", "case", caseId, c.personId())));
    return d;
  }

  /**
   * The discharge summary of a referral's case, for whoever may read the referral (the referrer who
   * made it, link workers and managers of the PCN that received it): its text and its SNOMED CT
   * coded part. Empty while the case is open, or if the referral never became a case. Audited as
   * {@code REFERRAL_READ} and, when there is one, {@code DISCHARGE_READ}.
   *
   * @throws RecordNotFoundException if there is no such referral
   * @throws org.springframework.security.access.AccessDeniedException if the user may not read the
   *     referral (audited)
   */
  @Transactional
  public Optional<Discharge> dischargeOfReferral(UUID referralId) {
    Referral r = referrals.find(referralId);
    Optional<Discharge> d =
        cases
            .forReferral(r.organisationId(), referralId)
            .flatMap(c -> discharges.find(c.organisationId(), c.id()));
    d.ifPresent(
        x ->
            audit.record(
                AuditEntry.allowed("DISCHARGE_READ", "case", x.caseId(), r.personId())
                    .withDetail("Referral " + referralId)));
    return d;
  }

  private CaseFile writable(UUID caseId) {
    CaseFile c = cases.find(caseId).orElseThrow(() -> new RecordNotFoundException("case"));
    access.requireWrite(c);
    return c;
  }

  private static void check(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new PlanValidationException(problems);
    }
  }
}
