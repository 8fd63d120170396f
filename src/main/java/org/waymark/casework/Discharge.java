package org.waymark.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A sent discharge summary, as confirmed by the link worker.
 *
 * @param closureReason a {@code CLOSURE_REASON} code
 * @param summary the text the referrer reads
 * @param codes the GP-facing coded part, in the order sent
 * @param sentBy the user who confirmed it
 */
public record Discharge(
    UUID caseId,
    UUID referralId,
    String closureReason,
    String summary,
    List<CodedEntry> codes,
    Instant sentAt,
    UUID sentBy) {}
