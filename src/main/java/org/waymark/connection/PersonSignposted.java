package org.waymark.connection;

import java.time.LocalDate;
import java.util.UUID;

/** Published when a link worker records that they signposted a person to a service. */
public record PersonSignposted(
    UUID signpostId,
    UUID organisationId,
    UUID caseId,
    UUID personId,
    UUID serviceId,
    LocalDate givenOn) {}
