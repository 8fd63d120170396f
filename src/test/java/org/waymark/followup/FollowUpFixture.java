package org.waymark.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseFile;
import org.waymark.casework.DischargeDraft;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.Channel;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;

/**
 * Cases for follow-up tests, on a {@link ConnectionFixture}'s PCN: a referral received on a chosen
 * day, accepted for the fixture's link worker, and closed when asked.
 */
final class FollowUpFixture {

  final ConnectionFixture f;
  final Referrals referrals;
  final Triage triage;
  final CaseClosures closures;

  FollowUpFixture(ConnectionFixture f, Referrals referrals, Triage triage, CaseClosures closures) {
    this.f = f;
    this.referrals = referrals;
    this.triage = triage;
    this.closures = closures;
  }

  /** An open case whose referral was received on that day. */
  CaseFile openCase(String given, String family, LocalDate receivedOn) {
    return openCase(given, family, receivedOn, b -> b.mobile("07700 900555", false));
  }

  /** The same, with the person's contact details set by {@code contact}. */
  CaseFile openCase(
      String given, String family, LocalDate receivedOn, Consumer<PersonDetails.Builder> contact) {
    PersonDetails.Builder person =
        PersonDetails.builder()
            .name(given, family)
            .dateOfBirth(LocalDate.of(1961, 7, 3))
            .sex(Sex.FEMALE)
            .address("12 Test Street", null, "Leeds", "LS2 7EY")
            .registeredPracticeId(f.practice.id());
    contact.accept(person);
    PersonDetails details = person.build();
    // The referral's consent to contact sets the person's consent on every route they gave.
    boolean agreed = details.emailConsent() || details.smsConsent() || details.phoneConsent();
    NewReferral r =
        new NewReferral(
            details,
            "GP",
            List.of("LONELINESS"),
            "Feels cut off since moving here",
            true,
            agreed,
            Urgency.ROUTINE,
            null,
            null,
            null,
            new ReferrerDetails("Dr Test", "GP", null, "01632 960001", null),
            f.pcn.id(),
            receivedOn);
    Referral referral =
        ConnectionFixture.as(f.manager, () -> referrals.submit(r, Channel.WEB_FORM));
    return ConnectionFixture.as(
        f.manager, () -> triage.accept(referral.id(), referral.version(), f.linkWorker.id()));
  }

  /** Closes the case as its link worker, with goals met. */
  void close(CaseFile c, String reason) {
    ConnectionFixture.as(
        f.linkWorker,
        () -> {
          DischargeDraft draft = closures.draft(c.id(), reason, "Can be referred again.");
          CaseFile open = closures.caseToClose(c.id());
          return closures.close(c.id(), open.version(), reason, draft.text());
        });
  }
}
