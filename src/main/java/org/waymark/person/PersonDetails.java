package org.waymark.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * What is recorded about a person, as entered or as stored. Only {@code givenName}, {@code
 * familyName}, {@code dateOfBirth} and {@code sex} are required; every other field may be null (or
 * false). Given to {@link PersonManagement}, text is taken as typed (a name keeps its exact
 * characters); the stored record has blank text as null, the NHS number as ten digits and the
 * postcode in its normal form.
 *
 * @param nhsNumber the NHS number, spaces allowed on the way in; null if the person has none or it
 *     is not known
 * @param genderIdentity the gender the person identifies with, in their words; only with {@link
 *     GenderSameAsSex#NO}
 * @param ethnicity null when not yet asked
 * @param preferredLanguage free text, for example "Polish" or "British Sign Language"
 * @param phoneConsent the person agrees to be phoned on {@code phone}
 * @param smsConsent the person agrees to be sent text messages on {@code mobile}
 * @param emailConsent the person agrees to be emailed at {@code email}
 * @param registeredPracticeId the GP practice (an organisation) the person is registered with
 * @param dateOfDeath only when {@code deceased}, and then optional
 */
public record PersonDetails(
    String nhsNumber,
    String givenName,
    String familyName,
    String otherNames,
    String preferredName,
    LocalDate dateOfBirth,
    Sex sex,
    GenderSameAsSex genderSameAsSex,
    String genderIdentity,
    Ethnicity ethnicity,
    String preferredLanguage,
    boolean interpreterNeeded,
    String addressLine1,
    String addressLine2,
    String town,
    String postcode,
    String phone,
    boolean phoneConsent,
    String mobile,
    boolean smsConsent,
    String email,
    boolean emailConsent,
    UUID registeredPracticeId,
    boolean deceased,
    LocalDate dateOfDeath) {

  /** Each field's name (as validation problems name it) and how to read it. */
  private static final List<Field> FIELDS =
      List.of(
          new Field("nhsNumber", PersonDetails::nhsNumber),
          new Field("givenName", PersonDetails::givenName),
          new Field("familyName", PersonDetails::familyName),
          new Field("otherNames", PersonDetails::otherNames),
          new Field("preferredName", PersonDetails::preferredName),
          new Field("dateOfBirth", PersonDetails::dateOfBirth),
          new Field("sex", PersonDetails::sex),
          new Field("genderSameAsSex", PersonDetails::genderSameAsSex),
          new Field("genderIdentity", PersonDetails::genderIdentity),
          new Field("ethnicity", PersonDetails::ethnicity),
          new Field("preferredLanguage", PersonDetails::preferredLanguage),
          new Field("interpreterNeeded", PersonDetails::interpreterNeeded),
          new Field("addressLine1", PersonDetails::addressLine1),
          new Field("addressLine2", PersonDetails::addressLine2),
          new Field("town", PersonDetails::town),
          new Field("postcode", PersonDetails::postcode),
          new Field("phone", PersonDetails::phone),
          new Field("phoneConsent", PersonDetails::phoneConsent),
          new Field("mobile", PersonDetails::mobile),
          new Field("smsConsent", PersonDetails::smsConsent),
          new Field("email", PersonDetails::email),
          new Field("emailConsent", PersonDetails::emailConsent),
          new Field("registeredPracticeId", PersonDetails::registeredPracticeId),
          new Field("deceased", PersonDetails::deceased),
          new Field("dateOfDeath", PersonDetails::dateOfDeath));

  private record Field(String name, Function<PersonDetails, Object> value) {}

  /** The names of the fields whose values differ from {@code other}'s, in form order. */
  public List<String> fieldsDifferentFrom(PersonDetails other) {
    List<String> changed = new ArrayList<>();
    for (Field f : FIELDS) {
      if (!Objects.equals(f.value().apply(this), f.value().apply(other))) {
        changed.add(f.name());
      }
    }
    return changed;
  }

  /** A builder, for callers that set a few fields (demo data, tests, imports). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PersonDetails}; unset fields are null or false. */
  public static final class Builder {
    private String nhsNumber;
    private String givenName;
    private String familyName;
    private String otherNames;
    private String preferredName;
    private LocalDate dateOfBirth;
    private Sex sex;
    private GenderSameAsSex genderSameAsSex;
    private String genderIdentity;
    private Ethnicity ethnicity;
    private String preferredLanguage;
    private boolean interpreterNeeded;
    private String addressLine1;
    private String addressLine2;
    private String town;
    private String postcode;
    private String phone;
    private boolean phoneConsent;
    private String mobile;
    private boolean smsConsent;
    private String email;
    private boolean emailConsent;
    private UUID registeredPracticeId;
    private boolean deceased;
    private LocalDate dateOfDeath;

    private Builder() {}

    /** The NHS number as written; spaces allowed. */
    public Builder nhsNumber(String v) {
      nhsNumber = v;
      return this;
    }

    /** Given and family name, both required. */
    public Builder name(String given, String family) {
      givenName = given;
      familyName = family;
      return this;
    }

    public Builder otherNames(String v) {
      otherNames = v;
      return this;
    }

    public Builder preferredName(String v) {
      preferredName = v;
      return this;
    }

    public Builder dateOfBirth(LocalDate v) {
      dateOfBirth = v;
      return this;
    }

    public Builder sex(Sex v) {
      sex = v;
      return this;
    }

    /** The answer on gender identity, and the identity in the person's words (only with "No"). */
    public Builder gender(GenderSameAsSex sameAsSex, String identity) {
      genderSameAsSex = sameAsSex;
      genderIdentity = identity;
      return this;
    }

    public Builder ethnicity(Ethnicity v) {
      ethnicity = v;
      return this;
    }

    /** The preferred language and whether the person needs an interpreter. */
    public Builder language(String language, boolean needsInterpreter) {
      preferredLanguage = language;
      interpreterNeeded = needsInterpreter;
      return this;
    }

    /** The address; any part may be null. */
    public Builder address(String line1, String line2, String townOrCity, String postcodeText) {
      addressLine1 = line1;
      addressLine2 = line2;
      town = townOrCity;
      postcode = postcodeText;
      return this;
    }

    /** A phone number and whether the person agrees to be phoned on it. */
    public Builder phone(String number, boolean consent) {
      phone = number;
      phoneConsent = consent;
      return this;
    }

    /** A mobile number and whether the person agrees to text messages on it. */
    public Builder mobile(String number, boolean consentToTexts) {
      mobile = number;
      smsConsent = consentToTexts;
      return this;
    }

    /** An email address and whether the person agrees to be emailed at it. */
    public Builder email(String address, boolean consent) {
      email = address;
      emailConsent = consent;
      return this;
    }

    public Builder registeredPracticeId(UUID v) {
      registeredPracticeId = v;
      return this;
    }

    /** Whether the person has died and, if known, when. */
    public Builder deceased(boolean isDeceased, LocalDate date) {
      deceased = isDeceased;
      dateOfDeath = date;
      return this;
    }

    public PersonDetails build() {
      return new PersonDetails(
          nhsNumber,
          givenName,
          familyName,
          otherNames,
          preferredName,
          dateOfBirth,
          sex,
          genderSameAsSex,
          genderIdentity,
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
          registeredPracticeId,
          deceased,
          dateOfDeath);
    }
  }
}
