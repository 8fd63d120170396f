package org.waymark.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.PlanValidationException.Problem;
import org.waymark.casework.internal.CaseAccess;
import org.waymark.casework.internal.CaseStore;
import org.waymark.casework.internal.PlanRules;
import org.waymark.casework.internal.PlanStore;
import org.waymark.shared.RecordNotFoundException;

/**
 * A case's personalised support plan: goals in the person's words linked to need domains, the steps
 * towards them and dated reviews. Reads need the user to be able to read the case, changes to be
 * able to change it ({@code CaseAccess}); both are audited, and a refusal is audited and thrown as
 * {@link org.springframework.security.access.AccessDeniedException}. A closed case's plan no longer
 * changes ({@link CaseNotOpenException}). Goal and step changes name the version they were made
 * from; a stale one is refused ({@link PlanEditConflictException}). Nothing is written when a rule
 * is broken ({@link PlanValidationException}).
 */
@Service
public class SupportPlans {

  private final CaseStore cases;
  private final PlanStore plans;
  private final PlanRules rules;
  private final CaseAccess access;
  private final AuditLog audit;

  SupportPlans(
      CaseStore cases, PlanStore plans, PlanRules rules, CaseAccess access, AuditLog audit) {
    this.cases = cases;
    this.plans = plans;
    this.rules = rules;
    this.access = access;
    this.audit = audit;
  }

  /**
   * The plan's goals, oldest first, each with its steps and reviews. Audited as {@code PLAN_READ}.
   *
   * @throws RecordNotFoundException if there is no such case
   */
  @Transactional
  public List<PlanGoal> goals(UUID caseId) {
    CaseFile c = readable(caseId);
    audit.record(AuditEntry.allowed("PLAN_READ", "case", caseId, c.personId()));
    return plans.goals(c.organisationId(), caseId);
  }

  /**
   * One goal by its id alone, with its steps and reviews, for a user who may read its case. Audited
   * as {@code PLAN_READ}.
   *
   * @throws RecordNotFoundException if there is no such goal
   */
  @Transactional
  public PlanGoal goal(UUID goalId) {
    UUID caseId = plans.caseOfGoal(goalId).orElseThrow(() -> new RecordNotFoundException("goal"));
    CaseFile c = readable(caseId);
    audit.record(AuditEntry.allowed("PLAN_READ", "case", caseId, c.personId()));
    return plans
        .goal(c.organisationId(), caseId, goalId)
        .orElseThrow(() -> new RecordNotFoundException("goal"));
  }

  /**
   * One goal, for a user who may change the open case (the edit forms). Audited as {@code
   * PLAN_READ}.
   *
   * @throws RecordNotFoundException if the case has no such goal
   * @throws CaseNotOpenException if the case is closed
   */
  @Transactional
  public PlanGoal goalToChange(UUID caseId, UUID goalId) {
    CaseFile c = writable(caseId);
    PlanGoal g =
        plans
            .goal(c.organisationId(), caseId, goalId)
            .orElseThrow(() -> new RecordNotFoundException("goal"));
    audit.record(AuditEntry.allowed("PLAN_READ", "case", caseId, c.personId()));
    return g;
  }

  /**
   * One step, for a user who may change the open case. Audited as {@code PLAN_READ}.
   *
   * @throws RecordNotFoundException if the case has no such step
   * @throws CaseNotOpenException if the case is closed
   */
  @Transactional
  public PlanStep stepToChange(UUID caseId, UUID stepId) {
    CaseFile c = writable(caseId);
    PlanStep s =
        plans
            .step(c.organisationId(), caseId, stepId)
            .orElseThrow(() -> new RecordNotFoundException("step"));
    audit.record(AuditEntry.allowed("PLAN_READ", "case", caseId, c.personId()));
    return s;
  }

  /**
   * Checks that the user may change the plan of this case now, without reading or writing it.
   *
   * @throws CaseNotOpenException if the case is closed
   */
  @Transactional
  public CaseFile requireChangeable(UUID caseId) {
    return writable(caseId);
  }

