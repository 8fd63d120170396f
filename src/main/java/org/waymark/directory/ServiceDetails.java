package org.waymark.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.waymark.shared.NeedDomain;

/**
 * Everything a link worker needs to know about a service before connecting someone to it. Texts are
 * as held (plain text), except {@code descriptionHtml}, which is already reduced to a safe subset
 * of HTML. Any field may be null or empty when the listing does not say.
 *
 * @param status the ORUK status: 'active', 'inactive', 'defunct' or 'temporarily closed'
 * @param alert a notice the holder wants read first (for example a temporary change)
 * @param verifiedRecently whether it was verified within the last 12 months
 * @param openingTimes each schedule in plain English, for example 'Tuesdays 10:00 to 12:00, from 1
 *     April to 30 September'
 */
public record ServiceDetails(
    UUID id,
    UUID organisationId,
    String name,
    String descriptionHtml,
    String url,
    String email,
    String status,
    String alert,
    String fees,
    Boolean freeOfCharge,
    List<String> costs,
    Integer minimumAge,
    Integer maximumAge,
    List<String> languages,
    List<String> serviceAreas,
    List<String> requiredDocuments,
    AcceptingReferrals acceptingReferrals,
    ReferralMethod referralMethod,
    String referralEmail,
    String referralFormUrl,
    Integer capacity,
    int answerDays,
    Instant lastVerifiedAt,
    String lastVerifiedBy,
    boolean verifiedRecently,
    Organization organization,
    List<Contact> contacts,
    List<Phone> phones,
    List<Location> locations,
    List<String> openingTimes,
    List<Need> needs,
    List<Term> taxonomyTerms) {

  /** The organisation that runs the service. */
  public record Organization(UUID id, String name, String website, String email) {}

  /** A named contact of the service, with their phones. */
  public record Contact(String name, String title, String email, List<Phone> phones) {}

  /** A phone number with what it is for (may be null). */
  public record Phone(String number, String description) {}

  /**
   * A place the service is offered at.
   *
   * @param id the place's id in the directory (see {@link DirectorySearch#location})
   * @param type 'physical', 'postal' or 'virtual'
   * @param address the address lines, in order, without the postcode
   * @param accessibility what the place offers or lacks for access, each as written by the holder
   */
  public record Location(
      UUID id,
      String name,
      String type,
      String description,
      List<String> address,
      String postcode,
      List<String> accessibility) {}

  /** A need domain the service meets, confirmed by a curator or only suggested (with why). */
  public record Need(NeedDomain domain, boolean confirmed, String reason) {}

  /** A taxonomy term applied to the service. */
  public record Term(UUID id, String name, String taxonomy) {}

  /** The age limits in words: 'All ages', '18 and over', 'Up to 25' or '16 to 25'. */
  public String ages() {
    return AgeRange.describe(
        minimumAge, maximumAge, "All ages", "%d and over", "Up to %d", "%d to %d");
  }

  public boolean temporarilyClosed() {
    return "temporarily closed".equals(status);
  }
}
