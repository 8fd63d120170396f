package org.waymark.referral.web;

import java.util.List;
import org.springframework.validation.Errors;
import org.waymark.person.Sex;
import org.waymark.referral.NewReferral;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;
import org.waymark.shared.web.DateInput;

/**
 * The referrer's form, as typed: the person's fields it shares with the self-referral form, and the
 * referral's source, urgency and risks and who refers. Every field is text, so nothing typed can
 * fail to bind: {@link #check(Errors)} reports what the form itself can see (a date's parts, a
 * choice that is not on the list) and the referral module checks the rest.
 */
public class ReferralForm extends ReferredPersonFields {

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
          "receivedOn",
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

  private String sex;
  private String source;
  private String urgency;
  private String safeguardingConcerns;
  private String referrerName;
  private String referrerJobTitle;
  private String referrerOrganisation;
  private String referrerPhone;
  private String referrerEmail;
  private String receivedOnDay;
  private String receivedOnMonth;
  private String receivedOnYear;

  /** The reports the form itself can make; the module's rules follow. */
  void check(Errors errors) {
    String birth = birth().problem();
    if (birth != null) {
      errors.rejectValue("dateOfBirth", "person.dateOfBirth." + birth);
    }
    if (!blank(sex) && sexValue() == null) {
      errors.rejectValue("sex", "referral.form.sex.invalid");
    }
    if (!blank(getRegisteredPracticeId()) && practiceId() == null) {
      errors.rejectValue("registeredPracticeId", "person.registeredPractice.invalid");
    }
    if (!blank(urgency) && urgencyValue() == null) {
      errors.rejectValue("urgency", "referral.urgency.required");
    }
    String received = received().problem();
    if (received != null && !"required".equals(received)) {
      errors.rejectValue("receivedOn", "referral.receivedOn.invalid");
    }
    if (!blank(getPreferredContactMethod()) && contactMethodValue() == null) {
      errors.rejectValue("preferredContactMethod", "referral.form.preferredContactMethod.invalid");
    }
  }

  /** The referral as the module takes it; choices that are not on the list are left out. */
  NewReferral toNewReferral() {
    return new NewReferral(
        person(blank(sex) ? Sex.NOT_KNOWN : sexValue()),
        source,
        chosenNeeds(),
        getReason(),
        consentsToShare(),
        consentsToContact(),
        urgencyValue(),
        contactMethodValue(),
        getPreferredContactTimes(),
        safeguardingConcerns,
        new ReferrerDetails(
            referrerName, referrerJobTitle, referrerOrganisation, referrerPhone, referrerEmail),
        null,
        getReceivedOn());
  }

  /** The day a referral that came by letter, phone or email was received; blank for today. */
  private DateInput received() {
    return new DateInput(receivedOnDay, receivedOnMonth, receivedOnYear);
  }

  /** The date the parts make, or null; errors are reported against this name. */
  public java.time.LocalDate getReceivedOn() {
    return received().toDate();
  }

  public String getReceivedOnDay() {
    return receivedOnDay;
  }

  public void setReceivedOnDay(String v) {
    this.receivedOnDay = v;
  }

  public String getReceivedOnMonth() {
    return receivedOnMonth;
  }

  public void setReceivedOnMonth(String v) {
    this.receivedOnMonth = v;
  }

  public String getReceivedOnYear() {
    return receivedOnYear;
  }

  public void setReceivedOnYear(String v) {
    this.receivedOnYear = v;
  }

  private Sex sexValue() {
    return parse(Sex.class, sex);
  }

  private Urgency urgencyValue() {
    return parse(Urgency.class, urgency);
  }

  public String getSex() {
    return sex;
  }

  public void setSex(String sex) {
    this.sex = sex;
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
