package org.waymark.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Published when a service (or the link worker for it) records a person's attendance. */
public record AttendanceRecorded(
    UUID connectionId,
    UUID organisationId,
    UUID personId,
    UUID serviceId,
    LocalDate firstSessionOn,
    int sessionsAttended,
    Instant at) {}
