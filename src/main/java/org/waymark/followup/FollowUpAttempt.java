package org.waymark.followup;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded attempt at a follow-up, with what was said.
 *
 * @param recordedBy the user who recorded it
 */
public record FollowUpAttempt(
    UUID id, UUID followUpId, FollowUpAnswers answers, UUID recordedBy, Instant recordedAt) {}
