package org.waymark.person.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.validation.Errors;
import org.waymark.person.Ethnicity;
import org.waymark.person.GenderSameAsSex;
import org.waymark.person.Person;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.shared.web.DateInput;

/**
 * The person form, as typed. Bean Validation covers single fields; {@link #check(Errors)} the parts
 * of dates and the fields that depend on each other. The facade applies every rule again on saving.
 */
public class PersonForm {

  private Long version;

  @Size(max = 20, message = "{person.nhsNumber.invalid}")
  private String nhsNumber;

  @NotBlank(message = "{person.givenName.required}")
  @Size(max = 100, message = "{person.givenName.tooLong}")
  private String givenName;

  @NotBlank(message = "{person.familyName.required}")
  @Size(max = 100, message = "{person.familyName.tooLong}")
  private String familyName;

  @Size(max = 100, message = "{person.otherNames.tooLong}")
  private String otherNames;

  @Size(max = 100, message = "{person.preferredName.tooLong}")
  private String preferredName;

  private String dateOfBirthDay;
  private String dateOfBirthMonth;
  private String dateOfBirthYear;

  @NotNull(message = "{person.sex.required}")
  private Sex sex;

  private GenderSameAsSex genderSameAsSex;

  @Size(max = 100, message = "{person.genderIdentity.tooLong}")
  private String genderIdentity;

  private Ethnicity ethnicity;

  @Size(max = 60, message = "{person.preferredLanguage.tooLong}")
  private String preferredLanguage;

  private boolean interpreterNeeded;

  @Size(max = 100, message = "{person.addressLine1.tooLong}")
  private String addressLine1;

  @Size(max = 100, message = "{person.addressLine2.tooLong}")
  private String addressLine2;

  @Size(max = 60, message = "{person.town.tooLong}")
  private String town;

  @Size(max = 10, message = "{person.postcode.invalid}")
  private String postcode;

  @Size(max = 20, message = "{person.phone.invalid}")
  private String phone;

  private boolean phoneConsent;

  @Size(max = 20, message = "{person.mobile.invalid}")
  private String mobile;

  private boolean smsConsent;

  @Size(max = 254, message = "{person.email.invalid}")
  private String email;

  private boolean emailConsent;

  private String registeredPracticeId;

  private boolean deceased;

  private String dateOfDeathDay;
  private String dateOfDeathMonth;
  private String dateOfDeathYear;

  /** A form filled in from a stored record, for editing. */
  static PersonForm of(Person person) {
    PersonDetails d = person.details();
    PersonForm f = new PersonForm();
    f.version = person.version();
    f.nhsNumber = person.nhsNumberFormatted();
    f.givenName = d.givenName();
    f.familyName = d.familyName();
    f.otherNames = d.otherNames();
    f.preferredName = d.preferredName();
    DateInput birth = DateInput.of(d.dateOfBirth());
    f.dateOfBirthDay = birth.day();
    f.dateOfBirthMonth = birth.month();
    f.dateOfBirthYear = birth.year();
    f.sex = d.sex();
    f.genderSameAsSex = d.genderSameAsSex();
    f.genderIdentity = d.genderIdentity();
    f.ethnicity = d.ethnicity();
    f.preferredLanguage = d.preferredLanguage();
    f.interpreterNeeded = d.interpreterNeeded();
    f.addressLine1 = d.addressLine1();
    f.addressLine2 = d.addressLine2();
    f.town = d.town();
    f.postcode = d.postcode();
    f.phone = d.phone();
    f.phoneConsent = d.phoneConsent();
    f.mobile = d.mobile();
    f.smsConsent = d.smsConsent();
    f.email = d.email();
    f.emailConsent = d.emailConsent();
    f.registeredPracticeId =
        d.registeredPracticeId() == null ? "" : d.registeredPracticeId().toString();
    f.deceased = d.deceased();
    DateInput death = DateInput.of(d.dateOfDeath());
    f.dateOfDeathDay = death.day();
    f.dateOfDeathMonth = death.month();
    f.dateOfDeathYear = death.year();
    return f;
  }

  /**
   * The checks that span fields: each date's parts, and consent to contact by a route with no
   * number or address. Adds field errors with message keys.
   */
  void check(Errors errors) {
    String birth = birthParts().problem();
    if (birth != null) {
      errors.rejectValue("dateOfBirth", "person.dateOfBirth." + birth);
    }
    // A date of death is optional, and only read when the person is marked as deceased.
    if (deceased && !deathParts().isBlank()) {
      String death = deathParts().problem();
      if (death != null) {
        errors.rejectValue("dateOfDeath", "person.dateOfDeath." + death);
      }
    }
    if (registeredPracticeId != null && !registeredPracticeId.isBlank() && practiceId() == null) {
      errors.rejectValue("registeredPracticeId", "person.registeredPractice.invalid");
    }
    if (phoneConsent && blank(phone)) {
      errors.rejectValue("phoneConsent", "person.phoneConsent.withoutPhone");
    }
    if (smsConsent && blank(mobile)) {
      errors.rejectValue("smsConsent", "person.smsConsent.withoutMobile");
    }
    if (emailConsent && blank(email)) {
      errors.rejectValue("emailConsent", "person.emailConsent.withoutEmail");
    }
  }

