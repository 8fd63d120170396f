package org.waymark.connection;

import java.time.LocalDate;

/**
 * An onward referral as a study sees it when the person consented to record linkage: the service
 * and how the referral went, with no names and nothing typed by the link worker.
 *
 * @param serviceName the name of the service in the directory
 * @param requestedOn the day it was sent (UK)
 * @param answeredOn the day the service answered; null if not yet
 * @param firstSessionOn the day of the first session; null if none recorded
 * @param statusChangedOn the day it reached its current status (UK)
 */
public record ConnectionForResearch(
    String serviceName,
    ConnectionStatus status,
    LocalDate requestedOn,
    LocalDate answeredOn,
    LocalDate firstSessionOn,
    int sessionsAttended,
    LocalDate statusChangedOn) {}
