package org.waymark.connection;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction that changes a connection's state, for outcomes, follow-up and
 * reporting.
 *
 * @param reason set for rejected, cancelled, on hold and failed
 */
public record ConnectionStatusChanged(
    UUID connectionId,
    UUID organisationId,
    UUID caseId,
    UUID referralId,
    UUID personId,
    UUID serviceId,
    UUID serviceHolderId,
    ConnectionStatus from,
    ConnectionStatus to,
    StatusReason reason,
    Instant at) {}
