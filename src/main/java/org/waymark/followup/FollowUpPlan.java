package org.waymark.followup;

import java.util.List;
import java.util.UUID;

/**
 * A service's follow-up plan: the points at which every case of the service is followed up. A
 * service that never saved one has the default plan at version 0.
 *
 * @param organisationId the PCN (the service)
 * @param points in the order the manager gave them; may be empty (the service does not follow up)
 * @param version a change must name it, so that a stale change is refused
 */
public record FollowUpPlan(UUID organisationId, List<PlanPoint> points, long version) {

  public FollowUpPlan {
    points = List.copyOf(points);
  }

  /**
   * The default plan: 3 months after closure (opens at 3, target 3, closes at 4) and 9 to 12 months
   * after the referral (opens at 9, target 10, closes at 12), as the evaluation re-interviews
   * people.
   */
  public static FollowUpPlan defaults(UUID organisationId) {
    return new FollowUpPlan(
        organisationId,
        List.of(
            new PlanPoint("3 months after closure", CountsFrom.CLOSURE, 3, 3, 4),
            new PlanPoint("9 to 12 months after referral", CountsFrom.REFERRAL, 9, 10, 12)),
        0);
  }
}
