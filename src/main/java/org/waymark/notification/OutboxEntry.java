package org.waymark.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * An email or text message in the outbox as administrators see it: never its address or text.
 * {@code lastError} and {@code sentAt} may be null.
 */
public record OutboxEntry(
    UUID id,
    Channel channel,
    NotificationTemplate template,
    OutboxStatus status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant sentAt) {}
