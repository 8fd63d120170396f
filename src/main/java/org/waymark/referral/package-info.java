/**
 * Referrals to the social prescribing service: intake (the referrer's form, self-referral, the JSON
 * API, CSV import), the referral's status from arrival to discharge, duplicate warnings, the
 * referrer's view of their referrals and the discharge summary sent back to them. Triage decisions
 * are made through {@link org.waymark.referral.Referrals} by the casework module.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "identity", "audit", "person", "codelist", "directory"})
package org.waymark.referral;
