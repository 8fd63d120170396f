package org.waymark.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dated review of a goal. Reviews are never changed.
 *
 * @param inTheirWords how it is going, in the person's words
 * @param progress where the person puts themselves from 0 (not started) to 10 (goal reached)
 */
public record PlanReview(
    UUID id,
    UUID goalId,
    LocalDate reviewedOn,
    String inTheirWords,
    int progress,
    Instant recordedAt,
    UUID recordedBy) {

  /** The lowest and highest points of the progress scale. */
  public static final int PROGRESS_MIN = 0;

  public static final int PROGRESS_MAX = 10;
}
