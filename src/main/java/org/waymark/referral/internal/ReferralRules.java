package org.waymark.referral.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.referral.NewReferral;
import org.waymark.referral.ReferralValidationException.Problem;
import org.waymark.referral.ReferrerDetails;

/** The rules a referral must meet, checked all at once so a form can show every problem. */
@Component
public class ReferralRules {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE = Pattern.compile("^[0-9 +()-]{10,20}$");

  /** Dates are judged by the calendar in England. */
  public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

  /**
   * No referral was received before link workers joined primary care networks (the 2019 network
   * contract); an earlier date is a typing mistake.
   */
  static final LocalDate EARLIEST_RECEIVED_ON = LocalDate.of(2019, 1, 1);

  private final PersonManagement people;
  private final CodeLists codes;

  ReferralRules(PersonManagement people, CodeLists codes) {
    this.people = people;
    this.codes = codes;
  }

  /** Blank text as null, needs without repeats, text trimmed. */
  public static NewReferral normalise(NewReferral r) {
    ReferrerDetails who = r.referrer() == null ? ReferrerDetails.none() : r.referrer();
    List<String> needs =
        r.needs() == null
            ? List.of()
            : List.copyOf(
                new LinkedHashSet<>(
                    r.needs().stream()
                        .map(ReferralRules::blankToNull)
                        .filter(n -> n != null)
                        .toList()));
    return new NewReferral(
        r.person(),
        blankToNull(r.source()),
        needs,
        blankToNull(r.reason()),
        r.consentToShare(),
        r.consentToContact(),
        r.urgency(),
        r.preferredContactMethod(),
        blankToNull(r.preferredContactTimes()),
        blankToNull(r.safeguardingConcerns()),
        new ReferrerDetails(
            blankToNull(who.name()),
            blankToNull(who.jobTitle()),
            blankToNull(who.organisationName()),
            blankToNull(who.phone()),
            blankToNull(who.email())),
        r.receivingOrganisationId(),
        r.receivedOn());
  }

  /**
   * Every rule the (normalised) referral breaks, in form order.
   *
   * @param professional true when a professional refers (their name and a way to reach them are
   *     required); false for a self-referral
   */
  public List<Problem> problems(NewReferral r, boolean professional) {
    List<Problem> problems = new ArrayList<>();
    PersonDetails person = r.person();
    if (person == null) {
      problems.add(new Problem("person", "referral.person.required"));
    } else {
      for (var p : people.problems(person)) {
        problems.add(new Problem("person." + p.field(), p.messageKey()));
      }
      if (blank(person.phone())
          && blank(person.mobile())
          && blank(person.email())
          && blank(person.addressLine1())) {
        problems.add(new Problem("person.phone", "referral.person.contact.required"));
      }
    }
    if (r.source() == null) {
      problems.add(new Problem("source", "referral.source.required"));
    } else if (!codes.isActive(CodeList.REFERRAL_SOURCE, r.source())) {
      problems.add(new Problem("source", "referral.source.invalid"));
    }
    if (r.needs().isEmpty()) {
      problems.add(new Problem("needs", "referral.needs.required"));
    } else if (r.needs().stream().anyMatch(n -> !codes.isActive(CodeList.NEED, n))) {
      problems.add(new Problem("needs", "referral.needs.invalid"));
    }
    if (r.reason() != null && r.reason().length() > 4000) {
      problems.add(new Problem("reason", "referral.reason.tooLong"));
    }
    if (!r.consentToShare()) {
      problems.add(new Problem("consentToShare", "referral.consentToShare.required"));
    }
    if (r.urgency() == null) {
      problems.add(new Problem("urgency", "referral.urgency.required"));
    }
    if (r.preferredContactTimes() != null && r.preferredContactTimes().length() > 200) {
      problems.add(new Problem("preferredContactTimes", "referral.preferredContactTimes.tooLong"));
    }
    if (r.safeguardingConcerns() != null && r.safeguardingConcerns().length() > 4000) {
      problems.add(new Problem("safeguardingConcerns", "referral.safeguardingConcerns.tooLong"));
    }
    if (r.receivedOn() != null) {
      LocalDate today = LocalDate.now(ENGLAND);
      if (!professional) {
        problems.add(new Problem("receivedOn", "referral.receivedOn.notForSelfReferral"));
      } else if (r.receivedOn().isAfter(today)) {
        problems.add(new Problem("receivedOn", "referral.receivedOn.future"));
      } else if (r.receivedOn().isBefore(EARLIEST_RECEIVED_ON)) {
        problems.add(new Problem("receivedOn", "referral.receivedOn.tooOld"));
      }
    }
    ReferrerDetails who = r.referrer();
    if (professional && who.name() == null) {
      problems.add(new Problem("referrer.name", "referral.referrer.name.required"));
    }
    if (who.name() != null && who.name().length() > 100) {
      problems.add(new Problem("referrer.name", "referral.referrer.name.tooLong"));
    }
    if (who.jobTitle() != null && who.jobTitle().length() > 100) {
      problems.add(new Problem("referrer.jobTitle", "referral.referrer.jobTitle.tooLong"));
    }
    if (who.organisationName() != null && who.organisationName().length() > 200) {
      problems.add(
          new Problem("referrer.organisationName", "referral.referrer.organisation.tooLong"));
    }
    if (professional && who.phone() == null && who.email() == null) {
      problems.add(new Problem("referrer.phone", "referral.referrer.contact.required"));
    }
    if (who.phone() != null && !PHONE.matcher(who.phone()).matches()) {
      problems.add(new Problem("referrer.phone", "referral.referrer.phone.invalid"));
    }
    if (who.email() != null
        && (who.email().length() > 254 || !EMAIL.matcher(who.email()).matches())) {
      problems.add(new Problem("referrer.email", "referral.referrer.email.invalid"));
    }
    return problems;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
