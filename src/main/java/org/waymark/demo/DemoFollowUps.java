package org.waymark.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseFile;
import org.waymark.casework.DischargeDraft;
import org.waymark.casework.Triage;
import org.waymark.followup.Answer;
import org.waymark.followup.AttemptOutcome;
import org.waymark.followup.CountsFrom;
import org.waymark.followup.FollowUp;
import org.waymark.followup.FollowUpAnswers;
import org.waymark.followup.FollowUps;
import org.waymark.identity.ActingAs;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.Channel;
import org.waymark.referral.ContactMethod;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;

/**
 * The demo's follow-ups: people Lee Linkworker supported last year, referred long enough ago that
 * their 9 to 12 month follow-up (the default plan) is due now, overdue, missed, coming up in the
 * next weeks, or done. Their cases are closed, so each also has a follow-up 3 months after closure
 * to come. Everything goes through the modules' APIs as the demo accounts.
 */
@Component
class DemoFollowUps {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final ReferrerDetails PRACTICE_NURSE =
      new ReferrerDetails(
          "Jo Whitaker", "Practice nurse", "Kirkgate Surgery", "0113 496 0100", null);

  private final ActingAs actingAs;
  private final IdentityManagement identity;
  private final Referrals referrals;
  private final Triage triage;
  private final CaseClosures closures;
  private final FollowUps followUps;
  private final TransactionTemplate transactions;

  DemoFollowUps(
      ActingAs actingAs,
      IdentityManagement identity,
      Referrals referrals,
      Triage triage,
      CaseClosures closures,
      FollowUps followUps,
      TransactionTemplate transactions) {
    this.actingAs = actingAs;
    this.identity = identity;
    this.referrals = referrals;
    this.triage = triage;
    this.closures = closures;
    this.followUps = followUps;
    this.transactions = transactions;
  }

  /** Loads them; call once, after the demo accounts and cases exist, outside a transaction. */
  void load() {
    UUID aire =
        identity.organisations(OrganisationType.PCN).stream()
            .filter(o -> o.name().equals("Aire Valley PCN"))
            .map(Organisation::id)
            .findFirst()
            .orElseThrow();
    UUID kirkgate =
        identity.organisations(OrganisationType.GP_PRACTICE).stream()
            .filter(o -> o.name().equals("Kirkgate Surgery"))
            .map(Organisation::id)
            .findFirst()
            .orElseThrow();
    UUID lee = identity.searchUsers(DemoCasework.LINK_WORKER).get(0).id();
    LocalDate today = LocalDate.now(UK);

    // Missed: its closing date (12 months after the referral) passed a month ago.
    closedCase(
        aire,
        kirkgate,
        lee,
        person("Norman", "Ackroyd", LocalDate.of(1950, 2, 14), Sex.MALE)
            .phone("0113 496 0071", true),
        today.minusMonths(13));
    // Overdue: its target (10 months after the referral) passed 10 days ago.
    closedCase(
        aire,
        kirkgate,
        lee,
        person("Priya", "Lakhani", LocalDate.of(1979, 9, 3), Sex.FEMALE)
            .mobile("07700 900172", true),
        today.minusMonths(10).minusDays(10));
    // Due now: opened 12 days ago; she agreed to emails, so she was told to expect the call.
    closedCase(
        aire,
        kirkgate,
        lee,
        person("Maureen", "Hepworth", LocalDate.of(1958, 4, 27), Sex.FEMALE)
            .email("maureen.hepworth@example.com", true),
        today.minusMonths(9).minusDays(12));
    // Upcoming: opens in 10 days.
    closedCase(
        aire,
        kirkgate,
        lee,
        person("Tomasz", "Wiśniewski", LocalDate.of(1988, 12, 9), Sex.MALE)
            .mobile("07700 900174", false),
        today.minusMonths(9).plusDays(10));
    // Done: recorded with him on the phone last week.
    UUID done =
        closedCase(
            aire,
            kirkgate,
            lee,
            person("Desmond", "Oduya", LocalDate.of(1966, 6, 30), Sex.MALE)
                .phone("0113 496 0075", true),
            today.minusMonths(9).minusDays(20));
    actingAs.run(
        DemoCasework.LINK_WORKER,
        () -> {
          FollowUp f =
              followUps.forCase(done).stream()
                  .filter(x -> x.countsFrom() == CountsFrom.REFERRAL)
                  .findFirst()
                  .orElseThrow();
          followUps.record(
              f.id(),
              f.version(),
              new FollowUpAnswers(
                  AttemptOutcome.COMPLETED,
                  "Still going to the allotment group twice a week and has made two good friends"
                      + " there. Sleeping better.",
                  List.of(),
                  Answer.YES,
                  "I would not have gone through the door on my own.",
                  "Phoned on a weekday morning as he asked."));
        });
  }

  /** A referral received on that day, accepted for Lee, and closed: its case's id. */
  private UUID closedCase(
      UUID aire, UUID kirkgate, UUID lee, PersonDetails.Builder person, LocalDate receivedOn) {
    return transactions.execute(
        status -> {
          Referral r =
              actingAs.call(
                  DemoCasework.MANAGER,
                  () ->
                      referrals.submit(
                          new NewReferral(
                              person.registeredPracticeId(kirkgate).build(),
                              "PRACTICE_NURSE",
                              List.of("LONELINESS"),
                              "Lonely since retiring and would like to meet people nearby.",
                              true,
                              true,
                              Urgency.ROUTINE,
                              ContactMethod.PHONE,
                              null,
                              null,
                              PRACTICE_NURSE,
                              aire,
                              receivedOn),
                          Channel.WEB_FORM));
          UUID caseId =
              actingAs.call(
                  DemoCasework.MANAGER, () -> triage.accept(r.id(), r.version(), lee).id());
          actingAs.run(
              DemoCasework.LINK_WORKER,
              () -> {
                DischargeDraft draft =
                    closures.draft(
                        caseId,
                        "GOALS_MET",
                        "They know they can be referred again at any time through the practice.");
                CaseFile open = closures.caseToClose(caseId);
                closures.close(caseId, open.version(), "GOALS_MET", draft.text());
              });
          return caseId;
        });
  }

  private static PersonDetails.Builder person(
      String given, String family, LocalDate born, Sex sex) {
    return PersonDetails.builder()
        .name(given, family)
        .dateOfBirth(born)
        .sex(sex)
        .address("3 Demo Row", null, "Leeds", "LS1 6BP");
  }
}
