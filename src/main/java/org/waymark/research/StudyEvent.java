package org.waymark.research;

import java.util.UUID;

/**
 * A timed event of a work package that each participant goes through: on enrolment, or within a
 * window of months after another event.
 *
 * @param afterEventId the event the window counts from; null to count from enrolment
 * @param fromMonths the window opens this many months after (0 for at once)
 * @param toMonths the window closes this many months after
 */
public record StudyEvent(
    UUID id, UUID workPackageId, String name, UUID afterEventId, int fromMonths, int toMonths) {}
