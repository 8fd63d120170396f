package org.waymark.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published when a referral passes its answer deadline unanswered and the link worker who sent it
 * is told.
 */
public record ConnectionAnswerOverdue(
    UUID connectionId,
    UUID organisationId,
    UUID requestedBy,
    UUID serviceHolderId,
    String serviceName,
    LocalDate answerDueOn,
    Instant at) {}
