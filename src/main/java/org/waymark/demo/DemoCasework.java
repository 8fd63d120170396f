package org.waymark.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.casework.AssessedNeed;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseRecords;
import org.waymark.casework.ContactDetails;
import org.waymark.casework.ContactOutcome;
import org.waymark.casework.DischargeDraft;
import org.waymark.casework.GoalDraft;
import org.waymark.casework.GoalStatus;
import org.waymark.casework.HowItIsGoing;
import org.waymark.casework.Importance;
import org.waymark.casework.NewAssessment;
import org.waymark.casework.PlanGoal;
import org.waymark.casework.ReviewDraft;
import org.waymark.casework.StepDraft;
import org.waymark.casework.StepOwner;
import org.waymark.casework.StepStatus;
import org.waymark.casework.SupportPlans;
import org.waymark.casework.Triage;
import org.waymark.identity.ActingAs;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.person.GenderSameAsSex;
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
 * Referrals and cases for the demo's Aire Valley PCN, so that the service looks lived in on first
 * start: referrals waiting for triage (one urgent, one with safeguarding concerns, a self-referral,
 * a likely duplicate of a demo person, one waiting for more information), Lee Linkworker's open
 * cases with contacts, an assessment, a support plan and notes, and a closed case whose discharge
 * summary the demo referrer can read.
 *
 * <p>Everything goes through the modules' APIs as the demo accounts, so access checks and the audit
 * trail are as in the browser. Referrals are received and cases opened at the moment of loading
 * (those APIs take no earlier time); contacts, assessments and reviews carry dates in the past
 * weeks.
 */
@Component
class DemoCasework {

  static final String REFERRER = "referrer@" + DemoData.DOMAIN;
  static final String MANAGER = "manager@" + DemoData.DOMAIN;
  static final String LINK_WORKER = "linkworker@" + DemoData.DOMAIN;

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final ReferrerDetails DR_REFERRER =
      new ReferrerDetails(
          "Dr Rhea Referrer", "GP", "Hillside Health Centre", "01632 960 200", REFERRER);
  private static final ReferrerDetails PRACTICE_NURSE =
      new ReferrerDetails(
          "Jo Whitaker", "Practice nurse", "Kirkgate Surgery", "0113 496 0100", null);

  private final ActingAs actingAs;
  private final IdentityManagement identity;
  private final Referrals referrals;
  private final Triage triage;
  private final CaseRecords records;
  private final SupportPlans plans;
  private final CaseClosures closures;
  private final TransactionTemplate transactions;

  DemoCasework(
      ActingAs actingAs,
      IdentityManagement identity,
      Referrals referrals,
      Triage triage,
      CaseRecords records,
      SupportPlans plans,
      CaseClosures closures,
      TransactionTemplate transactions) {
    this.actingAs = actingAs;
    this.identity = identity;
    this.referrals = referrals;
    this.triage = triage;
    this.records = records;
    this.plans = plans;
    this.closures = closures;
    this.transactions = transactions;
  }

  /**
   * Loads it all; call once, after the demo accounts and people exist, outside any request and
   * outside a transaction. Each referral's story is a transaction of its own, so that each has its
   * own arrival time (the transaction's) and the lists show them in the order they were made.
   */
  void load() {
    UUID aire = organisation(OrganisationType.PCN, "Aire Valley PCN");
    UUID kirkgate = organisation(OrganisationType.GP_PRACTICE, "Kirkgate Surgery");
    UUID riverside = organisation(OrganisationType.GP_PRACTICE, "Riverside Medical Practice");
    UUID lee = identity.searchUsers(LINK_WORKER).get(0).id();
    LocalDate today = LocalDate.now(UK);

    // In this order, so the fullest records come first in the lists: the caseload shows the
    // oldest referral first, the referrer's own list the newest.
    inOneTransaction(() -> zoe(aire, kirkgate, lee, today));
    inOneTransaction(() -> agnieszka(aire, riverside, lee, today));
    inOneTransaction(() -> grace(aire, kirkgate, lee, today));
    inOneTransaction(() -> alex(aire, kirkgate, lee, today));
    inOneTransaction(() -> awaitingFirstContact(aire, riverside, lee));
    triageQueue(aire, kirkgate, riverside);
    inOneTransaction(() -> closedCase(aire, kirkgate, lee, today));
  }

