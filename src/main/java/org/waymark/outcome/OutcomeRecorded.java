package org.waymark.outcome;

import java.time.LocalDate;
import java.util.UUID;

/** Published in the transaction that records answers to an instrument, for reporting. */
public record OutcomeRecorded(
    UUID responseId,
    UUID organisationId,
    UUID caseId,
    UUID personId,
    String instrumentCode,
    int instrumentVersion,
    Occasion occasion,
    LocalDate completedOn) {}
