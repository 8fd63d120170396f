package org.waymark.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that closes a case (the referral closed with the discharge summary
 * in the same transaction), for follow-up, outcomes and reporting to listen to.
 *
 * @param closureReason a {@code CLOSURE_REASON} code
 */
public record CaseClosed(
    UUID caseId,
    UUID organisationId,
    UUID referralId,
    UUID personId,
    String closureReason,
    Instant at) {}