  /**
   * The day the next demo referral was received: the demo's referrals arrived over the past weeks,
   * so waiting times and contacts read as they would in a service in use.
   */
  private LocalDate receivedOn;

  // ---- waiting for triage ----

  private void triageQueue(UUID aire, UUID kirkgate, UUID riverside) {
    receivedOn = LocalDate.now(UK).minusDays(12);
    refer(
        REFERRER,
        referral(
            aire,
            existing("999 000 0042", "Samir", "Haddad", LocalDate.of(1985, 1, 30), Sex.MALE)
                .mobile("07700 900103", false)
                .address("112 Beeston Hill", null, "Leeds", "LS11 8PL")
                .registeredPracticeId(riverside),
            "GP",
            List.of("MONEY", "HOUSING"),
            "Has been served an eviction notice for rent arrears and has to leave by the end of"
                + " the month. Very anxious and not sleeping; asked for help urgently.",
            Urgency.URGENT,
            ContactMethod.PHONE,
            "Any time; he works nights so mornings are best",
            null,
            DR_REFERRER));
    receivedOn = LocalDate.now(UK).minusDays(9);
    refer(
        REFERRER,
        referral(
            aire,
            PersonDetails.builder()
                .name("Bernadette", "Quigley")
                .dateOfBirth(LocalDate.of(1971, 7, 19))
                .sex(Sex.FEMALE)
                .gender(GenderSameAsSex.YES, null)
                .address("14 Ashfield Grove", "Bramley", "Leeds", "LS13 2DQ")
                .mobile("07700 900110", true)
                .registeredPracticeId(kirkgate),
            "GP",
            List.of("SAFETY", "MENTAL_WELLBEING"),
            "Low mood since separating from her partner. Would like support to rebuild her"
                + " confidence and meet people.",
            Urgency.ROUTINE,
            ContactMethod.TEXT,
            "Text first, then she will call back when it is safe to talk",
            "Her former partner has been controlling and still has a key to the house. Do not"
                + " leave voicemails or send letters to the home address. She knows about the"
                + " local domestic abuse service and has their number.",
            DR_REFERRER));
    receivedOn = LocalDate.now(UK).minusDays(6);
    actingAs.run(
        MANAGER,
        () ->
            referrals.submit(
                referral(
                    aire,
                    PersonDetails.builder()
                        .name("Arthur", "Penington")
                        .dateOfBirth(LocalDate.of(1938, 11, 2))
                        .sex(Sex.MALE)
                        .address("8 Sycamore Close", null, "Leeds", "LS7 2AH")
                        .phone("0113 496 0012", true)
                        .registeredPracticeId(kirkgate),
                    "PRACTICE_NURSE",
                    List.of("LONELINESS", "TRANSPORT"),
                    "Referred by phone. Stopped going to his lunch club when the bus route"
                        + " changed and now sees nobody from one week to the next.",
                    Urgency.ROUTINE,
                    ContactMethod.PHONE,
                    "Afternoons; hard of hearing, please speak clearly",
                    null,
                    PRACTICE_NURSE),
                Channel.WEB_FORM));
    receivedOn = LocalDate.now(UK).minusDays(4);
    Referral question =
        refer(
            REFERRER,
            referral(
                aire,
                PersonDetails.builder()
                    .name("Kwame", "Mensah")
                    .dateOfBirth(LocalDate.of(1979, 3, 8))
                    .sex(Sex.MALE)
                    .address("3 Roundhay Mount", null, "Leeds", "LS8 4DW")
                    .mobile("07700 900111", true)
                    .registeredPracticeId(kirkgate),
                "GP",
                List.of("EMPLOYMENT", "LONG_TERM_CONDITION"),
                "Type 2 diabetes. Lost his job last year.",
                Urgency.ROUTINE,
                ContactMethod.TEXT,
                null,
                null,
                DR_REFERRER));
    receivedOn = LocalDate.now(UK).minusDays(2);
    actingAs.run(
        MANAGER,
        () ->
            referrals.requestInformation(
                question.id(),
                question.version(),
                "Could you tell us what Mr Mensah would like help with, and whether he is looking"
                    + " for work now or for something to do in the meantime?"));
    // From the public form: nobody is signed in.
    referrals.submitSelfReferral(
        referral(
            aire,
            PersonDetails.builder()
                .name("Tomasz", "Nowak")
                .dateOfBirth(LocalDate.of(1994, 10, 25))
                .sex(Sex.MALE)
                .address("27 Tong Road", "Armley", "Leeds", "LS12 1LR")
                .mobile("07700 900112", true)
                .email("tomasz.nowak@example.com", true),
            "SELF",
            List.of("MENTAL_WELLBEING", "PHYSICAL_ACTIVITY"),
            "I moved here for work and don't know anyone. I used to play football and would like"
                + " to find a team or something to get me out of the flat.",
            Urgency.ROUTINE,
            ContactMethod.EMAIL,
            "Evenings after 6",
            null,
            ReferrerDetails.none()));
  }

