package org.waymark.research;

import java.time.LocalDate;
import java.util.UUID;

/** An action agreed at a meeting, with its owner. */
public record MeetingAction(
    UUID id, String description, String owner, LocalDate dueOn, LocalDate doneOn) {}
