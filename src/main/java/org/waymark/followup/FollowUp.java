package org.waymark.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A follow-up scheduled for a case, with its dates as calendar days in Europe/London. The dates
 * were fixed when it was scheduled.
 *
 * @param organisationId the PCN that holds the case (the tenant)
 * @param linkWorkerId the link worker who holds the case
 * @param name the plan point's name, for example 3 months after closure
 * @param countedFrom the day it counts from: the referral's arrival or the case's closure
 * @param attempts how many times it was recorded, including attempts that did not reach the person
 * @param endedAt when it was completed, declined or cancelled; null while open
 */
public record FollowUp(
    UUID id,
    UUID organisationId,
    UUID caseId,
    UUID personId,
    UUID linkWorkerId,
    String name,
    CountsFrom countsFrom,
    LocalDate countedFrom,
    LocalDate opensOn,
    LocalDate targetOn,
    LocalDate closesOn,
    FollowUpStatus status,
    int attempts,
    Instant lastAttemptAt,
    Instant endedAt,
    long version) {

  /** Its state on {@code today}. */
  public FollowUpState state(LocalDate today) {
    return FollowUpState.of(status, opensOn, targetOn, closesOn, today);
  }

  /** Days since its target date while it is overdue or missed; otherwise 0. */
  public long daysOverdue(LocalDate today) {
    FollowUpState s = state(today);
    return s == FollowUpState.OVERDUE || s == FollowUpState.MISSED
        ? ChronoUnit.DAYS.between(targetOn, today)
        : 0;
  }
}
