package org.waymark.referral.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.ContactMethod;
import org.waymark.shared.web.DateInput;

/**
 * What the referrer's form and the public self-referral form both ask, as typed: the person, their
 * needs and how they would like to be contacted. Every field is text, so nothing typed can fail to
 * bind.
 */
public abstract class ReferredPersonFields {

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

  /** The person as the referral module takes them. */
  PersonDetails person(Sex sex) {
    return PersonDetails.builder()
        .nhsNumber(nhsNumber)
        .name(givenName, familyName)
        .dateOfBirth(getDateOfBirth())
        .sex(sex)
        .address(addressLine1, addressLine2, town, postcode)
        .phone(phone, false)
        .mobile(mobile, false)
        .email(email, false)
        .registeredPracticeId(practiceId())
        .build();
  }

  /** The needs chosen, never null. */
  List<String> chosenNeeds() {
    return needs == null ? List.of() : needs;
  }

  boolean consentsToShare() {
    return "true".equals(consentToShare);
  }

  boolean consentsToContact() {
    return "true".equals(consentToContact);
  }

  DateInput birth() {
    return new DateInput(dateOfBirthDay, dateOfBirthMonth, dateOfBirthYear);
  }

  /** The date of birth the parts make, or null; errors are reported against this name. */
  public LocalDate getDateOfBirth() {
    return birth().toDate();
  }

  UUID practiceId() {
    return uuid(registeredPracticeId);
  }

  ContactMethod contactMethodValue() {
    return parse(ContactMethod.class, preferredContactMethod);
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
}
