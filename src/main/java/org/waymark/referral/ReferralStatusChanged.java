package org.waymark.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * Published in the transaction of every status change, arrival included ({@code from} null), for
 * other modules to listen to (casework, notifications, reporting).
 *
 * @param changedBy the user who made the change; null for a self-referral or the system
 * @param note the reason for a decline or the question asked, else null
 */
public record ReferralStatusChanged(
    UUID referralId,
    UUID organisationId,
    UUID personId,
    ReferralStatus from,
    ReferralStatus to,
    Instant at,
    UUID changedBy,
    String note) {}
