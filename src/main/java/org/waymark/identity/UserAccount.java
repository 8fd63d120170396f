package org.waymark.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user account as administrators see it (never the password hash). {@code disabledAt} may be
 * null.
 */
public record UserAccount(
    UUID id,
    String email,
    String displayName,
    boolean enabled,
    Instant createdAt,
    Instant disabledAt,
    List<Membership> memberships) {}
