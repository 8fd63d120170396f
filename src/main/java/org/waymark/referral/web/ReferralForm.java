package org.waymark.referral.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.Errors;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.ContactMethod;
import org.waymark.referral.NewReferral;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;
import org.waymark.shared.web.DateInput;

/**
 * The referrer's form, as typed. Every field is text, so nothing typed can fail to bind: {@link
 * #check(Errors)} reports what the form itself can see (a date's parts, a choice that is not on the
 * list) and the referral module checks the rest.
 */
public class ReferralForm {

  /** Fields in page order, so the error summary lists problems in the order they appear. */
  static final List<String> FIELD_ORDER =
      List.of(
          "nhsNumber",
          "givenName",
          "familyName",
          "dateOfBirth",
          "sex",
          "addressLine1",
          "addressLine2",
          "town",
          "postcode",
          "phone",
          "mobile",
          "email",
          "registeredPracticeId",
          "needs",
          "reason",
          "source",
          "urgency",
          "safeguardingConcerns",
          "consentToShare",
          "consentToContact",
          "preferredContactMethod",
          "preferredContactTimes",
          "referrerName",
          "referrerJobTitle",
          "referrerOrganisation",
          "referrerPhone",
          "referrerEmail");

  private String nhsNumber;
  private String givenName;
  private String familyName;
  private String dateOfBirthDay;
  private String dateOfBirthMonth;
  private String dateOfBirthYear;
  private String sex;
  private String addressLine1;
  private String addressLine2;
  private String town;
  private String postcode;
  private String phone;
  private String mobile;
  private String email;
  private String registeredPracticeId;
  private List<String> needs = new ArrayList<>();
  private String reason;
  private String source;
  private String urgency;
  private String safeguardingConcerns;
  private String consentToShare;
  private String consentToContact;
  private String preferredContactMethod;
  private String preferredContactTimes;
  private String referrerName;
  private String referrerJobTitle;
  private String referrerOrganisation;
  private String referrerPhone;
  private String referrerEmail;

  /** The reports the form itself can make; the module's rules follow. */
  void check(Errors errors) {
    String birth = birth().problem();
    if (birth != null) {
      errors.rejectValue("dateOfBirth", "person.dateOfBirth." + birth);
    }
    if (!blank(sex) && sexValue() == null) {
      errors.rejectValue("sex", "referral.form.sex.invalid");
    }
    if (!blank(registeredPracticeId) && practiceId() == null) {
      errors.rejectValue("registeredPracticeId", "person.registeredPractice.invalid");
    }
    if (!blank(urgency) && urgencyValue() == null) {
      errors.rejectValue("urgency", "referral.urgency.required");
    }
    if (!blank(preferredContactMethod) && contactMethodValue() == null) {
      errors.rejectValue("preferredContactMethod", "referral.form.preferredContactMethod.invalid");
    }
  }

  /** The referral as the module takes it; choices that are not on the list are left out. */
  NewReferral toNewReferral() {
    PersonDetails person =
        PersonDetails.builder()
            .nhsNumber(nhsNumber)
            .name(givenName, familyName)
            .dateOfBirth(getDateOfBirth())
            .sex(blank(sex) ? Sex.NOT_KNOWN : sexValue())
            .address(addressLine1, addressLine2, town, postcode)
            .phone(phone, false)
            .mobile(mobile, false)
            .email(email, false)
            .registeredPracticeId(practiceId())
            .build();
    return new NewReferral(
        person,
        source,
        needs == null ? List.of() : needs,
        reason,
        "true".equals(consentToShare),
        "true".equals(consentToContact),
        urgencyValue(),
        contactMethodValue(),
        preferredContactTimes,
        safeguardingConcerns,
        new ReferrerDetails(
            referrerName, referrerJobTitle, referrerOrganisation, referrerPhone, referrerEmail),
        null);
  }

  private DateInput birth() {
    return new DateInput(dateOfBirthDay, dateOfBirthMonth, dateOfBirthYear);
  }

  /** For error reporting against the date input as a whole. */
  public LocalDate getDateOfBirth() {
    return birth().toDate();
  }

  private Sex sexValue() {
    return parse(Sex.class, sex);
  }

  private Urgency urgencyValue() {
    return parse(Urgency.class, urgency);
  }

  private ContactMethod contactMethodValue() {
    return parse(ContactMethod.class, preferredContactMethod);
  }

  UUID practiceId() {
    return uuid(registeredPracticeId);
  }

  static UUID uuid(String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static <E extends Enum<E>> E parse(Class<E> type, String text) {
    if (blank(text)) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text.strip())) {
        return e;
      }
    }
    return null;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public String getNhsNumber() {
    return nhsNumber;
  }

  public void setNhsNumber(String nhsNumber) {
    this.nhsNumber = nhsNumber;
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

  public String getSex() {
    return sex;
  }

  public void setSex(String sex) {
    this.sex = sex;
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

  public String getRegisteredPracticeId() {
    return registeredPracticeId;
  }

  public void setRegisteredPracticeId(String registeredPracticeId) {
    this.registeredPracticeId = registeredPracticeId;
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

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getUrgency() {
    return urgency;
  }

  public void setUrgency(String urgency) {
    this.urgency = urgency;
  }

  public String getSafeguardingConcerns() {
    return safeguardingConcerns;
  }

  public void setSafeguardingConcerns(String safeguardingConcerns) {
    this.safeguardingConcerns = safeguardingConcerns;
  }

  public String getConsentToShare() {
    return consentToShare;
  }

  public void setConsentToShare(String consentToShare) {
    this.consentToShare = consentToShare;
  }

  public String getConsentToContact() {
    return consentToContact;
  }

  public void setConsentToContact(String consentToContact) {
    this.consentToContact = consentToContact;
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

  public String getReferrerName() {
    return referrerName;
  }

  public void setReferrerName(String referrerName) {
    this.referrerName = referrerName;
  }

  public String getReferrerJobTitle() {
    return referrerJobTitle;
  }

  public void setReferrerJobTitle(String referrerJobTitle) {
    this.referrerJobTitle = referrerJobTitle;
  }

  public String getReferrerOrganisation() {
    return referrerOrganisation;
  }

  public void setReferrerOrganisation(String referrerOrganisation) {
    this.referrerOrganisation = referrerOrganisation;
  }

  public String getReferrerPhone() {
    return referrerPhone;
  }

  public void setReferrerPhone(String referrerPhone) {
    this.referrerPhone = referrerPhone;
  }

  public String getReferrerEmail() {
    return referrerEmail;
  }

  public void setReferrerEmail(String referrerEmail) {
    this.referrerEmail = referrerEmail;
  }
}
