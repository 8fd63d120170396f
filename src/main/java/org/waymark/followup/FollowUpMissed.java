package org.waymark.followup;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published once for each follow-up still open after its closing date, in the transaction that
 * notes it, for research and reporting.
 *
 * @param closesOn the closing date that passed
 */
public record FollowUpMissed(
    UUID followUpId,
    UUID organisationId,
    UUID caseId,
    UUID personId,
    String name,
    LocalDate closesOn) {}
