package org.waymark.referral;

/**
 * The answer to an idempotent submission.
 *
 * @param referral the referral the key stands for
 * @param created true if this call created it, false if an earlier call with the same key did
 */
public record ReferralSubmission(Referral referral, boolean created) {}
