package org.waymark.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Information given to a person about a service they will contact themselves.
 *
 * @param information what was given, in the link worker's words
 */
public record Signpost(
    UUID id,
    UUID organisationId,
    UUID caseId,
    UUID personId,
    UUID serviceId,
    String serviceName,
    String information,
    LocalDate givenOn,
    UUID recordedBy,
    Instant recordedAt) {}
