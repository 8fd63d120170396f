package org.waymark.person.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.waymark.person.GenderSameAsSex;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonValidationException.Problem;
import org.waymark.shared.NhsNumber;
import org.waymark.shared.Postcode;

/**
 * The rules a person's details must meet, without the database: required fields, formats, lengths
 * and the fields that only make sense together. The table's CHECK constraints mirror them.
 */
public final class PersonRules {

  /** The earliest date of birth accepted: anything earlier is a typing slip. */
  public static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

  private PersonRules() {}

  /**
   * Trims text, turns blank text into null, and puts the NHS number (ten digits) and postcode
   * (upper case, one space) into their stored form when they are valid. Names keep their exact
   * characters.
   */
  public static PersonDetails normalise(PersonDetails d) {
    String nhs = text(d.nhsNumber());
    String postcode = text(d.postcode());
    return new PersonDetails(
        nhs != null && NhsNumber.isValid(nhs) ? NhsNumber.of(nhs).toString() : nhs,
        text(d.givenName()),
        text(d.familyName()),
        text(d.otherNames()),
        text(d.preferredName()),
        d.dateOfBirth(),
        d.sex(),
        d.genderSameAsSex(),
        text(d.genderIdentity()),
        d.ethnicity(),
        text(d.preferredLanguage()),
        d.interpreterNeeded(),
        text(d.addressLine1()),
        text(d.addressLine2()),
        text(d.town()),
        postcode != null && Postcode.isValid(postcode) ? Postcode.normalise(postcode) : postcode,
        text(d.phone()),
        d.phoneConsent(),
        text(d.mobile()),
        d.smsConsent(),
        text(d.email()),
        d.emailConsent(),
        d.registeredPracticeId(),
        d.deceased(),
        d.dateOfDeath());
  }

  /**
   * Every rule the (normalised) details break, in form order; empty if none.
   *
   * @param today the date in England now, for dates that must not be in the future
   */
  public static List<Problem> problems(PersonDetails d, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    if (d.nhsNumber() != null && !NhsNumber.isValid(d.nhsNumber())) {
      problems.add(new Problem("nhsNumber", "person.nhsNumber.invalid"));
    }
    name(problems, "givenName", d.givenName(), true);
    name(problems, "familyName", d.familyName(), true);
    name(problems, "otherNames", d.otherNames(), false);
    name(problems, "preferredName", d.preferredName(), false);
    if (d.dateOfBirth() == null) {
      problems.add(new Problem("dateOfBirth", "person.dateOfBirth.required"));
    } else if (d.dateOfBirth().isAfter(today)) {
      problems.add(new Problem("dateOfBirth", "person.dateOfBirth.future"));
    } else if (d.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
      problems.add(new Problem("dateOfBirth", "person.dateOfBirth.tooEarly"));
    }
    if (d.sex() == null) {
      problems.add(new Problem("sex", "person.sex.required"));
    }
    if (d.genderIdentity() != null && d.genderSameAsSex() != GenderSameAsSex.NO) {
      problems.add(new Problem("genderIdentity", "person.genderIdentity.onlyWhenDifferent"));
    } else {
      length(problems, "genderIdentity", d.genderIdentity(), 100);
    }
    length(problems, "preferredLanguage", d.preferredLanguage(), 60);
    length(problems, "addressLine1", d.addressLine1(), 100);
    length(problems, "addressLine2", d.addressLine2(), 100);
    length(problems, "town", d.town(), 60);
    if (d.postcode() != null && !Postcode.isValid(d.postcode())) {
      problems.add(new Problem("postcode", "person.postcode.invalid"));
    }
    if (d.phone() != null && !isPhoneNumber(d.phone())) {
      problems.add(new Problem("phone", "person.phone.invalid"));
    }
    if (d.phoneConsent() && d.phone() == null) {
      problems.add(new Problem("phoneConsent", "person.phoneConsent.withoutPhone"));
    }
    if (d.mobile() != null && !isPhoneNumber(d.mobile())) {
      problems.add(new Problem("mobile", "person.mobile.invalid"));
    }
    if (d.smsConsent() && d.mobile() == null) {
      problems.add(new Problem("smsConsent", "person.smsConsent.withoutMobile"));
    }
    if (d.email() != null && !isEmailAddress(d.email())) {
      problems.add(new Problem("email", "person.email.invalid"));
    }
    if (d.emailConsent() && d.email() == null) {
      problems.add(new Problem("emailConsent", "person.emailConsent.withoutEmail"));
    }
    if (d.dateOfDeath() != null) {
      if (!d.deceased()) {
        problems.add(new Problem("dateOfDeath", "person.dateOfDeath.withoutDeceased"));
      } else if (d.dateOfDeath().isAfter(today)) {
        problems.add(new Problem("dateOfDeath", "person.dateOfDeath.future"));
      } else if (d.dateOfBirth() != null && d.dateOfDeath().isBefore(d.dateOfBirth())) {
        problems.add(new Problem("dateOfDeath", "person.dateOfDeath.beforeBirth"));
      }
    }
    return problems;
  }

  /**
   * A UK or international telephone number as people write it: digits, spaces, brackets and
   * hyphens, a leading + only, and 10 to 15 digits.
   */
  public static boolean isPhoneNumber(String text) {
    return text.length() <= 20
        && text.matches("\\+?[0-9 ()-]+")
        && text.replaceAll("[^0-9]", "").length() >= 10
        && text.replaceAll("[^0-9]", "").length() <= 15;
  }

  public static boolean isEmailAddress(String text) {
    return text.length() <= 254 && text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  }

  private static void name(List<Problem> problems, String field, String value, boolean required) {
    if (value == null) {
      if (required) {
        problems.add(new Problem(field, "person." + field + ".required"));
      }
    } else {
      length(problems, field, value, 100);
    }
  }

  private static void length(List<Problem> problems, String field, String value, int max) {
    // Counted in code points, as PostgreSQL's length() counts characters.
    if (value != null && value.codePointCount(0, value.length()) > max) {
      problems.add(new Problem(field, "person." + field + ".tooLong"));
    }
  }

  private static String text(String s) {
    if (s == null) {
      return null;
    }
    String stripped = s.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}
