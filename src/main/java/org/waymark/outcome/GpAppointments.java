package org.waymark.outcome;

import java.time.Instant;
import java.util.UUID;

/**
 * The optional GP appointment indicator: appointments in a number of months before the referral or
 * after it. An indicator some commissioners ask for, never the measure of the person's wellbeing.
 *
 * @param before true for the months before the referral, false for the months after
 */
public record GpAppointments(
    UUID id, UUID caseId, boolean before, int months, int appointments, Instant recordedAt) {}