  // ---- Lee Linkworker's cases ----

  private void zoe(UUID aire, UUID kirkgate, UUID lee, LocalDate today) {
    receivedOn = today.minusDays(30);
    UUID caseId =
        accepted(
            aire,
            lee,
            existing("999 000 0018", "Zoë", "Łukasiewicz-Nguyễn", LocalDate.of(1991, 4, 12), null)
                .sex(Sex.FEMALE)
                .mobile("07700 900101", true)
                .address("Flat 3, 27 Larkspur Road", "Headingley", "Leeds", "LS6 3BN")
                .registeredPracticeId(kirkgate),
            List.of("LONELINESS", "MENTAL_WELLBEING"),
            "Moved to Leeds for a new job in the spring and has not made friends outside work."
                + " Anxious in groups; would like to find something creative to do.");
    actingAs.run(
        LINK_WORKER,
        () -> {
          contact(
              caseId,
              "PHONE",
              today.minusDays(26),
              "10:30",
              20,
              ContactOutcome.ATTENDED,
              "Introductory call. Agreed to meet at the practice next week.");
          contact(
              caseId,
              "FACE_TO_FACE_PRACTICE",
              today.minusDays(19),
              "14:00",
              50,
              ContactOutcome.ATTENDED,
              "Talked through what matters to her. Keen on art and on walking.");
          contact(
              caseId,
              "COMMUNITY_VENUE",
              today.minusDays(12),
              "11:00",
              null,
              ContactOutcome.DID_NOT_ATTEND,
              "Did not come to the library taster session. Texted her afterwards.");
          contact(
              caseId,
              "PHONE",
              today.minusDays(9),
              "16:15",
              15,
              ContactOutcome.ATTENDED,
              "She had a panic attack on the way and turned back. Agreed to go together next"
                  + " time.");
          records.recordAssessment(
              caseId,
              0,
              new NewAssessment(
                  today.minusDays(19),
                  "I want to feel part of somewhere again, not just go to work and come home.",
                  List.of(
                      new AssessedNeed(
                          "LONELINESS",
                          Importance.A_LOT,
                          HowItIsGoing.NOT_VERY_WELL,
                          "Weekends are the worst. I can go two days without speaking to"
                              + " anyone."),
                      new AssessedNeed(
                          "MENTAL_WELLBEING",
                          Importance.SOMEWHAT,
                          HowItIsGoing.NOT_VERY_WELL,
                          "Crowded rooms make my heart race."),
                      new AssessedNeed(
                          "PHYSICAL_ACTIVITY",
                          Importance.A_LITTLE,
                          HowItIsGoing.QUITE_WELL,
                          null))));
          PlanGoal art =
              plans.addGoal(
                  caseId,
                  new GoalDraft(
                      "Go to an art group every week and get to know one or two people there",
                      List.of("LONELINESS", "MENTAL_WELLBEING"),
                      null,
                      today.plusWeeks(8)));
          plans.addStep(
              caseId,
              art.id(),
              new StepDraft(
                  "Find art groups in Headingley that meet at weekends",
                  StepOwner.LINK_WORKER,
                  null,
                  today.minusDays(12),
                  StepStatus.DONE));
          plans.addStep(
              caseId,
              art.id(),
              new StepDraft(
                  "Go to a taster session at the library, with Lee the first time",
                  StepOwner.PERSON,
                  null,
                  today.plusDays(5),
                  StepStatus.IN_PROGRESS));
          plans.addStep(
              caseId,
              art.id(),
              new StepDraft(
                  "Ask the group leader about a quieter table for newcomers",
                  StepOwner.SOMEONE_ELSE,
                  "Headingley Arts Collective",
                  null,
                  null));
          plans.addReview(
              caseId,
              art.id(),
              new ReviewDraft(
                  today.minusDays(9),
                  "Disappointed I turned back, but I still want to go. It helps knowing someone"
                      + " will be there.",
                  3));
          plans.addGoal(
              caseId,
              new GoalDraft(
                  "Walk with other people once a week", List.of("PHYSICAL_ACTIVITY"), null, null));
          records.addNote(
              caseId,
              "Zoë prefers texts to calls during the working day. She is happy for messages to"
                  + " say they are from the surgery.",
              false);
          records.addNote(
              caseId,
              "Zoë told me she had thoughts of self-harm last winter. None now, and she has a"
                  + " plan with her GP. Check in about this at each review.",
              true);
        });
  }

