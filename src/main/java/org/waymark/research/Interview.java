package org.waymark.research;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An interview with a participant for one of the study's events.
 *
 * @param analysed whether its data has been analysed (then it stays if the participant withdraws)
 */
public record Interview(
    UUID id,
    UUID participantId,
    UUID eventId,
    LocalDate heldOn,
    InterviewMode mode,
    int durationMinutes,
    UUID interviewerId,
    Recording recording,
    Transcript transcript,
    boolean analysed,
    long version) {}