  /** The rules a goal breaks, without access checks or saving: to show every problem at once. */
  public List<Problem> problems(GoalDraft goal) {
    return rules.goalProblems(withDefault(PlanRules.normalise(goal)), List.of());
  }

  public List<Problem> problems(StepDraft step) {
    return rules.stepProblems(withDefault(PlanRules.normalise(step)));
  }

  public List<Problem> problems(ReviewDraft review) {
    return rules.reviewProblems(PlanRules.normalise(review), today());
  }

  /**
   * Adds a goal ({@link GoalStatus#ACTIVE} unless given). Audited as {@code PLAN_GOAL_ADDED}.
   *
   * @throws PlanValidationException if a rule is broken
   * @throws CaseNotOpenException if the case is closed
   */
  @Transactional
  public PlanGoal addGoal(UUID caseId, GoalDraft draft) {
    CaseFile c = writable(caseId);
    GoalDraft g = withDefault(PlanRules.normalise(draft));
    check(rules.goalProblems(g, List.of()));
    UUID id = UUID.randomUUID();
    plans.insertGoal(c.organisationId(), caseId, id, g, access.currentUserId());
    audit.record(
        AuditEntry.allowed("PLAN_GOAL_ADDED", "case", caseId, c.personId())
            .withDetail("goal=" + id));
    return plans.goal(c.organisationId(), caseId, id).orElseThrow();
  }

  /**
   * Changes a goal's words, needs, status or target date. Audited as {@code PLAN_GOAL_UPDATED}.
   *
   * @param version the goal's version the change was made from
   * @throws PlanEditConflictException if the goal changed since
   * @throws PlanValidationException if a rule is broken
   * @throws CaseNotOpenException if the case is closed
   * @throws RecordNotFoundException if the case has no such goal
   */
  @Transactional
  public PlanGoal updateGoal(UUID caseId, UUID goalId, long version, GoalDraft draft) {
    CaseFile c = writable(caseId);
    PlanGoal current =
        plans
            .goal(c.organisationId(), caseId, goalId)
            .orElseThrow(() -> new RecordNotFoundException("goal"));
    GoalDraft g = PlanRules.normalise(draft);
    check(rules.goalProblems(g, current.needs()));
    if (current.version() != version
        || !plans.updateGoal(
            c.organisationId(), caseId, goalId, version, g, access.currentUserId())) {
      throw new PlanEditConflictException("goal", currentVersion(c, goalId, current));
    }
    audit.record(
        AuditEntry.allowed("PLAN_GOAL_UPDATED", "case", caseId, c.personId())
            .withDetail("goal=" + goalId));
    return plans.goal(c.organisationId(), caseId, goalId).orElseThrow();
  }

  /**
   * Adds a step to a goal ({@link StepStatus#NOT_STARTED} unless given). Audited as {@code
   * PLAN_STEP_ADDED}.
   *
   * @throws PlanValidationException if a rule is broken
   * @throws CaseNotOpenException if the case is closed
   * @throws RecordNotFoundException if the case has no such goal
   */
  @Transactional
  public PlanStep addStep(UUID caseId, UUID goalId, StepDraft draft) {
    CaseFile c = writable(caseId);
    plans
        .goal(c.organisationId(), caseId, goalId)
        .orElseThrow(() -> new RecordNotFoundException("goal"));
    StepDraft s = withDefault(PlanRules.normalise(draft));
    check(rules.stepProblems(s));
    UUID id = UUID.randomUUID();
    plans.insertStep(c.organisationId(), caseId, goalId, id, s, access.currentUserId());
    audit.record(
        AuditEntry.allowed("PLAN_STEP_ADDED", "case", caseId, c.personId())
            .withDetail("goal=" + goalId + " step=" + id));
    return plans.step(c.organisationId(), caseId, id).orElseThrow();
  }

