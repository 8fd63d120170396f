package org.waymark.research;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.AccessPolicy;
import org.waymark.research.internal.FieldworkStore;
import org.waymark.research.internal.ParticipantStore;
import org.waymark.research.internal.StudyAccess;
import org.waymark.research.internal.StudyStore;
import org.waymark.shared.RecordNotFoundException;

/**
 * A study's data collection: observation periods at its sites, interviews with participants for its
 * timed events, which events each participant is due for (from the work packages' windows), and how
 * many were seen again. Withdrawn participants and those who declined are never due.
 */
@Service
public class Fieldwork {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final StudyStore studies;
  private final ParticipantStore participants;
  private final FieldworkStore store;
  private final StudyAccess access;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  Fieldwork(
      StudyStore studies,
      ParticipantStore participants,
      FieldworkStore store,
      StudyAccess access,
      AccessPolicy policy,
      AuditLog audit,
      Optional<Clock> clock) {
    this.studies = studies;
    this.participants = participants;
    this.store = store;
    this.access = access;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** Today in the UK. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(LONDON));
  }

  /** The study's observation periods, newest first. */
  @Transactional(readOnly = true)
  public List<Observation> observations(UUID studyId) {
    Study study = study(studyId);
    access.requireMember(study);
    return store.observations(study.organisationId(), studyId);
  }

  /**
   * Records an observation period by the signed-in researcher. Audited as {@code
   * OBSERVATION_RECORDED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public Observation recordObservation(
      UUID studyId,
      UUID siteId,
      LocalDate startsOn,
      LocalDate endsOn,
      BigDecimal hours,
      String fieldNotes) {
    Study study = study(studyId);
    access.requireMember(study);
    Map<String, String> problems = new LinkedHashMap<>();
    if (studies.sites(study.organisationId(), studyId).stream()
        .noneMatch(s -> s.id().equals(siteId))) {
      problems.put("siteId", "Choose a site of this study");
    }
    if (startsOn == null) {
      problems.put("startsOn", "Enter the first day of the observation");
    } else if (startsOn.isAfter(today())) {
      problems.put("startsOn", "The first day must be today or in the past");
    }
    if (endsOn == null) {
      problems.put("endsOn", "Enter the last day of the observation");
    } else if (startsOn != null && endsOn.isBefore(startsOn)) {
      problems.put("endsOn", "The last day must be on or after the first");
    }
    if (hours == null
        || hours.signum() <= 0
        || hours.compareTo(BigDecimal.valueOf(2000)) > 0
        || hours.scale() > 1) {
      problems.put("hours", "Enter the hours observed, for example 37.5");
    }
    String notes = fieldNotes == null || fieldNotes.isBlank() ? null : fieldNotes.strip();
    if (notes != null && notes.length() > 1000) {
      problems.put("fieldNotes", "The field note references must be 1,000 characters or fewer");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    UUID me = policy.currentUser().orElseThrow().userId();
    Observation o = new Observation(UUID.randomUUID(), siteId, me, startsOn, endsOn, hours, notes);
    store.insertObservation(study.organisationId(), studyId, o, me, clock.instant());
    audit.record(AuditEntry.allowed("OBSERVATION_RECORDED", "study", studyId, null));
    return o;
  }

  /** A participant's interviews, oldest first. */
  @Transactional(readOnly = true)
  public List<Interview> interviews(UUID studyId, UUID participantId) {
    Study study = study(studyId);
    access.requireMember(study);
    return store.interviews(study.organisationId(), studyId).stream()
        .filter(i -> i.participantId().equals(participantId))
        .toList();
  }

  /**
   * Records an interview the signed-in researcher held with a consented participant for one of the
   * study's events. Audited as {@code INTERVIEW_RECORDED}.
   *
   * @throws ResearchValidationException if the participant has not consented to interviews (or to
   *     recording, when it was recorded), has withdrawn, had that event already or not the one it
   *     counts from, or a field breaks a rule
   */
  @Transactional
  public Interview recordInterview(
      UUID studyId,
      UUID participantId,
      UUID eventId,
      LocalDate heldOn,
      InterviewMode mode,
      Integer minutes,
      Recording recording,
      Transcript transcript) {
    Study study = study(studyId);
    access.requireMember(study);
    ParticipantStore.Row p =
        participants
            .find(study.organisationId(), studyId, participantId)
            .orElseThrow(() -> new RecordNotFoundException("participant"));
    List<Consent> consents = participants.consents(study.organisationId(), participantId);
    Consent consent = consents.isEmpty() ? null : consents.get(consents.size() - 1);
    Map<String, String> problems = new LinkedHashMap<>();
    if (p.status() != ParticipantStatus.CONSENTED
        || consent == null
        || !consent.agreedTo(ConsentItem.INTERVIEW)) {
      problems.put("eventId", "Only a participant who consented to interviews can be interviewed");
    }
    List<StudyEvent> all =
        studies.workPackages(study.organisationId(), studyId).stream()
            .flatMap(w -> w.events().stream())
            .toList();
    StudyEvent event = all.stream().filter(e -> e.id().equals(eventId)).findFirst().orElse(null);
    if (event == null) {
      problems.put("eventId", "Choose the study event the interview was for");
    } else if (store.eventTaken(study.organisationId(), participantId, eventId)) {
      problems.put("eventId", "An interview for " + event.name() + " is recorded already");
    } else if (event.afterEventId() != null
        && !store.eventTaken(study.organisationId(), participantId, event.afterEventId())) {
      String before =
          all.stream()
              .filter(e -> e.id().equals(event.afterEventId()))
              .map(StudyEvent::name)
              .findFirst()
              .orElse("interview it counts from");
      problems.put(
          "eventId",
          "Record the "
              + before.toLowerCase(java.util.Locale.UK)
              + " before the "
              + event.name().toLowerCase(java.util.Locale.UK));
    }
    if (heldOn == null || heldOn.isAfter(today())) {
      problems.put("heldOn", "Enter the date of the interview, today or in the past");
    }
    if (mode == null) {
      problems.put("mode", "Choose how the interview was held");
    }
    if (minutes == null || minutes < 1 || minutes > 600) {
      problems.put("durationMinutes", "Enter how long it lasted, in minutes from 1 to 600");
    }
    if (recording == null) {
      problems.put("recording", "Choose whether it was recorded");
    } else if (recording == Recording.RECORDED
        && (consent == null || !consent.agreedTo(ConsentItem.AUDIO_RECORDING))) {
      problems.put("recording", "They did not consent to audio recording");
    }
    if (transcript == null) {
      problems.put("transcript", "Choose where the transcript stands");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    UUID me = policy.currentUser().orElseThrow().userId();
    Interview i =
        new Interview(
            UUID.randomUUID(),
            participantId,
            eventId,
            heldOn,
            mode,
            minutes,
            me,
            recording,
            transcript,
            false,
            0);
    store.insertInterview(study.organisationId(), studyId, i, me, clock.instant());
    audit.record(
        AuditEntry.allowed("INTERVIEW_RECORDED", "participant", participantId, null)
            .withDetail(event.name()));
    return i;
  }

  /**
   * Changes where an interview's recording and transcript stand, and whether it has been analysed.
   * Audited as {@code INTERVIEW_CHANGED}.
   *
   * @throws StudyConflictException if the interview changed since that version
   */
  @Transactional
  public void updateProgress(
      UUID studyId,
      UUID interviewId,
      long version,
      Recording recording,
      Transcript transcript,
      boolean analysed) {
    Study study = study(studyId);
    access.requireMember(study);
    Interview i =
        store
            .interview(study.organisationId(), studyId, interviewId)
            .orElseThrow(() -> new RecordNotFoundException("interview"));
    Map<String, String> problems = new LinkedHashMap<>();
    if (recording == null) {
      problems.put("recording", "Choose where the recording stands");
    } else if (recording == Recording.RECORDED && i.recording() != Recording.RECORDED) {
      problems.put("recording", "A recording cannot be added afterwards");
    }
    if (transcript == null) {
      problems.put("transcript", "Choose where the transcript stands");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    if (!store.updateProgress(
        study.organisationId(), studyId, interviewId, version, recording, transcript, analysed)) {
      throw new StudyConflictException();
    }
    audit.record(AuditEntry.allowed("INTERVIEW_CHANGED", "participant", i.participantId(), null));
  }

  /**
   * The events consented participants are due for, in the windows of the study's work packages:
   * upcoming (window not open yet), due (first half of the window), overdue (second half) and
   * missed (window closed without the interview). An event on enrolment with no window is due in
   * the four weeks after it. Soonest first.
   */
  @Transactional(readOnly = true)
  public List<DueEvent> due(UUID studyId) {
    Study study = study(studyId);
    access.requireMember(study);
    LocalDate today = today();
    List<StudyEvent> events =
        studies.workPackages(study.organisationId(), studyId).stream()
            .flatMap(w -> w.events().stream())
            .toList();
    Map<UUID, Map<UUID, LocalDate>> held = held(study);
    List<DueEvent> due = new ArrayList<>();
    for (ParticipantStore.Row p : participants.list(study.organisationId(), studyId)) {
      if (p.status() != ParticipantStatus.CONSENTED) {
        continue;
      }
      Map<UUID, LocalDate> mine = held.getOrDefault(p.id(), Map.of());
      LocalDate enrolled = enrolment(study, p);
      for (StudyEvent e : events) {
        if (mine.containsKey(e.id())) {
          continue;
        }
        LocalDate anchor = e.afterEventId() == null ? enrolled : mine.get(e.afterEventId());
        if (anchor == null) {
          continue;
        }
        LocalDate opens = anchor.plusMonths(e.fromMonths());
        LocalDate closes =
            e.toMonths() == 0 ? anchor.plusDays(27) : anchor.plusMonths(e.toMonths());
        LocalDate overdueFrom = opens.plusDays((ChronoUnit.DAYS.between(opens, closes) + 1) / 2);
        DueEvent.State state =
            today.isBefore(opens)
                ? DueEvent.State.UPCOMING
                : today.isBefore(overdueFrom)
                    ? DueEvent.State.DUE
                    : !today.isAfter(closes) ? DueEvent.State.OVERDUE : DueEvent.State.MISSED;
        due.add(
            new DueEvent(
                p.id(), p.studyCode(), e.id(), e.name(), opens, overdueFrom, closes, state));
      }
    }
    due.sort(Comparator.comparing(DueEvent::closesOn).thenComparing(DueEvent::studyCode));
    return due;
  }

  /**
   * For each event that counts from another: of the participants who had that one, how many had
   * this one, how many missed its window and how many withdrew before it.
   */
  @Transactional(readOnly = true)
  public List<Retention> retention(UUID studyId) {
    Study study = study(studyId);
    access.requireMember(study);
    LocalDate today = today();
    List<StudyEvent> events =
        studies.workPackages(study.organisationId(), studyId).stream()
            .flatMap(w -> w.events().stream())
            .toList();
    Map<UUID, String> names = new LinkedHashMap<>();
    events.forEach(e -> names.put(e.id(), e.name()));
    Map<UUID, Map<UUID, LocalDate>> held = held(study);
    List<ParticipantStore.Row> all = participants.list(study.organisationId(), studyId);
    List<Retention> figures = new ArrayList<>();
    for (StudyEvent e : events) {
      if (e.afterEventId() == null) {
        continue;
      }
      int eligible = 0;
      int done = 0;
      int missed = 0;
      int withdrawn = 0;
      for (ParticipantStore.Row p : all) {
        Map<UUID, LocalDate> mine = held.getOrDefault(p.id(), Map.of());
        LocalDate anchor = mine.get(e.afterEventId());
        if (anchor == null) {
          continue;
        }
        eligible++;
        if (mine.containsKey(e.id())) {
          done++;
        } else if (p.status() == ParticipantStatus.WITHDRAWN) {
          withdrawn++;
        } else if (today.isAfter(anchor.plusMonths(e.toMonths()))) {
          missed++;
        }
      }
      figures.add(
          new Retention(e.name(), names.get(e.afterEventId()), eligible, done, missed, withdrawn));
    }
    return figures;
  }

  /**
   * The study's progress: recruitment against targets by site and group, interviews held against
   * those eligible for each event, retention, and a timeline of dated milestones (the study's and
   * work packages' dates, meetings and outputs).
   */
  @Transactional(readOnly = true)
  public Progress progress(UUID studyId, List<Meeting> meetings, List<Output> outputs) {
    Study study = study(studyId);
    access.requireMember(study);
    LocalDate today = today();
    List<WorkPackage> wps = studies.workPackages(study.organisationId(), studyId);
    List<StudyEvent> events = wps.stream().flatMap(w -> w.events().stream()).toList();
    List<ParticipantStore.Row> all = participants.list(study.organisationId(), studyId);
    Map<UUID, Map<UUID, Integer>> recruited = new LinkedHashMap<>();
    for (ParticipantStore.Row p : all) {
      if (p.status() == ParticipantStatus.CONSENTED) {
        recruited
            .computeIfAbsent(p.siteId(), k -> new LinkedHashMap<>())
            .merge(p.groupId(), 1, Integer::sum);
      }
    }
    Map<UUID, Map<UUID, LocalDate>> held = held(study);
    Map<UUID, Integer> done = new LinkedHashMap<>();
    Map<UUID, Integer> eligible = new LinkedHashMap<>();
    for (StudyEvent e : events) {
      int d = 0;
      int el = 0;
      for (ParticipantStore.Row p : all) {
        Map<UUID, LocalDate> mine = held.getOrDefault(p.id(), Map.of());
        boolean had = mine.containsKey(e.id());
        boolean could =
            e.afterEventId() == null
                ? p.status() == ParticipantStatus.CONSENTED || had
                : mine.containsKey(e.afterEventId());
        if (could) {
          el++;
        }
        if (had) {
          d++;
        }
      }
      done.put(e.id(), d);
      eligible.put(e.id(), el);
    }
    List<Progress.Milestone> timeline = new ArrayList<>();
    if (study.startsOn() != null) {
      timeline.add(
          new Progress.Milestone(
              study.startsOn(), "The study starts", !study.startsOn().isAfter(today)));
    }
    if (study.endsOn() != null) {
      timeline.add(
          new Progress.Milestone(study.endsOn(), "The study ends", !study.endsOn().isAfter(today)));
    }
    for (WorkPackage w : wps) {
      if (w.startsOn() != null) {
        timeline.add(
            new Progress.Milestone(
                w.startsOn(), w.code() + " starts: " + w.title(), !w.startsOn().isAfter(today)));
      }
      if (w.endsOn() != null) {
        timeline.add(
            new Progress.Milestone(w.endsOn(), w.code() + " ends", !w.endsOn().isAfter(today)));
      }
    }
    meetings.forEach(
        m ->
            timeline.add(
                new Progress.Milestone(
                    m.heldOn(), m.kind().label() + " met", !m.heldOn().isAfter(today))));
    outputs.forEach(
        o ->
            timeline.add(
                new Progress.Milestone(
                    o.publishedOn(),
                    o.kind().label() + ": " + o.title(),
                    !o.publishedOn().isAfter(today))));
    timeline.sort(Comparator.comparing(Progress.Milestone::on));
    return new Progress(
        setupOf(study), recruited, done, eligible, retention(studyId), timeline, today);
  }

  private StudySetup setupOf(Study study) {
    UUID org = study.organisationId();
    return new StudySetup(
        study,
        access.requireMember(study),
        List.of(),
        studies.sites(org, study.id()),
        studies.groups(org, study.id()),
        studies.targets(org, study.id()),
        studies.workPackages(org, study.id()));
  }

  private Map<UUID, Map<UUID, LocalDate>> held(Study study) {
    Map<UUID, Map<UUID, LocalDate>> held = new LinkedHashMap<>();
    for (Interview i : store.interviews(study.organisationId(), study.id())) {
      held.computeIfAbsent(i.participantId(), k -> new LinkedHashMap<>())
          .put(i.eventId(), i.heldOn());
    }
    return held;
  }

  /** When a participant joined for timing purposes: their first consent, else when added. */
  private LocalDate enrolment(Study study, ParticipantStore.Row p) {
    List<Consent> consents = participants.consents(study.organisationId(), p.id());
    return consents.isEmpty() ? p.addedOn() : consents.get(0).consentedOn();
  }

  private Study study(UUID id) {
    return studies.findStudy(id).orElseThrow(() -> new RecordNotFoundException("study"));
  }
}
