package org.waymark.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when the service is reminded that a referral needs an answer by its deadline. */
public record ConnectionChased(
    UUID connectionId,
    UUID organisationId,
    UUID serviceHolderId,
    String serviceName,
    LocalDate answerDueOn,
    Instant at) {}
