package org.waymark.referral.web;

import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.validation.Errors;
import org.waymark.person.Sex;
import org.waymark.referral.NewReferral;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;

/**
 * The public self-referral form, as typed. {@code website} is the honeypot: people never see it,
 * form-filling robots fill it in.
 */
public class SelfReferralForm extends ReferredPersonFields {

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

  private String website;

  /** A robot filled in the field people cannot see. */
  boolean caughtByHoneypot() {
    return !blank(website);
  }

  boolean practiceNotKnown() {
    return blank(getRegisteredPracticeId());
  }

  /**
   * The reports the form itself can make; the module's rules follow.
   *
   * @param key the message key to show for a module's key, for the form's own wording
   */
  void check(Errors errors, UnaryOperator<String> key) {
    String birth = birth().problem();
    if (birth != null) {
      errors.rejectValue("dateOfBirth", key.apply("person.dateOfBirth." + birth));
    }
    if (!practiceNotKnown() && practiceId() == null) {
      errors.rejectValue("registeredPracticeId", key.apply("person.registeredPractice.invalid"));
    }
    if (practiceNotKnown() && blank(getPostcode())) {
      errors.rejectValue("postcode", "referral.self.postcode.requiredWithoutPractice");
    }
    if (!blank(getPreferredContactMethod()) && contactMethodValue() == null) {
      errors.rejectValue("preferredContactMethod", "referral.form.preferredContactMethod.invalid");
    }
  }

  /** The self-referral as the module takes it: routine, the person's sex not asked. */
  NewReferral toNewReferral() {
    return new NewReferral(
        person(Sex.NOT_KNOWN),
        "SELF",
        chosenNeeds(),
        getReason(),
        consentsToShare(),
        consentsToContact(),
        Urgency.ROUTINE,
        contactMethodValue(),
        getPreferredContactTimes(),
        null,
        ReferrerDetails.none(),
        null);
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }
}