  private void agnieszka(UUID aire, UUID riverside, UUID lee, LocalDate today) {
    receivedOn = today.minusDays(18);
    UUID caseId =
        accepted(
            aire,
            lee,
            existing("999 000 0034", "Agnieszka", "Kowalczyk", LocalDate.of(1979, 6, 23), null)
                .sex(Sex.FEMALE)
                .mobile("07700 900102", true)
                .address("41 Harehills Walk", null, "Leeds", "LS9 6QE")
                .registeredPracticeId(riverside),
            List.of("MONEY", "CARER_SUPPORT"),
            "Cares for her son, who has cerebral palsy. Money is very tight since her hours were"
                + " cut. Needs a Polish interpreter.");
    actingAs.run(
        LINK_WORKER,
        () -> {
          contact(
              caseId,
              "HOME_VISIT",
              today.minusDays(15),
              "10:00",
              75,
              ContactOutcome.ATTENDED,
              "Home visit with a Polish interpreter. Went through her income and outgoings.");
          contact(
              caseId,
              "PHONE",
              today.minusDays(6),
              "13:30",
              25,
              ContactOutcome.ATTENDED,
              "Carer's Allowance claim sent. Booked her in with Money Matters Advice.");
          PlanGoal money =
              plans.addGoal(
                  caseId,
                  new GoalDraft(
                      "Claim everything I am entitled to as a carer",
                      List.of("MONEY", "CARER_SUPPORT"),
                      null,
                      today.plusWeeks(6)));
          plans.addStep(
              caseId,
              money.id(),
              new StepDraft(
                  "Benefits check with Money Matters Advice",
                  StepOwner.SOMEONE_ELSE,
                  "Money Matters Advice",
                  today.plusDays(10),
                  null));
          records.addNote(caseId, "Always book a Polish interpreter for visits and calls.", false);
        });
  }

  private void grace(UUID aire, UUID kirkgate, UUID lee, LocalDate today) {
    receivedOn = today.minusDays(13);
    UUID caseId =
        accepted(
            aire,
            lee,
            existing("999 000 0050", "Grace", "Okonkwo", LocalDate.of(1962, 9, 14), null)
                .sex(Sex.FEMALE)
                .phone("0113 496 0027", false)
                .email("grace.okonkwo@example.com", true)
                .address("5 Chapeltown Mews", null, "Leeds", "LS8 4JD")
                .registeredPracticeId(kirkgate),
            List.of("LONG_TERM_CONDITION", "FOOD"),
            "Newly diagnosed with type 2 diabetes and finding the changes to her diet hard."
                + " Interested in cooking classes.");
    actingAs.run(
        LINK_WORKER,
        () -> {
          contact(
              caseId,
              "VIDEO",
              today.minusDays(10),
              "09:30",
              40,
              ContactOutcome.ATTENDED,
              "Talked about the cooking course at the community centre; she will try it.");
          records.recordContact(
              caseId,
              new ContactDetails(
                  "COMMUNITY_VENUE",
                  today.plusDays(4),
                  LocalTime.of(11, 0),
                  60,
                  null,
                  "Meet at Chapeltown community centre before the first cooking class."));
        });
  }

