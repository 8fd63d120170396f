package org.waymark.person.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waymark.person.GenderSameAsSex;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonValidationException.Problem;
import org.waymark.person.Sex;

class PersonRulesTests {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

  private static PersonDetails.Builder valid() {
    return PersonDetails.builder()
        .name("Ada", "Lovelace")
        .dateOfBirth(LocalDate.of(1980, 12, 10))
        .sex(Sex.FEMALE);
  }

  private static List<String> problems(PersonDetails.Builder details) {
    return PersonRules.problems(PersonRules.normalise(details.build()), TODAY).stream()
        .map(p -> p.field() + ":" + p.messageKey())
        .toList();
  }

  @Test
  void namesDateOfBirthAndSexAreAllThatIsRequired() {
    assertThat(problems(valid())).isEmpty();
    assertThat(problems(PersonDetails.builder().name(" ", null)))
        .containsExactly(
            "givenName:person.givenName.required",
            "familyName:person.familyName.required",
            "dateOfBirth:person.dateOfBirth.required",
            "sex:person.sex.required");
  }

  @Test
  void normalisingKeepsNamesExactlyButStoresNhsNumberAndPostcodeInTheirStandardForm() {
    PersonDetails clean =
        PersonRules.normalise(
            valid()
                .name("  Zoë ", "Łukasiewicz-Nguyễn")
                .nhsNumber("943 476 5919")
                .address(" ", "", null, "ls6 3bn")
                .build());
    assertThat(clean.givenName()).isEqualTo("Zoë");
    assertThat(clean.familyName()).isEqualTo("Łukasiewicz-Nguyễn");
    assertThat(clean.nhsNumber()).isEqualTo("9434765919");
    assertThat(clean.postcode()).isEqualTo("LS6 3BN");
    assertThat(clean.addressLine1()).isNull();
    assertThat(clean.addressLine2()).isNull();
  }

  @Test
  void aDateOfBirthTodayIsAcceptedButTomorrowIsNot() {
    assertThat(problems(valid().dateOfBirth(TODAY))).isEmpty();
    assertThat(problems(valid().dateOfBirth(TODAY.plusDays(1))))
        .containsExactly("dateOfBirth:person.dateOfBirth.future");
    assertThat(problems(valid().dateOfBirth(LocalDate.of(1899, 12, 31))))
        .containsExactly("dateOfBirth:person.dateOfBirth.tooEarly");
  }

  @Test
  void refusesAnInvalidNhsNumberAndPostcode() {
    assertThat(problems(valid().nhsNumber("943 476 5918").address(null, null, null, "LS1 XYZ")))
        .containsExactly("nhsNumber:person.nhsNumber.invalid", "postcode:person.postcode.invalid");
  }

  @Test
  void consentToARouteOfContactNeedsTheNumberOrAddress() {
    assertThat(problems(valid().phone(null, true).mobile("", true).email(null, true)))
        .containsExactly(
            "phoneConsent:person.phoneConsent.withoutPhone",
            "smsConsent:person.smsConsent.withoutMobile",
            "emailConsent:person.emailConsent.withoutEmail");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0113 496 0012", "07700 900982", "+44 808 157 0192", "(01632) 960-001"})
  void acceptsPhoneNumbersAsPeopleWriteThem(String number) {
    assertThat(PersonRules.isPhoneNumber(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0113 496", "call me", "07700+900982", "0113 496 0012 0113 496 0012"})
  void refusesWhatCannotBeAPhoneNumber(String number) {
    assertThat(PersonRules.isPhoneNumber(number)).isFalse();
  }

  @Test
  void aGenderIdentityIsOnlyRecordedWhenItDiffersFromSexRegisteredAtBirth() {
    assertThat(problems(valid().gender(GenderSameAsSex.NO, "Non-binary"))).isEmpty();
    assertThat(problems(valid().gender(GenderSameAsSex.YES, "Non-binary")))
        .containsExactly("genderIdentity:person.genderIdentity.onlyWhenDifferent");
  }

  @Test
  void aDateOfDeathNeedsTheDeceasedFlagAndFollowsBirth() {
    assertThat(problems(valid().deceased(true, LocalDate.of(2025, 1, 1)))).isEmpty();
    assertThat(problems(valid().deceased(true, null))).isEmpty();
    assertThat(problems(valid().deceased(false, LocalDate.of(2025, 1, 1))))
        .containsExactly("dateOfDeath:person.dateOfDeath.withoutDeceased");
    assertThat(problems(valid().deceased(true, LocalDate.of(1970, 1, 1))))
        .containsExactly("dateOfDeath:person.dateOfDeath.beforeBirth");
  }

  @Test
  void lengthsAreCountedInCharactersNotUtf16Units() {
    // 100 emoji are 200 UTF-16 units but 100 characters, as PostgreSQL counts them.
    String hundred = "😀".repeat(100);
    assertThat(problems(valid().otherNames(hundred))).isEmpty();
    assertThat(problems(valid().otherNames(hundred + "a")))
        .containsExactly("otherNames:person.otherNames.tooLong");
  }

  @Test
  void problemsNameTheFieldsAsTheFormDoes() {
    Problem p =
        PersonRules.problems(
                PersonRules.normalise(valid().email("not an address", false).build()), TODAY)
            .get(0);
    assertThat(p).isEqualTo(new Problem("email", "person.email.invalid"));
  }
}
