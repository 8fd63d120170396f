package org.waymark.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A goal of a case's support plan, with its steps and reviews.
 *
 * @param text the goal in the person's own words
 * @param needs codes of the {@code NEED} code list, at least one
 * @param targetDate may be null
 * @param steps oldest first
 * @param reviews oldest first (by the date of the review)
 * @param version an edit must name it; a stale edit is refused
 */
public record PlanGoal(
    UUID id,
    UUID caseId,
    String text,
    List<String> needs,
    GoalStatus status,
    LocalDate targetDate,
    List<PlanStep> steps,
    List<PlanReview> reviews,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The most recent review, or null if there is none. */
  public PlanReview latestReview() {
    return reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
  }
}
