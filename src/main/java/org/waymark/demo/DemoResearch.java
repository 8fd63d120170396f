package org.waymark.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.waymark.identity.ActingAs;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.UserAccount;
import org.waymark.research.ConsentItem;
import org.waymark.research.Fieldwork;
import org.waymark.research.Governance;
import org.waymark.research.InterviewMode;
import org.waymark.research.MeetingFormat;
import org.waymark.research.MeetingKind;
import org.waymark.research.OutputKind;
import org.waymark.research.Participant;
import org.waymark.research.Participants;
import org.waymark.research.Recording;
import org.waymark.research.Studies;
import org.waymark.research.StudyDetails;
import org.waymark.research.StudyRole;
import org.waymark.research.Transcript;

/**
 * The demo's study at the University of the Dales: seven sites (two of them Waymark's demo PCNs),
 * four participant groups with targets, two work packages (observation and first interviews; a
 * follow-up interview 9 to 12 months after the first), a consent form, professionals and patients
 * taking part with first interviews held, follow-ups due and overdue, meetings, public involvement
 * and a blog. Rory Researcher is its chief investigator and Dana Datamanager its data manager. All
 * through the research module's API as the demo accounts.
 */
@Component
class DemoResearch {

  static final String CHIEF = "researcher@" + DemoData.DOMAIN;
  static final String DATA_MANAGER = "datamanager@" + DemoData.DOMAIN;
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final ActingAs actingAs;
  private final IdentityManagement identity;
  private final Studies studies;
  private final Participants participants;
  private final Fieldwork fieldwork;
  private final Governance governance;

  DemoResearch(
      ActingAs actingAs,
      IdentityManagement identity,
      Studies studies,
      Participants participants,
      Fieldwork fieldwork,
      Governance governance) {
    this.actingAs = actingAs;
    this.identity = identity;
    this.studies = studies;
    this.participants = participants;
    this.fieldwork = fieldwork;
    this.governance = governance;
  }

