package org.waymark.audit;

import java.util.UUID;

/**
 * Who acted, for entries recorded where no user is signed in yet (sign-in attempts). All but {@code
 * organisationId} may be null.
 */
public record AuditActor(UUID organisationId, UUID userId, String username, String role) {}