  private void alex(UUID aire, UUID kirkgate, UUID lee, LocalDate today) {
    receivedOn = today.minusDays(11);
    UUID caseId =
        accepted(
            aire,
            lee,
            existing("999 000 0077", "Alex", "Morgan", LocalDate.of(1998, 2, 27), null)
                .sex(Sex.FEMALE)
                .mobile("07700 900104", true)
                .address("19 Kirkstall Row", null, "Leeds", "LS4 2QT")
                .registeredPracticeId(kirkgate),
            List.of("MENTAL_WELLBEING", "EMPLOYMENT"),
            "Finished university last year and has not found work. Low mood; would like to"
                + " volunteer to build confidence.");
    actingAs.run(
        LINK_WORKER,
        () -> {
          contact(
              caseId,
              "TEXT_OR_EMAIL",
              today.minusDays(8),
              "12:00",
              null,
              ContactOutcome.CANCELLED_BY_PERSON,
              "Alex asked to move our first meeting to the following week.");
          contact(
              caseId,
              "COMMUNITY_VENUE",
              today.minusDays(2),
              "15:00",
              45,
              ContactOutcome.ATTENDED,
              "Met at the Kirkstall volunteer centre. Alex liked the look of the food bank.");
          records.recordAssessment(
              caseId,
              0,
              new NewAssessment(
                  today.minusDays(2),
                  "To have a reason to get up in the morning and something to put on my CV.",
                  List.of(
                      new AssessedNeed(
                          "EMPLOYMENT",
                          Importance.A_LOT,
                          HowItIsGoing.NOT_WELL_AT_ALL,
                          "Every application gets no reply."),
                      new AssessedNeed(
                          "MENTAL_WELLBEING",
                          Importance.A_LOT,
                          HowItIsGoing.NOT_VERY_WELL,
                          null))));
          plans.addGoal(
              caseId,
              new GoalDraft(
                  "Volunteer one morning a week",
                  List.of("EMPLOYMENT", "MENTAL_WELLBEING"),
                  null,
                  today.plusWeeks(4)));
        });
  }

  private void awaitingFirstContact(UUID aire, UUID riverside, UUID lee) {
    receivedOn = LocalDate.now(UK).minusDays(5);
    accepted(
        aire,
        lee,
        PersonDetails.builder()
            .name("Harold", "Bateson")
            .dateOfBirth(LocalDate.of(1947, 12, 1))
            .sex(Sex.MALE)
            .address("22 Wortley Lane", null, "Leeds", "LS12 4RT")
            .phone("0113 496 0044", true)
            .registeredPracticeId(riverside),
        List.of("BEREAVEMENT", "LONELINESS"),
        "His wife died in the summer after 50 years of marriage. Says the house is too quiet.");
  }

