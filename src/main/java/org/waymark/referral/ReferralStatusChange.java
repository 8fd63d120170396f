package org.waymark.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a referral's history.
 *
 * @param from null for the arrival
 * @param changedBy the user; null for a self-referral or the system
 * @param note the decline reason or the question asked, else null
 */
public record ReferralStatusChange(
    ReferralStatus from, ReferralStatus to, Instant at, UUID changedBy, String note) {}
