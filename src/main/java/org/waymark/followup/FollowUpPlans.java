package org.waymark.followup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.followup.FollowUpValidationException.Problem;
import org.waymark.followup.internal.FollowUpPlanStore;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.WaymarkUser;

/**
 * The follow-up plan of the service (the PCN) the signed-in manager acts for. A change applies to
 * follow-ups scheduled from then on; those already scheduled keep their dates.
 */
@Service
public class FollowUpPlans {

  /** The most points a plan may have. */
  public static final int MAX_POINTS = 6;

  private static final int MAX_NAME = 80;

  private final FollowUpPlanStore store;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final Clock clock;

  FollowUpPlans(
      FollowUpPlanStore store, AccessPolicy access, AuditLog audit, Optional<Clock> clock) {
    this.store = store;
    this.access = access;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /**
   * The plan as it is now (the default plan if never saved).
   *
   * @throws org.springframework.security.access.AccessDeniedException unless the user manages
   *     casework for the organisation they act for (audited)
   */
  @Transactional(readOnly = true)
  public FollowUpPlan current() {
    return store.plan(managedOrganisation());
  }

  /**
   * The problems with these points, without saving anything: a name (unique, at most 80
   * characters), what they count from, months from 0 to 24 with opening, target and closing in
   * order, and at most {@value #MAX_POINTS} points. Fields are named {@code points[i].name} and so
   * on.
   */
  public static List<Problem> problems(List<PlanPoint> points) {
    List<Problem> problems = new ArrayList<>();
    if (points.size() > MAX_POINTS) {
      problems.add(new Problem("points", "followup.plan.points.tooMany"));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < points.size(); i++) {
      PlanPoint p = points.get(i);
      String f = "points[" + i + "].";
      if (p.name() == null || p.name().isBlank()) {
        problems.add(new Problem(f + "name", "followup.plan.name.required"));
      } else if (p.name().strip().length() > MAX_NAME) {
        problems.add(new Problem(f + "name", "followup.plan.name.tooLong"));
      } else if (!names.add(p.name().strip().toLowerCase(Locale.UK))) {
        problems.add(new Problem(f + "name", "followup.plan.name.duplicate"));
      }
      if (p.countsFrom() == null) {
        problems.add(new Problem(f + "countsFrom", "followup.plan.countsFrom.required"));
      }
      boolean inRange = true;
      for (int months : new int[] {p.opensAfter(), p.targetAfter(), p.closesAfter()}) {
        inRange &= months >= 0 && months <= PlanPoint.MAX_MONTHS;
      }
      if (!inRange) {
        problems.add(new Problem(f + "opensAfter", "followup.plan.months.range"));
      } else if (p.opensAfter() > p.targetAfter()) {
        problems.add(new Problem(f + "targetAfter", "followup.plan.target.beforeOpening"));
      } else if (p.targetAfter() > p.closesAfter()) {
        problems.add(new Problem(f + "closesAfter", "followup.plan.closes.beforeTarget"));
      }
    }
    return problems;
  }

  /**
   * Replaces the plan. Audited as {@code FOLLOW_UP_PLAN_CHANGED}.
   *
   * @param version the version the manager saw
   * @throws FollowUpValidationException naming each problem ({@link #problems}); nothing is written
   * @throws FollowUpConflictException if another manager changed it first; nothing is written
   */
  @Transactional
  public FollowUpPlan change(long version, List<PlanPoint> points) {
    UUID organisationId = managedOrganisation();
    List<Problem> problems = problems(points);
    if (!problems.isEmpty()) {
      throw new FollowUpValidationException(problems);
    }
    List<PlanPoint> clean =
        points.stream()
            .map(
                p ->
                    new PlanPoint(
                        p.name().strip(),
                        p.countsFrom(),
                        p.opensAfter(),
                        p.targetAfter(),
                        p.closesAfter()))
            .toList();
    UUID by = access.currentUser().map(WaymarkUser::userId).orElseThrow();
    if (!store.save(organisationId, version, clean, by, clock.instant())) {
      throw new FollowUpConflictException("The follow-up plan was changed by someone else");
    }
    audit.record(
        AuditEntry.allowed("FOLLOW_UP_PLAN_CHANGED", "follow_up_plan", organisationId, null)
            .withDetail("points=" + clean.size()));
    return store.plan(organisationId);
  }

  private UUID managedOrganisation() {
    UUID organisationId = access.currentUser().map(WaymarkUser::organisationId).orElse(null);
    access.require(
        Permission.MANAGE_CASEWORK, organisationId, "follow_up_plan", organisationId, null);
    return organisationId;
  }
}
