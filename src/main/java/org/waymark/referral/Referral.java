package org.waymark.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.waymark.person.PersonDetails;

/**
 * A stored referral.
 *
 * @param organisationId the PCN that received it (the tenant)
 * @param reference the short reference given to the referrer and the person, for example {@code
 *     WM-4KX7-2QPA}
 * @param personId the person record it is about (see {@link
 *     org.waymark.person.PersonManagement#recordForReferral})
 * @param personAsReferred the person's details exactly as the referral gave them
 * @param matchedByNhsNumber the person record already existed with the same NHS number
 * @param referrerUserId the account that referred; null for a self-referral
 * @param referrerOrganisationId the organisation that account acted for; null for a self-referral
 * @param declineReason set when declined
 * @param signposting set when declined: where the person was pointed instead
 * @param informationRequest set when more information was asked for
 * @param dischargeSummary set when closed: the summary sent back to the referrer
 */
public record Referral(
    UUID id,
    UUID organisationId,
    String reference,
    UUID personId,
    PersonDetails personAsReferred,
    boolean matchedByNhsNumber,
    Channel channel,
    String source,
    List<String> needs,
    String reason,
    boolean consentToShare,
    boolean consentToContact,
    Urgency urgency,
    ContactMethod preferredContactMethod,
    String preferredContactTimes,
    String safeguardingConcerns,
    UUID referrerUserId,
    UUID referrerOrganisationId,
    ReferrerDetails referrer,
    ReferralStatus status,
    Instant receivedAt,
    Instant statusChangedAt,
    String declineReason,
    String signposting,
    String informationRequest,
    String dischargeSummary,
    Instant dischargedAt,
    long version) {

  /** The referred person's given and family name. */
  public String personName() {
    return personAsReferred.givenName() + " " + personAsReferred.familyName();
  }
}
