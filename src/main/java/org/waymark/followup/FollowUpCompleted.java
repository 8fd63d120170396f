package org.waymark.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published in the transaction that records a follow-up as completed with the person, for research
 * and reporting.
 *
 * @param organisationId the PCN that holds the case
 * @param name the plan point, for example 9 to 12 months after referral
 * @param targetOn the follow-up's target date
 * @param attempts how many attempts it took, this one included
 * @param at when it was recorded
 */
public record FollowUpCompleted(
    UUID followUpId,
    UUID organisationId,
    UUID caseId,
    UUID personId,
    String name,
    CountsFrom countsFrom,
    LocalDate targetOn,
    int attempts,
    Instant at) {}
