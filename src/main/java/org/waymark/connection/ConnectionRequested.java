package org.waymark.connection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published in the transaction that sends an onward referral. */
public record ConnectionRequested(
    UUID connectionId,
    UUID organisationId,
    UUID caseId,
    UUID referralId,
    UUID personId,
    UUID serviceId,
    UUID serviceHolderId,
    ConnectionMethod method,
    List<String> needs,
    Instant at) {}
