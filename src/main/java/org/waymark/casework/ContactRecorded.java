package org.waymark.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact was recorded on a case, or changed. Published in the transaction of the change; it
 * carries no detail of the contact, only where to find it.
 */
public record ContactRecorded(
    UUID contactId, UUID organisationId, UUID caseId, UUID personId, Instant at) {}
