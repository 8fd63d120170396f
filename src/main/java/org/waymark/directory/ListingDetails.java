package org.waymark.directory;

import java.util.List;

/**
 * What people edit about a listing: the ORUK service fields a listing page shows and Waymark's
 * referral fields. Null means not recorded, for every field except {@code name}, {@code phones}
 * (empty when none), {@code acceptingReferrals}, {@code referralMethod} and {@code answerDays}.
 *
 * @param description plain text, paragraphs separated by a blank line (stored as escaped HTML
 *     paragraphs)
 * @param phones the service's phone numbers, in the order given
 * @param freeOfCharge null when not known
 * @param referralEmail required when the referral method is {@link ReferralMethod#EMAIL}
 * @param referralFormUrl required when the referral method is {@link ReferralMethod#EXTERNAL_FORM}
 * @param capacity how many more people the service can take now; null when not said
 * @param answerDays working days the service takes to answer a referral, 1 to 90
 */
public record ListingDetails(
    String name,
    String description,
    String url,
    String email,
    List<String> phones,
    String fees,
    Boolean freeOfCharge,
    Integer minimumAge,
    Integer maximumAge,
    AcceptingReferrals acceptingReferrals,
    ReferralMethod referralMethod,
    String referralEmail,
    String referralFormUrl,
    Integer capacity,
    int answerDays) {

  public ListingDetails {
    phones = phones == null ? List.of() : List.copyOf(phones);
  }

  /** A signpost-only listing that takes referrals, answered within 10 days: the usual start. */
  public static ListingDetails named(String name, String description) {
    return new ListingDetails(
        name,
        description,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        AcceptingReferrals.YES,
        ReferralMethod.SIGNPOST,
        null,
        null,
        null,
        10);
  }

  /** The same details with these contact details. */
  public ListingDetails withContact(String url, String email, List<String> phones) {
    return new ListingDetails(
        name,
        description,
        url,
        email,
        phones,
        fees,
        freeOfCharge,
        minimumAge,
        maximumAge,
        acceptingReferrals,
        referralMethod,
        referralEmail,
        referralFormUrl,
        capacity,
        answerDays);
  }

  /** The same details with this way to refer, capacity and days to answer. */
  public ListingDetails withReferrals(
      AcceptingReferrals accepting,
      ReferralMethod method,
      String referralEmail,
      String referralFormUrl,
      Integer capacity,
      int answerDays) {
    return new ListingDetails(
        name,
        description,
        url,
        email,
        phones,
        fees,
        freeOfCharge,
        minimumAge,
        maximumAge,
        accepting,
        method,
        referralEmail,
        referralFormUrl,
        capacity,
        answerDays);
  }

  /** The same details with this cost and age range. */
  public ListingDetails withEligibility(
      String fees, Boolean freeOfCharge, Integer minimumAge, Integer maximumAge) {
    return new ListingDetails(
        name,
        description,
        url,
        email,
        phones,
        fees,
        freeOfCharge,
        minimumAge,
        maximumAge,
        acceptingReferrals,
        referralMethod,
        referralEmail,
        referralFormUrl,
        capacity,
        answerDays);
  }
}
