package org.waymark.followup;

import java.time.LocalDate;

/**
 * Where a follow-up stands on a given day: derived from its status and its dates, so lists, counts
 * and reminders always agree.
 */
public enum FollowUpState {
  /** Open, and its opening date is still to come. */
  UPCOMING("Upcoming", "grey"),
  /** Open, from its opening date up to and including its target date. */
  DUE("Due now", "blue"),
  /** Open, after its target date up to and including its closing date. */
  OVERDUE("Overdue", "orange"),
  /** Still open after its closing date. */
  MISSED("Missed", "red"),
  /** Completed, declined or cancelled. */
  DONE("Done", "green");

  private final String label;
  private final String colour;

  FollowUpState(String label, String colour) {
    this.label = label;
    this.colour = colour;
  }

  public String label() {
    return label;
  }

  /** The NHS.UK tag colour modifier. */
  public String colour() {
    return colour;
  }

  /** The state of a follow-up with this status and these dates on {@code today}. */
  public static FollowUpState of(
      FollowUpStatus status,
      LocalDate opensOn,
      LocalDate targetOn,
      LocalDate closesOn,
      LocalDate today) {
    if (status != FollowUpStatus.OPEN) {
      return DONE;
    }
    if (today.isBefore(opensOn)) {
      return UPCOMING;
    }
    if (!today.isAfter(targetOn)) {
      return DUE;
    }
    return today.isAfter(closesOn) ? MISSED : OVERDUE;
  }
}
