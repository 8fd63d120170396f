package org.waymark.notification.internal;

import java.time.Instant;
import java.util.UUID;
import org.waymark.notification.Channel;
import org.waymark.notification.NotificationTemplate;
import org.waymark.notification.OutboxStatus;

/** A row of the outbox, with its rendered text. {@code subject} is null for text messages. */
public record OutboxMessage(
    UUID organisationId,
    UUID id,
    Channel channel,
    NotificationTemplate template,
    UUID recipientUserId,
    UUID recipientPersonId,
    String address,
    String subject,
    String body,
    OutboxStatus status,
    int attempts,
    Instant nextAttemptAt,
    Instant claimedUntil,
    String providerReference,
    String lastError) {}
