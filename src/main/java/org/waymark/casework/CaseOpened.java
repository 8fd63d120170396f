package org.waymark.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that accepts a referral and opens its case.
 *
 * @param organisationId the PCN that holds the case
 * @param linkWorkerId the link worker the case was allocated to
 */
public record CaseOpened(
    UUID caseId,
    UUID organisationId,
    UUID referralId,
    UUID personId,
    UUID linkWorkerId,
    Instant at) {}
