package org.waymark.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.waymark.person.PersonDetails;

/**
 * A referral as submitted, before validation.
 *
 * @param person the person referred: NHS number (optional), names, date of birth, contact details,
 *     postcode, registered practice; sex may be {@code NOT_KNOWN}
 * @param source a code of the {@code REFERRAL_SOURCE} code list
 * @param needs codes of the {@code NEED} code list, at least one
 * @param reason in the referrer's words
 * @param consentToShare the person agreed to the referral and to their details being shared with
 *     the service; required
 * @param consentToContact the person agreed to be contacted by the service
 * @param preferredContactMethod may be null
 * @param preferredContactTimes free text, for example "weekday mornings"; may be null
 * @param safeguardingConcerns anything the service must know to keep the person or staff safe; may
 *     be null
 * @param receivingOrganisationId the PCN that should receive it; null to decide from the referrer's
 *     organisation, the registered practice or the postcode
 */
public record NewReferral(
    PersonDetails person,
    String source,
    List<String> needs,
    String reason,
    boolean consentToShare,
    boolean consentToContact,
    Urgency urgency,
    ContactMethod preferredContactMethod,
    String preferredContactTimes,
    String safeguardingConcerns,
    ReferrerDetails referrer,
    UUID receivingOrganisationId,
    LocalDate receivedOn) {

  /** A referral received now. */
  public NewReferral(
      PersonDetails person,
      String source,
      List<String> needs,
      String reason,
      boolean consentToShare,
      boolean consentToContact,
      Urgency urgency,
      ContactMethod preferredContactMethod,
      String preferredContactTimes,
      String safeguardingConcerns,
      ReferrerDetails referrer,
      UUID receivingOrganisationId) {
    this(
        person,
        source,
        needs,
        reason,
        consentToShare,
        consentToContact,
        urgency,
        preferredContactMethod,
        preferredContactTimes,
        safeguardingConcerns,
        referrer,
        receivingOrganisationId,
        null);
  }
}
