package org.waymark.directory.web;

import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.Errors;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.Listing;
import org.waymark.directory.ListingDetails;
import org.waymark.directory.ReferralMethod;

/**
 * The listing form, as typed. Numbers are kept as text so that a word typed for a number is
 * answered with a message, not a binding error; {@link #check(Errors)} reads them. The facade
 * applies every rule again on saving.
 */
public class ListingForm {

  private Long version;
  private String holderOrganisationId;

  @Size(max = 200, message = "{directory.curation.name.tooLong}")
  private String name;

  @Size(max = 5000, message = "{directory.curation.description.tooLong}")
  private String description;

  private String url;
  private String email;
  private String phones;
  private String fees;

  /** {@code true}, {@code false}, or empty for not known. */
  private String freeOfCharge;

  private String minimumAge;
  private String maximumAge;
  private String acceptingReferrals = AcceptingReferrals.YES.name();
  private String referralMethod = ReferralMethod.SIGNPOST.name();
  private String referralEmail;
  private String referralFormUrl;
  private String capacity;
  private String answerDays = "10";

  /** A form filled in from a stored listing, for editing. */
  static ListingForm of(Listing listing) {
    ListingDetails d = listing.details();
    ListingForm f = new ListingForm();
    f.version = listing.version();
    f.holderOrganisationId = listing.holderOrganisationId().toString();
    f.name = d.name();
    f.description = d.description();
    f.url = d.url();
    f.email = d.email();
    f.phones = String.join("\n", d.phones());
    f.fees = d.fees();
    f.freeOfCharge = d.freeOfCharge() == null ? "" : d.freeOfCharge().toString();
    f.minimumAge = text(d.minimumAge());
    f.maximumAge = text(d.maximumAge());
    f.acceptingReferrals = d.acceptingReferrals().name();
    f.referralMethod = d.referralMethod().name();
    f.referralEmail = d.referralEmail();
    f.referralFormUrl = d.referralFormUrl();
    f.capacity = text(d.capacity());
    f.answerDays = Integer.toString(d.answerDays());
    return f;
  }

  /** Rejects numbers that are not whole numbers; ranges are the facade's rules. */
  void check(Errors errors) {
    whole(errors, "minimumAge", minimumAge);
    whole(errors, "maximumAge", maximumAge);
    whole(errors, "capacity", capacity);
    if (answerDays == null || answerDays.isBlank()) {
      errors.rejectValue("answerDays", "directory.curation.answerDays.required");
    } else {
      whole(errors, "answerDays", answerDays);
    }
  }

  /** The details as typed; numbers that do not parse are left out (check reports them). */
  ListingDetails toDetails() {
    Integer days = number(answerDays);
    return new ListingDetails(
        name,
        description,
        url,
        email,
        phones == null ? List.of() : Arrays.asList(phones.split("\\R")),
        fees,
        freeOfCharge == null || freeOfCharge.isBlank() ? null : Boolean.valueOf(freeOfCharge),
        number(minimumAge),
        number(maximumAge),
        choice(AcceptingReferrals.class, acceptingReferrals),
        choice(ReferralMethod.class, referralMethod),
        referralEmail,
        referralFormUrl,
        number(capacity),
        days == null ? 10 : days);
  }

  /** The holder chosen, or null if none (or not an id). */
  UUID holder() {
    try {
      return holderOrganisationId == null || holderOrganisationId.isBlank()
          ? null
          : UUID.fromString(holderOrganisationId.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A radio button's value as the enum constant it names; null if none or unknown. */
  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(value))
        .findFirst()
        .orElse(null);
  }

  private static void whole(Errors errors, String field, String value) {
    if (value != null && !value.isBlank() && number(value) == null) {
      errors.rejectValue(field, "directory.curation.number.invalid");
    }
  }

  private static Integer number(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(Integer i) {
    return i == null ? null : i.toString();
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  public String getHolderOrganisationId() {
    return holderOrganisationId;
  }

  public void setHolderOrganisationId(String holderOrganisationId) {
    this.holderOrganisationId = holderOrganisationId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhones() {
    return phones;
  }

  public void setPhones(String phones) {
    this.phones = phones;
  }

  public String getFees() {
    return fees;
  }

  public void setFees(String fees) {
    this.fees = fees;
  }

  public String getFreeOfCharge() {
    return freeOfCharge;
  }

  public void setFreeOfCharge(String freeOfCharge) {
    this.freeOfCharge = freeOfCharge;
  }

  public String getMinimumAge() {
    return minimumAge;
  }

  public void setMinimumAge(String minimumAge) {
    this.minimumAge = minimumAge;
  }

  public String getMaximumAge() {
    return maximumAge;
  }

  public void setMaximumAge(String maximumAge) {
    this.maximumAge = maximumAge;
  }

  public String getAcceptingReferrals() {
    return acceptingReferrals;
  }

  public void setAcceptingReferrals(String acceptingReferrals) {
    this.acceptingReferrals = acceptingReferrals;
  }

  public String getReferralMethod() {
    return referralMethod;
  }

  public void setReferralMethod(String referralMethod) {
    this.referralMethod = referralMethod;
  }

  public String getReferralEmail() {
    return referralEmail;
  }

  public void setReferralEmail(String referralEmail) {
    this.referralEmail = referralEmail;
  }

  public String getReferralFormUrl() {
    return referralFormUrl;
  }

  public void setReferralFormUrl(String referralFormUrl) {
    this.referralFormUrl = referralFormUrl;
  }

  public String getCapacity() {
    return capacity;
  }

  public void setCapacity(String capacity) {
    this.capacity = capacity;
  }

  public String getAnswerDays() {
    return answerDays;
  }

  public void setAnswerDays(String answerDays) {
    this.answerDays = answerDays;
  }
}