  /**
   * The details to save. Text hidden behind an answer that no longer applies (a gender identity
   * with another answer than "No", a date of death for someone not marked deceased) is dropped, as
   * the person filling in the form no longer sees it.
   */
  PersonDetails toDetails() {
    return new PersonDetails(
        nhsNumber,
        givenName,
        familyName,
        otherNames,
        preferredName,
        getDateOfBirth(),
        sex,
        genderSameAsSex,
        genderSameAsSex == GenderSameAsSex.NO ? genderIdentity : null,
        ethnicity,
        preferredLanguage,
        interpreterNeeded,
        addressLine1,
        addressLine2,
        town,
        postcode,
        phone,
        phoneConsent,
        mobile,
        smsConsent,
        email,
        emailConsent,
        practiceId(),
        deceased,
        deceased ? getDateOfDeath() : null);
  }

  private DateInput birthParts() {
    return new DateInput(dateOfBirthDay, dateOfBirthMonth, dateOfBirthYear);
  }

  private DateInput deathParts() {
    return new DateInput(dateOfDeathDay, dateOfDeathMonth, dateOfDeathYear);
  }

  private UUID practiceId() {
    if (blank(registeredPracticeId)) {
      return null;
    }
    try {
      return UUID.fromString(registeredPracticeId.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** The date of birth the three parts make, or null; errors are reported against this name. */
  public LocalDate getDateOfBirth() {
    return birthParts().toDate();
  }

  /** The date of death the three parts make, or null; errors are reported against this name. */
  public LocalDate getDateOfDeath() {
    return deathParts().toDate();
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
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

  public String getOtherNames() {
    return otherNames;
  }

  public void setOtherNames(String otherNames) {
    this.otherNames = otherNames;
  }

  public String getPreferredName() {
    return preferredName;
  }

  public void setPreferredName(String preferredName) {
    this.preferredName = preferredName;
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

  public Sex getSex() {
    return sex;
  }

  public void setSex(Sex sex) {
    this.sex = sex;
  }

  public GenderSameAsSex getGenderSameAsSex() {
    return genderSameAsSex;
  }

  public void setGenderSameAsSex(GenderSameAsSex genderSameAsSex) {
    this.genderSameAsSex = genderSameAsSex;
  }

  public String getGenderIdentity() {
    return genderIdentity;
  }

  public void setGenderIdentity(String genderIdentity) {
    this.genderIdentity = genderIdentity;
  }

  public Ethnicity getEthnicity() {
    return ethnicity;
  }

  public void setEthnicity(Ethnicity ethnicity) {
    this.ethnicity = ethnicity;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  public void setPreferredLanguage(String preferredLanguage) {
    this.preferredLanguage = preferredLanguage;
  }

  public boolean isInterpreterNeeded() {
    return interpreterNeeded;
  }

  public void setInterpreterNeeded(boolean interpreterNeeded) {
    this.interpreterNeeded = interpreterNeeded;
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

  public boolean isPhoneConsent() {
    return phoneConsent;
  }

  public void setPhoneConsent(boolean phoneConsent) {
    this.phoneConsent = phoneConsent;
  }

  public String getMobile() {
    return mobile;
  }

  public void setMobile(String mobile) {
    this.mobile = mobile;
  }

  public boolean isSmsConsent() {
    return smsConsent;
  }

  public void setSmsConsent(boolean smsConsent) {
    this.smsConsent = smsConsent;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isEmailConsent() {
    return emailConsent;
  }

  public void setEmailConsent(boolean emailConsent) {
    this.emailConsent = emailConsent;
  }

  public String getRegisteredPracticeId() {
    return registeredPracticeId;
  }

  public void setRegisteredPracticeId(String registeredPracticeId) {
    this.registeredPracticeId = registeredPracticeId;
  }

  public boolean isDeceased() {
    return deceased;
  }

  public void setDeceased(boolean deceased) {
    this.deceased = deceased;
  }

  public String getDateOfDeathDay() {
    return dateOfDeathDay;
  }

  public void setDateOfDeathDay(String dateOfDeathDay) {
    this.dateOfDeathDay = dateOfDeathDay;
  }

  public String getDateOfDeathMonth() {
    return dateOfDeathMonth;
  }

  public void setDateOfDeathMonth(String dateOfDeathMonth) {
    this.dateOfDeathMonth = dateOfDeathMonth;
  }

  public String getDateOfDeathYear() {
    return dateOfDeathYear;
  }

  public void setDateOfDeathYear(String dateOfDeathYear) {
    this.dateOfDeathYear = dateOfDeathYear;
  }
}
