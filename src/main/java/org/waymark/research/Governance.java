package org.waymark.research;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.waymark.research.internal.GovernanceStore;
import org.waymark.research.internal.StudyAccess;
import org.waymark.research.internal.StudyStore;
import org.waymark.shared.RecordNotFoundException;

/**
 * A study's governance and outputs: meetings of its steering committee, advisory group and PPI
 * group with decisions and actions; what public contributors did (and were paid, if recorded);
 * blogs, papers, presentations and events. For every member of the study team.
 */
@Service
public class Governance {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final StudyStore studies;
  private final GovernanceStore store;
  private final StudyAccess access;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  Governance(
      StudyStore studies,
      GovernanceStore store,
      StudyAccess access,
      AccessPolicy policy,
      AuditLog audit,
      Optional<Clock> clock) {
    this.studies = studies;
    this.store = store;
    this.access = access;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(LONDON));
  }

  /** The study's meetings, newest first. */
  @Transactional(readOnly = true)
  public List<Meeting> meetings(UUID studyId) {
    Study study = member(studyId);
    return store.meetings(study.organisationId(), studyId);
  }

  /**
   * Records a meeting. Audited as {@code MEETING_RECORDED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public Meeting recordMeeting(
      UUID studyId,
      MeetingKind kind,
      LocalDate heldOn,
      MeetingFormat format,
      String attendees,
      String topics,
      String decisions) {
    Study study = member(studyId);
    Map<String, String> problems = new LinkedHashMap<>();
    if (kind == null) {
      problems.put("kind", "Choose which group met");
    }
    if (heldOn == null) {
      problems.put("heldOn", "Enter the date of the meeting");
    }
    if (format == null) {
      problems.put("format", "Choose how it was held");
    }
    String who = text(attendees, 2000, "attendees", "Enter who attended", problems);
    String what = text(topics, 4000, "topics", "Enter what was discussed", problems);
    String decided = blank(decisions);
    if (decided != null && decided.length() > 4000) {
      problems.put("decisions", "The decisions must be 4,000 characters or fewer");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    Meeting m = new Meeting(UUID.randomUUID(), kind, heldOn, format, who, what, decided, List.of());
    store.insertMeeting(
        study.organisationId(),
        studyId,
        m,
        policy.currentUser().orElseThrow().userId(),
        clock.instant());
    audit.record(
        AuditEntry.allowed("MEETING_RECORDED", "study", studyId, null).withDetail(kind.name()));
    return m;
  }

  /**
   * Adds an action agreed at a meeting. Audited as {@code MEETING_ACTION_ADDED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public MeetingAction addAction(
      UUID studyId, UUID meetingId, String description, String owner, LocalDate dueOn) {
    Study study = member(studyId);
    store
        .meetingOf(study.organisationId(), studyId, meetingId)
        .orElseThrow(() -> new RecordNotFoundException("meeting"));
    Map<String, String> problems = new LinkedHashMap<>();
    String what = text(description, 1000, "description", "Enter the action", problems);
    String who = text(owner, 200, "owner", "Enter who owns it", problems);
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    MeetingAction a = new MeetingAction(UUID.randomUUID(), what, who, dueOn, null);
    store.insertAction(study.organisationId(), meetingId, a);
    audit.record(AuditEntry.allowed("MEETING_ACTION_ADDED", "study", studyId, null));
    return a;
  }

  /** Marks an action done today. Audited as {@code MEETING_ACTION_DONE}. */
  @Transactional
  public void completeAction(UUID studyId, UUID actionId) {
    Study study = member(studyId);
    if (!store.completeAction(study.organisationId(), studyId, actionId, today())) {
      throw new RecordNotFoundException("action");
    }
    audit.record(AuditEntry.allowed("MEETING_ACTION_DONE", "study", studyId, null));
  }

  /** What public contributors did, newest first. */
  @Transactional(readOnly = true)
  public List<Involvement> involvement(UUID studyId) {
    Study study = member(studyId);
    return store.involvement(study.organisationId(), studyId);
  }

  /**
   * Records a public contributor's involvement. Audited as {@code INVOLVEMENT_RECORDED}.
   *
   * @param paymentPence optional
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public Involvement recordInvolvement(
      UUID studyId,
      String contributor,
      String activity,
      LocalDate on,
      BigDecimal hours,
      Integer paymentPence) {
    Study study = member(studyId);
    Map<String, String> problems = new LinkedHashMap<>();
    String who =
        text(
            contributor,
            200,
            "contributor",
            "Enter the contributor's name, as they wish to be named",
            problems);
    String what = text(activity, 1000, "activity", "Enter what they did", problems);
    if (on == null || on.isAfter(today())) {
      problems.put("tookPlaceOn", "Enter the date, today or in the past");
    }
    if (hours != null && (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(500)) > 0)) {
      problems.put("hours", "Enter the hours, from 0.5 to 500, or leave it empty");
    }
    if (paymentPence != null && (paymentPence < 0 || paymentPence > 10_000_000)) {
      problems.put("payment", "Enter the payment in pounds, or leave it empty");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    Involvement i = new Involvement(UUID.randomUUID(), who, what, on, hours, paymentPence);
    store.insertInvolvement(study.organisationId(), studyId, i, clock.instant());
    audit.record(AuditEntry.allowed("INVOLVEMENT_RECORDED", "study", studyId, null));
    return i;
  }

  /** The study's outputs, newest first. */
  @Transactional(readOnly = true)
  public List<Output> outputs(UUID studyId) {
    Study study = member(studyId);
    return store.outputs(study.organisationId(), studyId);
  }

  /**
   * Records an output. Audited as {@code OUTPUT_RECORDED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public Output recordOutput(
      UUID studyId, OutputKind kind, String title, String authors, LocalDate on, String link) {
    Study study = member(studyId);
    Map<String, String> problems = new LinkedHashMap<>();
    if (kind == null) {
      problems.put("kind", "Choose what kind of output it is");
    }
    String t = text(title, 400, "title", "Enter the title", problems);
    String by = text(authors, 1000, "authors", "Enter the authors or presenters", problems);
    if (on == null) {
      problems.put("publishedOn", "Enter the date it was published or presented");
    }
    String url = blank(link);
    if (url != null && (!url.matches("https?://\\S+") || url.length() > 1000)) {
      problems.put("link", "Enter a web address starting with https://");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    Output o = new Output(UUID.randomUUID(), kind, t, by, on, url);
    store.insertOutput(study.organisationId(), studyId, o, clock.instant());
    audit.record(AuditEntry.allowed("OUTPUT_RECORDED", "study", studyId, null));
    return o;
  }

  private Study member(UUID studyId) {
    Study study =
        studies.findStudy(studyId).orElseThrow(() -> new RecordNotFoundException("study"));
    access.requireMember(study);
    return study;
  }

  private static String text(
      String value, int max, String field, String message, Map<String, String> problems) {
    String v = blank(value);
    if (v == null || v.length() > max) {
      problems.put(field, message + " (" + String.format("%,d", max) + " characters or fewer)");
    }
    return v;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
