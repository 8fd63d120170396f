package org.waymark.casework.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.casework.CaseStatus;
import org.waymark.casework.GoalDraft;
import org.waymark.casework.GoalStatus;
import org.waymark.casework.PlanGoal;
import org.waymark.casework.PlanReview;
import org.waymark.casework.PlanStep;
import org.waymark.casework.StepDraft;
import org.waymark.casework.StepOwner;
import org.waymark.casework.StepStatus;

/**
 * The support plan tables ({@code casework_plan_goal}, {@code casework_plan_step}, {@code
 * casework_plan_review}). Access checks and auditing are the caller's job.
 */
@Repository
public class PlanStore {

  private final JdbcClient jdbc;

  PlanStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The case's status, holding a share lock on its row until the transaction ends, so that a
   * closure cannot commit between this check and a plan change.
   */
  public Optional<CaseStatus> lockedStatus(UUID organisationId, UUID caseId) {
    return jdbc.sql(
            "SELECT status FROM casework_case WHERE organisation_id = ? AND id = ? FOR SHARE")
        .params(organisationId, caseId)
        .query((rs, n) -> CaseStatus.valueOf(rs.getString(1)))
        .optional();
  }

  /** Every goal of a case, oldest first, with their steps and reviews. */
  public List<PlanGoal> goals(UUID organisationId, UUID caseId) {
    Map<UUID, List<PlanStep>> steps = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT * FROM casework_plan_step WHERE organisation_id = ? AND case_id = ?
            ORDER BY created_at, id
            """)
        .params(organisationId, caseId)
        .query(PlanStore::step)
        .list()
        .forEach(s -> steps.computeIfAbsent(s.goalId(), k -> new ArrayList<>()).add(s));
    Map<UUID, List<PlanReview>> reviews = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT * FROM casework_plan_review WHERE organisation_id = ? AND case_id = ?
            ORDER BY reviewed_on, recorded_at, id
            """)
        .params(organisationId, caseId)
        .query(PlanStore::review)
        .list()
        .forEach(r -> reviews.computeIfAbsent(r.goalId(), k -> new ArrayList<>()).add(r));
    return jdbc.sql(
            """
            SELECT * FROM casework_plan_goal WHERE organisation_id = ? AND case_id = ?
            ORDER BY created_at, id
            """)
        .params(organisationId, caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return goal(
                  rs, steps.getOrDefault(id, List.of()), reviews.getOrDefault(id, List.of()));
            })
        .list();
  }

  /** The case a goal belongs to, by the goal's id alone. */
  public Optional<UUID> caseOfGoal(UUID goalId) {
    return jdbc.sql("SELECT case_id FROM casework_plan_goal WHERE id = ?")
        .param(goalId)
        .query(UUID.class)
        .optional();
  }

  public Optional<PlanGoal> goal(UUID organisationId, UUID caseId, UUID goalId) {
    return goals(organisationId, caseId).stream().filter(g -> g.id().equals(goalId)).findFirst();
  }

  public Optional<PlanStep> step(UUID organisationId, UUID caseId, UUID stepId) {
    return jdbc.sql(
            "SELECT * FROM casework_plan_step WHERE organisation_id = ? AND case_id = ? AND id = ?")
        .params(organisationId, caseId, stepId)
        .query(PlanStore::step)
        .optional();
  }

  public void insertGoal(UUID organisationId, UUID caseId, UUID id, GoalDraft g, UUID by) {
    jdbc.sql(
            """
            INSERT INTO casework_plan_goal (organisation_id, id, case_id, text, needs, status,
              target_date, created_by, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            id,
            caseId,
            g.text(),
            g.needs().toArray(String[]::new),
            g.status().name(),
            date(g.targetDate()),
            by,
            by)
        .update();
  }

  /** Changes a goal if it is still at {@code version}; false if another change came first. */
  public boolean updateGoal(
      UUID organisationId, UUID caseId, UUID id, long version, GoalDraft g, UUID by) {
    return jdbc.sql(
                """
                UPDATE casework_plan_goal SET text = ?, needs = ?, status = ?, target_date = ?,
                  updated_at = now(), updated_by = ?, version = version + 1
                WHERE organisation_id = ? AND case_id = ? AND id = ? AND version = ?
                """)
            .params(
                g.text(),
                g.needs().toArray(String[]::new),
                g.status().name(),
                date(g.targetDate()),
                by,
                organisationId,
                caseId,
                id,
                version)
            .update()
        == 1;
  }

  public void insertStep(
      UUID organisationId, UUID caseId, UUID goalId, UUID id, StepDraft s, UUID by) {
    jdbc.sql(
            """
            INSERT INTO casework_plan_step (organisation_id, id, case_id, goal_id, text, owner,
              owner_name, target_date, status, created_by, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            id,
            caseId,
            goalId,
            s.text(),
            s.owner().name(),
            s.ownerName(),
            date(s.targetDate()),
            s.status().name(),
            by,
            by)
        .update();
  }

  /** Changes a step if it is still at {@code version}; false if another change came first. */
  public boolean updateStep(
      UUID organisationId, UUID caseId, UUID id, long version, StepDraft s, UUID by) {
    return jdbc.sql(
                """
                UPDATE casework_plan_step SET text = ?, owner = ?, owner_name = ?, target_date = ?,
                  status = ?, updated_at = now(), updated_by = ?, version = version + 1
                WHERE organisation_id = ? AND case_id = ? AND id = ? AND version = ?
                """)
            .params(
                s.text(),
                s.owner().name(),
                s.ownerName(),
                date(s.targetDate()),
                s.status().name(),
                by,
                organisationId,
                caseId,
                id,
                version)
            .update()
        == 1;
  }

  public void insertReview(
      UUID organisationId,
      UUID caseId,
      UUID goalId,
      UUID id,
      LocalDate reviewedOn,
      String inTheirWords,
      int progress,
      UUID by) {
    jdbc.sql(
            """
            INSERT INTO casework_plan_review (organisation_id, id, case_id, goal_id, reviewed_on,
              in_their_words, progress, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(organisationId, id, caseId, goalId, date(reviewedOn), inTheirWords, progress, by)
        .update();
  }

  private static PlanGoal goal(ResultSet rs, List<PlanStep> steps, List<PlanReview> reviews)
      throws SQLException {
    Array needs = rs.getArray("needs");
    return new PlanGoal(
        rs.getObject("id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getString("text"),
        List.copyOf(Arrays.asList((String[]) needs.getArray())),
        GoalStatus.valueOf(rs.getString("status")),
        localDate(rs.getDate("target_date")),
        List.copyOf(steps),
        List.copyOf(reviews),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getLong("version"));
  }

  private static PlanStep step(ResultSet rs, int n) throws SQLException {
    return new PlanStep(
        rs.getObject("id", UUID.class),
        rs.getObject("goal_id", UUID.class),
        rs.getString("text"),
        StepOwner.valueOf(rs.getString("owner")),
        rs.getString("owner_name"),
        localDate(rs.getDate("target_date")),
        StepStatus.valueOf(rs.getString("status")),
        rs.getLong("version"));
  }

  private static PlanReview review(ResultSet rs, int n) throws SQLException {
    return new PlanReview(
        rs.getObject("id", UUID.class),
        rs.getObject("goal_id", UUID.class),
        rs.getDate("reviewed_on").toLocalDate(),
        rs.getString("in_their_words"),
        rs.getInt("progress"),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getObject("recorded_by", UUID.class));
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
