package org.waymark.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation (tenant). {@code odsCode}, {@code parentId} (the PCN of a GP practice) and {@code
 * postcode} may be null.
 */
public record Organisation(
    UUID id,
    OrganisationType type,
    String name,
    String odsCode,
    UUID parentId,
    String postcode,
    Instant createdAt) {}
