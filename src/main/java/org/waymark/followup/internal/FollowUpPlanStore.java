package org.waymark.followup.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.followup.CountsFrom;
import org.waymark.followup.FollowUpPlan;
import org.waymark.followup.PlanPoint;

/**
 * The {@code follow_up_plan} and {@code follow_up_plan_point} tables: a service's saved plan, or
 * the default plan at version 0. Access checks and auditing are the caller's job.
 */
@Repository
public class FollowUpPlanStore {

  private final JdbcClient jdbc;

  FollowUpPlanStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The service's plan as saved, or the default plan at version 0. */
  public FollowUpPlan plan(UUID organisationId) {
    Optional<Long> version =
        jdbc.sql("SELECT version FROM follow_up_plan WHERE organisation_id = ?")
            .param(organisationId)
            .query(Long.class)
            .optional();
    if (version.isEmpty()) {
      return FollowUpPlan.defaults(organisationId);
    }
    List<PlanPoint> points =
        jdbc.sql(
                """
                SELECT name, counts_from, opens_after, target_after, closes_after
                FROM follow_up_plan_point WHERE organisation_id = ? ORDER BY position
                """)
            .param(organisationId)
            .query(
                (rs, n) ->
                    new PlanPoint(
                        rs.getString("name"),
                        CountsFrom.valueOf(rs.getString("counts_from")),
                        rs.getInt("opens_after"),
                        rs.getInt("target_after"),
                        rs.getInt("closes_after")))
            .list();
    return new FollowUpPlan(organisationId, points, version.get());
  }

  /**
   * Replaces the plan if it is still at {@code expectedVersion}, moving it to the next version.
   *
   * @return false if someone else saved it first; nothing is written then
   */
  public boolean save(
      UUID organisationId, long expectedVersion, List<PlanPoint> points, UUID by, Instant now) {
    int written =
        expectedVersion == 0
            ? jdbc.sql(
                    """
                    INSERT INTO follow_up_plan (organisation_id, updated_by, updated_at, version)
                    VALUES (?, ?, ?, 1) ON CONFLICT (organisation_id) DO NOTHING
                    """)
                .params(organisationId, by, Timestamp.from(now))
                .update()
            : jdbc.sql(
                    """
                    UPDATE follow_up_plan SET updated_by = ?, updated_at = ?, version = version + 1
                    WHERE organisation_id = ? AND version = ?
                    """)
                .params(by, Timestamp.from(now), organisationId, expectedVersion)
                .update();
    if (written != 1) {
      return false;
    }
    jdbc.sql("DELETE FROM follow_up_plan_point WHERE organisation_id = ?")
        .param(organisationId)
        .update();
    for (int i = 0; i < points.size(); i++) {
      PlanPoint p = points.get(i);
      jdbc.sql(
              """
              INSERT INTO follow_up_plan_point (organisation_id, position, name, counts_from,
                opens_after, target_after, closes_after)
              VALUES (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              organisationId,
              i,
              p.name(),
              p.countsFrom().name(),
              p.opensAfter(),
              p.targetAfter(),
              p.closesAfter())
          .update();
    }
    return true;
  }
}
