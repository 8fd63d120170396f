package org.waymark.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored audit entry. Only {@code id}, {@code occurredAt}, {@code action}, {@code outcome} are
 * never null.
 */
public record AuditEvent(
    long id,
    Instant occurredAt,
    UUID organisationId,
    UUID userId,
    String username,
    String role,
    String action,
    AuditOutcome outcome,
    String recordType,
    String recordId,
    UUID personId,
    String remoteAddress,
    String requestId,
    String detail) {}