  /** Referred by the demo referrer, worked and closed: they read its discharge summary. */
  private void closedCase(UUID aire, UUID kirkgate, UUID lee, LocalDate today) {
    receivedOn = today.minusDays(45);
    UUID caseId =
        accepted(
            aire,
            lee,
            PersonDetails.builder()
                .name("Edith", "Barraclough")
                .dateOfBirth(LocalDate.of(1952, 5, 16))
                .sex(Sex.FEMALE)
                .address("6 Moorfield Road", "Bramley", "Leeds", "LS13 3HF")
                .phone("0113 496 0055", true)
                .registeredPracticeId(kirkgate),
            List.of("LONELINESS", "PHYSICAL_ACTIVITY"),
            "Recovering well from a hip replacement but has lost touch with friends and her"
                + " confidence to go out.");
    actingAs.run(
        LINK_WORKER,
        () -> {
          contact(
              caseId,
              "HOME_VISIT",
              today.minusDays(41),
              "11:00",
              60,
              ContactOutcome.ATTENDED,
              "First visit. Edith used to swim and would like to again.");
          contact(
              caseId,
              "COMMUNITY_VENUE",
              today.minusDays(27),
              "10:00",
              90,
              ContactOutcome.ATTENDED,
              "Went with Edith to the gentle swim session at Bramley Baths.");
          contact(
              caseId,
              "PHONE",
              today.minusDays(6),
              "14:30",
              15,
              ContactOutcome.ATTENDED,
              "Edith now swims twice a week and has coffee with the group afterwards.");
          PlanGoal swim =
              plans.addGoal(
                  caseId,
                  new GoalDraft(
                      "Swim every week with other people",
                      List.of("LONELINESS", "PHYSICAL_ACTIVITY"),
                      null,
                      null));
          plans.addStep(
              caseId,
              swim.id(),
              new StepDraft(
                  "Go to the gentle swim session at Bramley Baths",
                  StepOwner.PERSON,
                  null,
                  null,
                  StepStatus.DONE));
          plans.addReview(
              caseId,
              swim.id(),
              new ReviewDraft(
                  today.minusDays(6), "I look forward to Tuesdays and Fridays now.", 9));
          PlanGoal current = plans.goalToChange(caseId, swim.id());
          plans.updateGoal(
              caseId,
              swim.id(),
              current.version(),
              new GoalDraft(
                  current.text(), current.needs(), GoalStatus.ACHIEVED, current.targetDate()));
          DischargeDraft draft =
              closures.draft(
                  caseId,
                  "GOALS_MET",
                  "Edith knows she can be referred again at any time through the practice.");
          CaseFile open = closures.caseToClose(caseId);
          closures.close(caseId, open.version(), "GOALS_MET", draft.text());
        });
  }

  // ---- helpers ----

  private void inOneTransaction(Runnable work) {
    transactions.executeWithoutResult(status -> work.run());
  }

  /** Refers as the demo referrer, the manager accepts and allocates to Lee; the case's id. */
  private UUID accepted(
      UUID aire, UUID lee, PersonDetails.Builder person, List<String> needs, String reason) {
    Referral r =
        refer(
            REFERRER,
            referral(
                aire,
                person,
                "GP",
                needs,
                reason,
                Urgency.ROUTINE,
                ContactMethod.PHONE,
                null,
                null,
                DR_REFERRER));
    return actingAs.call(MANAGER, () -> triage.accept(r.id(), r.version(), lee)).id();
  }

  private Referral refer(String email, NewReferral referral) {
    return actingAs.call(email, () -> referrals.submit(referral, Channel.WEB_FORM));
  }

  private NewReferral referral(
      UUID aire,
      PersonDetails.Builder person,
      String source,
      List<String> needs,
      String reason,
      Urgency urgency,
      ContactMethod method,
      String times,
      String safeguarding,
      ReferrerDetails referrer) {
    return new NewReferral(
        person.build(),
        source,
        needs,
        reason,
        true,
        true,
        urgency,
        method,
        times,
        safeguarding,
        referrer,
        aire,
        receivedOn);
  }

  /** A demo person as a referrer would give them: the NHS number matches the service's record. */
  private static PersonDetails.Builder existing(
      String nhsNumber, String given, String family, LocalDate born, Sex sex) {
    PersonDetails.Builder b =
        PersonDetails.builder().nhsNumber(nhsNumber).name(given, family).dateOfBirth(born);
    return sex == null ? b : b.sex(sex);
  }

  private void contact(
      UUID caseId,
      String type,
      LocalDate date,
      String time,
      Integer minutes,
      ContactOutcome outcome,
      String notes) {
    records.recordContact(
        caseId, new ContactDetails(type, date, LocalTime.parse(time), minutes, outcome, notes));
  }

  private UUID organisation(OrganisationType type, String name) {
    return identity.organisations(type).stream()
        .filter(o -> o.name().equals(name))
        .map(Organisation::id)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No demo organisation " + name));
  }
}
