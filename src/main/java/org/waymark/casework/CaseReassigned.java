package org.waymark.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that moves a case to another link worker.
 *
 * @param fromLinkWorkerId who held the case before
 * @param toLinkWorkerId who holds it now
 * @param reassignedBy the manager who moved it
 * @param reason why, as the manager wrote it
 */
public record CaseReassigned(
    UUID caseId,
    UUID organisationId,
    UUID personId,
    UUID fromLinkWorkerId,
    UUID toLinkWorkerId,
    UUID reassignedBy,
    String reason,
    Instant at) {}
