package org.waymark.connection;

/**
 * A change of state asked for by a link worker or a service.
 *
 * @param to the new state
 * @param reason required for rejected, cancelled, on hold and failed; must apply to that state
 * @param detail the reason in words (required with {@link StatusReason#OTHER}); may be null
 * @param outcome what was done, for completed; may be null
 */
public record ConnectionChange(
    ConnectionStatus to, StatusReason reason, String detail, String outcome) {}