  /**
   * Changes a step. Audited as {@code PLAN_STEP_UPDATED}.
   *
   * @param version the step's version the change was made from
   * @throws PlanEditConflictException if the step changed since
   * @throws PlanValidationException if a rule is broken
   * @throws CaseNotOpenException if the case is closed
   * @throws RecordNotFoundException if the case has no such step
   */
  @Transactional
  public PlanStep updateStep(UUID caseId, UUID stepId, long version, StepDraft draft) {
    CaseFile c = writable(caseId);
    PlanStep current =
        plans
            .step(c.organisationId(), caseId, stepId)
            .orElseThrow(() -> new RecordNotFoundException("step"));
    StepDraft s = PlanRules.normalise(draft);
    check(rules.stepProblems(s));
    if (current.version() != version
        || !plans.updateStep(
            c.organisationId(), caseId, stepId, version, s, access.currentUserId())) {
      long now =
          plans.step(c.organisationId(), caseId, stepId).map(PlanStep::version).orElse(version);
      throw new PlanEditConflictException("step", now);
    }
    audit.record(
        AuditEntry.allowed("PLAN_STEP_UPDATED", "case", caseId, c.personId())
            .withDetail("goal=" + current.goalId() + " step=" + stepId));
    return plans.step(c.organisationId(), caseId, stepId).orElseThrow();
  }

  /**
   * Adds a dated review to a goal. Audited as {@code PLAN_REVIEW_ADDED}.
   *
   * @throws PlanValidationException if a rule is broken (a review date in the future among them)
   * @throws CaseNotOpenException if the case is closed
   * @throws RecordNotFoundException if the case has no such goal
   */
  @Transactional
  public PlanReview addReview(UUID caseId, UUID goalId, ReviewDraft draft) {
    CaseFile c = writable(caseId);
    plans
        .goal(c.organisationId(), caseId, goalId)
        .orElseThrow(() -> new RecordNotFoundException("goal"));
    ReviewDraft r = PlanRules.normalise(draft);
    check(rules.reviewProblems(r, today()));
    UUID id = UUID.randomUUID();
    plans.insertReview(
        c.organisationId(),
        caseId,
        goalId,
        id,
        r.reviewedOn(),
        r.inTheirWords(),
        r.progress(),
        access.currentUserId());
    audit.record(
        AuditEntry.allowed("PLAN_REVIEW_ADDED", "case", caseId, c.personId())
            .withDetail("goal=" + goalId));
    return plans.goal(c.organisationId(), caseId, goalId).orElseThrow().reviews().stream()
        .filter(x -> x.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private CaseFile readable(UUID caseId) {
    CaseFile c = cases.find(caseId).orElseThrow(() -> new RecordNotFoundException("case"));
    access.requireRead(c);
    return c;
  }

  private CaseFile writable(UUID caseId) {
    CaseFile c = cases.find(caseId).orElseThrow(() -> new RecordNotFoundException("case"));
    access.requireWrite(c);
    CaseStatus status = plans.lockedStatus(c.organisationId(), caseId).orElseThrow();
    if (status != CaseStatus.OPEN) {
      throw new CaseNotOpenException();
    }
    return c;
  }

  private long currentVersion(CaseFile c, UUID goalId, PlanGoal fallback) {
    return plans
        .goal(c.organisationId(), c.id(), goalId)
        .map(PlanGoal::version)
        .orElse(fallback.version());
  }

  private static GoalDraft withDefault(GoalDraft g) {
    return g.status() != null
        ? g
        : new GoalDraft(g.text(), g.needs(), GoalStatus.ACTIVE, g.targetDate());
  }

  private static StepDraft withDefault(StepDraft s) {
    return s.status() != null
        ? s
        : new StepDraft(s.text(), s.owner(), s.ownerName(), s.targetDate(), StepStatus.NOT_STARTED);
  }

  private static void check(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new PlanValidationException(new ArrayList<>(problems));
    }
  }

  private static LocalDate today() {
    return LocalDate.now(java.time.ZoneId.of("Europe/London"));
  }
}
