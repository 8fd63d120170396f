package org.waymark.connection;

import java.time.Instant;

/**
 * One change of a connection's state.
 *
 * @param side who made it: the requester (link worker), the performer (the service, or the link
 *     worker on its behalf) or the system (timers)
 * @param by the name of the user who made it; null for the system
 * @param note what happened besides the state, for example 'Reminder sent to the service'
 */
public record HistoryEntry(
    ConnectionStatus status,
    StatusReason reason,
    String detail,
    String note,
    String side,
    String by,
    Instant at) {}
