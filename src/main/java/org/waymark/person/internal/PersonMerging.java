package org.waymark.person.internal;

import java.util.List;
import java.util.Objects;
import org.waymark.person.GenderSameAsSex;
import org.waymark.person.PersonDetails;

/**
 * What a merge keeps: the kept record's details, with the fields it has no value for taken from the
 * merged record. A value is never overwritten. Parts that only make sense together move together:
 * the whole address (only if the kept record has none of it), a contact route with its consent, a
 * preferred language with the need for an interpreter, a gender identity with its answer. Names,
 * date of birth, sex and whether the person has died are never taken: the kept record always has
 * them, and a manager who finds them wrong changes them after the merge.
 */
public final class PersonMerging {

  private PersonMerging() {}

  /**
   * The kept details with empty fields filled from {@code merged}; the names of the fields filled
   * (as in {@link PersonDetails}) are added to {@code filled}, in form order.
   */
  public static PersonDetails fillEmpty(
      PersonDetails kept, PersonDetails merged, List<String> filled) {
    String nhsNumber = pick("nhsNumber", kept.nhsNumber(), merged.nhsNumber(), filled);
    String otherNames = pick("otherNames", kept.otherNames(), merged.otherNames(), filled);
    String preferredName =
        pick("preferredName", kept.preferredName(), merged.preferredName(), filled);

    GenderSameAsSex genderSameAsSex = kept.genderSameAsSex();
    String genderIdentity = kept.genderIdentity();
    if (genderSameAsSex == null && merged.genderSameAsSex() != null) {
      genderSameAsSex = merged.genderSameAsSex();
      genderIdentity = merged.genderIdentity();
      filled.add("genderSameAsSex");
      if (genderIdentity != null) {
        filled.add("genderIdentity");
      }
    } else if (genderSameAsSex == GenderSameAsSex.NO
        && genderIdentity == null
        && merged.genderSameAsSex() == GenderSameAsSex.NO
        && merged.genderIdentity() != null) {
      genderIdentity = merged.genderIdentity();
      filled.add("genderIdentity");
    }

    var ethnicity = kept.ethnicity();
    if (ethnicity == null && merged.ethnicity() != null) {
      ethnicity = merged.ethnicity();
      filled.add("ethnicity");
    }

    String preferredLanguage = kept.preferredLanguage();
    boolean interpreterNeeded = kept.interpreterNeeded();
    if (preferredLanguage == null && merged.preferredLanguage() != null) {
      preferredLanguage = merged.preferredLanguage();
      filled.add("preferredLanguage");
      if (!interpreterNeeded && merged.interpreterNeeded()) {
        interpreterNeeded = true;
        filled.add("interpreterNeeded");
      }
    }

    String line1 = kept.addressLine1();
    String line2 = kept.addressLine2();
    String town = kept.town();
    String postcode = kept.postcode();
    if (allNull(line1, line2, town, postcode)
        && !allNull(
            merged.addressLine1(), merged.addressLine2(), merged.town(), merged.postcode())) {
      line1 = merged.addressLine1();
      line2 = merged.addressLine2();
      town = merged.town();
      postcode = merged.postcode();
      addIfPresent(filled, "addressLine1", line1);
      addIfPresent(filled, "addressLine2", line2);
      addIfPresent(filled, "town", town);
      addIfPresent(filled, "postcode", postcode);
    }

    String phone = kept.phone();
    boolean phoneConsent = kept.phoneConsent();
    if (phone == null && merged.phone() != null) {
      phone = merged.phone();
      phoneConsent = merged.phoneConsent();
      filled.add("phone");
      if (phoneConsent) {
        filled.add("phoneConsent");
      }
    }
    String mobile = kept.mobile();
    boolean smsConsent = kept.smsConsent();
    if (mobile == null && merged.mobile() != null) {
      mobile = merged.mobile();
      smsConsent = merged.smsConsent();
      filled.add("mobile");
      if (smsConsent) {
        filled.add("smsConsent");
      }
    }
    String email = kept.email();
    boolean emailConsent = kept.emailConsent();
    if (email == null && merged.email() != null) {
      email = merged.email();
      emailConsent = merged.emailConsent();
      filled.add("email");
      if (emailConsent) {
        filled.add("emailConsent");
      }
    }

    var practice = kept.registeredPracticeId();
    if (practice == null && merged.registeredPracticeId() != null) {
      practice = merged.registeredPracticeId();
      filled.add("registeredPracticeId");
    }

    var dateOfDeath = kept.dateOfDeath();
    if (kept.deceased()
        && dateOfDeath == null
        && merged.dateOfDeath() != null
        && !merged.dateOfDeath().isBefore(kept.dateOfBirth())) {
      dateOfDeath = merged.dateOfDeath();
      filled.add("dateOfDeath");
    }

    return new PersonDetails(
        nhsNumber,
        kept.givenName(),
        kept.familyName(),
        otherNames,
        preferredName,
        kept.dateOfBirth(),
        kept.sex(),
        genderSameAsSex,
        genderIdentity,
        ethnicity,
        preferredLanguage,
        interpreterNeeded,
        line1,
        line2,
        town,
        postcode,
        phone,
        phoneConsent,
        mobile,
        smsConsent,
        email,
        emailConsent,
        practice,
        kept.deceased(),
        dateOfDeath);
  }

  private static String pick(String field, String kept, String merged, List<String> filled) {
    if (kept == null && merged != null) {
      filled.add(field);
      return merged;
    }
    return kept;
  }

  private static boolean allNull(Object... values) {
    for (Object v : values) {
      if (v != null) {
        return false;
      }
    }
    return true;
  }

  private static void addIfPresent(List<String> filled, String field, Object value) {
    if (!Objects.isNull(value)) {
      filled.add(field);
    }
  }
}