  /** Loads it; call once, after the demo accounts exist. */
  void load() {
    LocalDate today = LocalDate.now(UK);
    UserAccount dana =
        identity.searchUsers(DATA_MANAGER).stream()
            .filter(u -> u.email().equals(DATA_MANAGER))
            .findFirst()
            .orElseThrow();
    UUID aire = pcn("Aire Valley PCN");
    UUID moorland = pcn("Moorland PCN");
    Map<String, UUID> ids = new java.util.HashMap<>();
    actingAs.run(
        CHIEF,
        () -> {
          UUID study =
              studies
                  .create(
                      new StudyDetails(
                          "Connecting communities: how link workers help people find support",
                          "CONNECT",
                          "How do social prescribing link workers help people with loneliness, money"
                              + " worries and housing find support in their community, and what"
                              + " difference does it make a year later?",
                          "NIHR School for Primary Care Research",
                          "SPCR-2025-0417",
                          "University of the Dales",
                          "25/YH/0132",
                          "connect-study@dales.example.ac.uk",
                          "0113 496 0999",
                          today.minusMonths(14),
                          today.plusMonths(10)))
                  .id();
          ids.put("study", study);
          studies.putMember(
              study, dana.id(), StudyRole.DATA_MANAGER, "Research data manager", null);
          studies.putMember(
              study,
              identity.searchUsers(CHIEF).get(0).id(),
              StudyRole.CHIEF_INVESTIGATOR,
              "Professor of Primary Care",
              "Rory has worked alongside link workers in West Yorkshire for ten years and leads the"
                  + " study's observation.");
          ids.put("S01", studies.addSite(study, "S01", null, aire).id());
          ids.put("S02", studies.addSite(study, "S02", null, moorland).id());
          String[] others = {
            "Calder Bridge PCN",
            "Wharfe Valley PCN",
            "Holme Moss PCN",
            "Ribble Fells PCN",
            "Nidd Dale PCN"
          };
          for (int i = 0; i < others.length; i++) {
            studies.addSite(study, "S0" + (i + 3), others[i], null);
          }
          ids.put("P", studies.addGroup(study, "P", "Patients").id());
          ids.put("H", studies.addGroup(study, "H", "Healthcare professionals").id());
          ids.put("V", studies.addGroup(study, "V", "VCS staff").id());
          ids.put("L", studies.addGroup(study, "L", "Link workers").id());
          Map<UUID, Map<UUID, String>> targets = new java.util.LinkedHashMap<>();
          for (var site : studies.find(study).sites()) {
            targets.put(
                site.id(),
                Map.of(ids.get("P"), "9", ids.get("H"), "3", ids.get("V"), "3", ids.get("L"), "1"));
          }
          studies.setTargets(study, targets);
          UUID wp1 =
              studies
                  .addWorkPackage(
                      study,
                      "WP1",
                      "Observation and first interviews",
                      "Three weeks with a link worker at each site, and interviews with patients,"
                          + " healthcare professionals and VCS staff.",
                      today.minusMonths(13),
                      today.minusMonths(2))
                  .id();
          UUID wp2 =
              studies
                  .addWorkPackage(
                      study,
                      "WP2",
                      "Follow-up interviews",
                      "The same patients, 9 to 12 months after their first interview.",
                      today.minusMonths(4),
                      today.plusMonths(9))
                  .id();
          ids.put("first", studies.addEvent(study, wp1, "First interview", null, 0, 1).id());
          ids.put(
              "followUp",
              studies.addEvent(study, wp2, "Follow-up interview", ids.get("first"), 9, 12).id());
          ids.put(
              "form",
              participants
                  .addDocument(
                      study,
                      null,
                      "1.0",
                      today.minusMonths(14),
                      Set.of(
                          ConsentItem.OBSERVATION,
                          ConsentItem.INTERVIEW,
                          ConsentItem.AUDIO_RECORDING,
                          ConsentItem.ANONYMISED_QUOTES,
                          ConsentItem.RECORD_LINKAGE,
                          ConsentItem.FUTURE_CONTACT),
                      Set.of(ConsentItem.INTERVIEW))
                  .id());
          governance.recordMeeting(
              study,
              MeetingKind.STEERING_COMMITTEE,
              today.minusMonths(2),
              MeetingFormat.ONLINE,
              "Independent chair, chief investigator, two public contributors, a link worker",
              "Recruitment at the seven sites; the follow-up interviews starting",
              "Keep recruiting patients at S05 for one more month");
          governance.recordMeeting(
              study,
              MeetingKind.PPI_GROUP,
              today.minusWeeks(3),
              MeetingFormat.IN_PERSON,
              "Five public contributors, the study manager",
              "The follow-up interview questions and the invitation letter",
              "Shorter letter, with a picture of the interviewer");
          governance.recordInvolvement(
              study,
              "Margaret (public contributor)",
              "Reviewed the follow-up interview questions",
              today.minusWeeks(3),
              new java.math.BigDecimal("2.5"),
              6250);
          governance.recordOutput(
              study,
              OutputKind.BLOG,
              "Three weeks with a link worker: what we saw",
              "R Researcher",
              today.minusMonths(1),
              "https://dales.example.ac.uk/connect/blog/three-weeks");
        });
    UUID study = ids.get("study");
    // Patients and professionals at the two demo PCNs, consented, first interviews held.
    List<String[]> people =
        List.of(
            new String[] {"S01", "P", "Ann Example", "11"},
            new String[] {"S01", "P", "Bob Example", "10"},
            new String[] {"S01", "P", "Cath Example", "13"},
            new String[] {"S02", "P", "Dev Example", "9"},
            new String[] {"S01", "H", "Dr Eve Example", "12"},
            new String[] {"S02", "V", "Fran Example", "12"});
    for (String[] p : people) {
      Participant added =
          actingAs.call(
              DATA_MANAGER,
              () -> participants.add(study, ids.get(p[0]), ids.get(p[1]), p[2], null, null, null));
      int monthsAgo = Integer.parseInt(p[3]);
      actingAs.run(
          CHIEF,
          () -> {
            participants.recordConsent(
                study,
                added.id(),
                added.version(),
                ids.get("form"),
                today.minusMonths(monthsAgo).minusDays(7),
                Set.of(
                    ConsentItem.OBSERVATION,
                    ConsentItem.INTERVIEW,
                    ConsentItem.AUDIO_RECORDING,
                    ConsentItem.ANONYMISED_QUOTES));
            fieldwork.recordInterview(
                study,
                added.id(),
                ids.get("first"),
                today.minusMonths(monthsAgo),
                InterviewMode.IN_PERSON,
                55,
                Recording.RECORDED,
                Transcript.CHECKED);
          });
    }
  }

  private UUID pcn(String name) {
    return identity.organisations(OrganisationType.PCN).stream()
        .filter(o -> o.name().equals(name))
        .map(Organisation::id)
        .findFirst()
        .orElseThrow();
  }
}
