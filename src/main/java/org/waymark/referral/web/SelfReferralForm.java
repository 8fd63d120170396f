package org.waymark.referral.web;

import static org.waymark.referral.web.ReferralForm.blank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.validation.Errors;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.ContactMethod;
import org.waymark.referral.NewReferral;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;
import org.waymark.shared.web.DateInput;

/**
 * The public self-referral form, as typed. {@code website} is the honeypot: people never see it,
 * form-filling robots fill it in.
 */
public class SelfReferralForm {

  /** The practice choice for "I don't know my GP practice". */
  static final String PRACTICE_NOT_KNOWN = "";

  static final List<String> FIELD_ORDER =
      List.of(
          "givenName",
          "familyName",
          "dateOfBirth",
          "nhsNumber",
          "addressLine1",
          "addressLine2",
          "town",
          "postcode",
          "registeredPracticeId",
          "phone",
          "mobile",
          "email",
          "needs",
          "reason",
          "preferredContactMethod",
          "preferredContactTimes",
          "consentToContact",
          "consentToShare");

  private String givenName;
  private String familyName;
  private String dateOfBirthDay;
  private String dateOfBirthMonth;
  private String dateOfBirthYear;
  private String nhsNumber;
  private String addressLine1;
  private String addressLine2;
  private String town;
  private String postcode;
  private String registeredPracticeId;
  private String phone;
  private String mobile;
  private String email;
  private List<String> needs = new ArrayList<>();
  private String reason;
  private String preferredContactMethod;
  private String preferredContactTimes;
  private String consentToContact;
  private String consentToShare;
  private String website;

  /** A robot filled in the field people cannot see. */
  boolean caughtByHoneypot() {
    return !blank(website);
  }

  boolean practiceNotKnown() {
    return blank(registeredPracticeId);
  }

  /**
   * The reports the form itself can make; the module's rules follow.
   *
   * @param key the message key to show for a module's key, for the form's own wording
   */
  void check(Errors errors, UnaryOperator<String> key) {
    String birth = new DateInput(dateOfBirthDay, dateOfBirthMonth, dateOfBirthYear).problem();
    if (birth != null) {
      errors.rejectValue("dateOfBirth", key.apply("person.dateOfBirth." + birth));
    }
    if (!practiceNotKnown() && practiceId() == null) {
      errors.rejectValue("registeredPracticeId", key.apply("person.registeredPractice.invalid"));
    }
    if (practiceNotKnown() && blank(postcode)) {
      errors.rejectValue("postcode", "referral.self.postcode.requiredWithoutPractice");
    }
    if (!blank(preferredContactMethod)
        && ReferralForm.parse(ContactMethod.class, preferredContactMethod) == null) {
      errors.rejectValue("preferredContactMethod", "referral.form.preferredContactMethod.invalid");
    }
  }

  /** The self-referral as the module takes it: routine, the person's sex not asked. */
  NewReferral toNewReferral() {
    PersonDetails person =
        PersonDetails.builder()
            .nhsNumber(nhsNumber)
            .name(givenName, familyName)
            .dateOfBirth(getDateOfBirth())
            .sex(Sex.NOT_KNOWN)
            .address(addressLine1, addressLine2, town, postcode)
            .phone(phone, false)
            .mobile(mobile, false)
            .email(email, false)
            .registeredPracticeId(practiceId())
            .build();
    return new NewReferral(
        person,
        "SELF",
        needs == null ? List.of() : needs,
        reason,
        "true".equals(consentToShare),
        "true".equals(consentToContact),
        Urgency.ROUTINE,
        ReferralForm.parse(ContactMethod.class, preferredContactMethod),
        preferredContactTimes,
        null,
        ReferrerDetails.none(),
        null);
  }

  public LocalDate getDateOfBirth() {
    return new DateInput(dateOfBirthDay, dateOfBirthMonth, dateOfBirthYear).toDate();
  }

  UUID practiceId() {
    return ReferralForm.uuid(registeredPracticeId);
  }

  public String getGivenName() {
    return givenName;
  }

  public void setGivenName(String givenName) {
    this.givenName = givenName;
  }

  public String getFamilyName() {
    return familyName;
  }

  public void setFamilyName(String familyName) {
    this.familyName = familyName;
  }

  public String getDateOfBirthDay() {
    return dateOfBirthDay;
  }

  public void setDateOfBirthDay(String dateOfBirthDay) {
    this.dateOfBirthDay = dateOfBirthDay;
  }

  public String getDateOfBirthMonth() {
    return dateOfBirthMonth;
  }

  public void setDateOfBirthMonth(String dateOfBirthMonth) {
    this.dateOfBirthMonth = dateOfBirthMonth;
  }

  public String getDateOfBirthYear() {
    return dateOfBirthYear;
  }

  public void setDateOfBirthYear(String dateOfBirthYear) {
    this.dateOfBirthYear = dateOfBirthYear;
  }

  public String getNhsNumber() {
    return nhsNumber;
  }

  public void setNhsNumber(String nhsNumber) {
    this.nhsNumber = nhsNumber;
  }

  public String getAddressLine1() {
    return addressLine1;
  }

  public void setAddressLine1(String addressLine1) {
    this.addressLine1 = addressLine1;
  }

  public String getAddressLine2() {
    return addressLine2;
  }

  public void setAddressLine2(String addressLine2) {
    this.addressLine2 = addressLine2;
  }

  public String getTown() {
    return town;
  }

  public void setTown(String town) {
    this.town = town;
  }

  public String getPostcode() {
    return postcode;
  }

  public void setPostcode(String postcode) {
    this.postcode = postcode;
  }

  public String getRegisteredPracticeId() {
    return registeredPracticeId;
  }

  public void setRegisteredPracticeId(String registeredPracticeId) {
    this.registeredPracticeId = registeredPracticeId;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getMobile() {
    return mobile;
  }

  public void setMobile(String mobile) {
    this.mobile = mobile;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public List<String> getNeeds() {
    return needs;
  }

  public void setNeeds(List<String> needs) {
    this.needs = needs;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getPreferredContactMethod() {
    return preferredContactMethod;
  }

  public void setPreferredContactMethod(String preferredContactMethod) {
    this.preferredContactMethod = preferredContactMethod;
  }

  public String getPreferredContactTimes() {
    return preferredContactTimes;
  }

  public void setPreferredContactTimes(String preferredContactTimes) {
    this.preferredContactTimes = preferredContactTimes;
  }

  public String getConsentToContact() {
    return consentToContact;
  }

  public void setConsentToContact(String consentToContact) {
    this.consentToContact = consentToContact;
  }

  public String getConsentToShare() {
    return consentToShare;
  }

  public void setConsentToShare(String consentToShare) {
    this.consentToShare = consentToShare;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }
}
