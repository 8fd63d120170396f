package org.waymark.research;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.AccessPolicy;
import org.waymark.research.internal.StudyAccess;
import org.waymark.research.internal.StudyStore;
import org.waymark.research.internal.UpdateStore;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.SmallNumbers;
import org.waymark.shared.pdf.TextPdf;

/**
 * Study updates for partners and public contributors, composed from the study's own records (each
 * work package with its figures, meetings held and outputs in the period, a team member's profile,
 * the funder) with the team's words for each part. The team previews and edits a draft, then
 * publishes it as a page and a PDF; published issues are kept as they were. Figures about people
 * are given with small numbers suppressed, in plain words.
 */
@Service
public class StudyUpdates {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String MEET_THE_TEAM = "Meet the team";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final StudyStore studies;
  private final Studies studyApi;
  private final Fieldwork fieldwork;
  private final Governance governance;
  private final UpdateStore store;
  private final StudyAccess access;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final SmallNumbers smallNumbers;

  StudyUpdates(
      StudyStore studies,
      Studies studyApi,
      Fieldwork fieldwork,
      Governance governance,
      UpdateStore store,
      StudyAccess access,
      AccessPolicy policy,
      AuditLog audit,
      Optional<Clock> clock,
      @Value("${waymark.research.suppression-threshold:7}") int threshold) {
    this.studies = studies;
    this.studyApi = studyApi;
    this.fieldwork = fieldwork;
    this.governance = governance;
    this.store = store;
    this.access = access;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
    this.smallNumbers = new SmallNumbers(threshold);
  }

  /** The study's updates, newest period first: drafts and published issues. */
  @Transactional(readOnly = true)
  public List<StudyUpdate> list(UUID studyId) {
    Study study = member(studyId);
    return store.list(study.organisationId(), studyId);
  }

  /** One update. */
  @Transactional(readOnly = true)
  public StudyUpdate find(UUID studyId, UUID updateId) {
    Study study = member(studyId);
    return store
        .find(study.organisationId(), studyId, updateId)
        .orElseThrow(() -> new RecordNotFoundException("study update"));
  }

  /**
   * Starts a draft covering the time since the last update (or the study's start) to today, with
   * suggested words for each part. Audited as {@code STUDY_UPDATE_STARTED}.
   */
  @Transactional
  public StudyUpdate start(UUID studyId) {
    Study study = member(studyId);
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    LocalDate from =
        store.list(study.organisationId(), studyId).stream()
            .filter(StudyUpdate::published)
            .map(u -> u.periodTo().plusDays(1))
            .findFirst()
            .orElse(
                study.startsOn() != null && !study.startsOn().isAfter(today)
                    ? study.startsOn()
                    : today.minusMonths(6));
    if (from.isAfter(today)) {
      from = today;
    }
    Map<String, String> words = new LinkedHashMap<>();
    words.put(
        UpdatePart.INTRODUCTION.name(),
        "Welcome to this update on "
            + study.title()
            + ". Here is where the study has got to, what our"
            + " groups have discussed, and what we have shared.");
    words.put(
        UpdatePart.STAY_IN_TOUCH.name(),
        contact(study).isEmpty()
            ? "To hear more, or to take part, contact the study team."
            : "To hear more, or to take part, contact the study team: " + contact(study) + ".");
    words.put(
        UpdatePart.ACKNOWLEDGEMENTS.name(),
        "We thank everyone who has given their time to the study.");
    words.put(
        UpdatePart.DISCLAIMER.name(),
        "The views expressed are those of the authors and not necessarily those of "
            + (study.funder() != null ? study.funder() + ", " : "")
            + "the NHS or the Department of Health and Social Care.");
    StudyUpdate u =
        new StudyUpdate(
            UUID.randomUUID(),
            studyId,
            "Study update, " + DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK).format(today),
            from,
            today,
            words,
            null,
            false,
            null,
            null,
            0);
    store.insert(study.organisationId(), u, clock.instant());
    audit.record(AuditEntry.allowed("STUDY_UPDATE_STARTED", "study", studyId, null));
    return u;
  }

  /**
   * Saves a draft's title, period, featured member and words. Audited as {@code
   * STUDY_UPDATE_CHANGED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   * @throws StudyConflictException if the draft changed since that version or was published
   */
  @Transactional
  public StudyUpdate save(
      UUID studyId,
      UUID updateId,
      long version,
      String title,
      LocalDate from,
      LocalDate to,
      UUID featuredUserId,
      Map<String, String> words) {
    Study study = member(studyId);
    StudyUpdate current = find(studyId, updateId);
    Map<String, String> problems = new LinkedHashMap<>();
    String t = title == null ? "" : title.strip();
    if (t.isEmpty() || t.length() > 200) {
      problems.put("title", "Enter a title (200 characters or fewer)");
    }
    if (from == null) {
      problems.put("periodFrom", "Enter the first day the update covers");
    }
    if (to == null) {
      problems.put("periodTo", "Enter the last day the update covers");
    } else if (from != null && to.isBefore(from)) {
      problems.put("periodTo", "The last day must be on or after the first");
    }
    if (featuredUserId != null
        && studies.members(study.organisationId(), studyId).stream()
            .noneMatch(m -> m.userId().equals(featuredUserId))) {
      problems.put("featuredUserId", "Choose a member of the study team");
    }
    Map<String, String> kept = new LinkedHashMap<>();
    words.forEach(
        (k, v) -> {
          String w = v == null ? "" : v.strip();
          if (w.length() > 4000) {
            problems.put("words-" + k, "Each part must be 4,000 characters or fewer");
          }
          kept.put(k, w);
        });
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    StudyUpdate u =
        new StudyUpdate(
            updateId, studyId, t, from, to, kept, featuredUserId, false, null, null, version);
    if (current.published() || !store.update(study.organisationId(), u, version)) {
      throw new StudyConflictException();
    }
    audit.record(AuditEntry.allowed("STUDY_UPDATE_CHANGED", "study", studyId, null));
    return find(studyId, updateId);
  }

  /** The update as it would read now, from the study's records and the team's words. */
  @Transactional(readOnly = true)
  public ComposedUpdate compose(UUID studyId, UUID updateId) {
    StudyUpdate u = find(studyId, updateId);
    return u.published() ? u.composed() : compose(u);
  }

  private ComposedUpdate compose(StudyUpdate u) {
    StudySetup setup = studyApi.find(u.studyId());
    Study study = setup.study();
    List<ComposedUpdate.Section> sections = new ArrayList<>();
    sections.add(
        section(
            UpdatePart.INTRODUCTION.label(), u.words(UpdatePart.INTRODUCTION.name()), List.of()));

    Progress progress =
        fieldwork.progress(
            u.studyId(), governance.meetings(u.studyId()), governance.outputs(u.studyId()));
    List<String> overall = new ArrayList<>();
    overall.add(
        "People taking part: "
            + count(progress.recruitedInAll())
            + (progress.targetOfAll() > 0 ? ", against a target of " + progress.targetOfAll() : "")
            + ".");
    for (Retention r : progress.retention()) {
      overall.add(
          r.eligible() <= smallNumbers.threshold()
              ? r.eventName() + ": too early to report."
              : r.eventName()
                  + ": "
                  + count(r.done())
                  + " of "
                  + count(r.eligible())
                  + " seen again.");
    }
    sections.add(new ComposedUpdate.Section("Where the study is", List.of(), overall));
    for (WorkPackage w : setup.workPackages()) {
      List<String> figures = new ArrayList<>();
      for (StudyEvent e : w.events()) {
        figures.add(
            e.name() + ": " + count(progress.eventsDone().getOrDefault(e.id(), 0)) + " held.");
      }
      sections.add(section(w.code() + ": " + w.title(), u.words(w.id().toString()), figures));
    }

    List<String> meetings = new ArrayList<>();
    for (Meeting m : governance.meetings(u.studyId())) {
      if (!m.heldOn().isBefore(u.periodFrom()) && !m.heldOn().isAfter(u.periodTo())) {
        meetings.add(
            m.kind().label()
                + ", "
                + DAY.format(m.heldOn())
                + " ("
                + m.format().label().toLowerCase(Locale.UK)
                + "). Discussed: "
                + m.topics()
                + (m.decisions() != null ? " Decided: " + m.decisions() : ""));
      }
    }
    sections.add(
        new ComposedUpdate.Section(
            "Meetings in this period",
            meetings.isEmpty() ? List.of("No meetings were held in this period.") : List.of(),
            meetings));

    List<String> outputs = new ArrayList<>();
    for (Output o : governance.outputs(u.studyId())) {
      if (!o.publishedOn().isBefore(u.periodFrom()) && !o.publishedOn().isAfter(u.periodTo())) {
        outputs.add(
            o.kind().label()
                + ": "
                + o.title()
                + ", "
                + o.authors()
                + ", "
                + DAY.format(o.publishedOn())
                + (o.link() != null ? ". " + o.link() : ""));
      }
    }
    sections.add(
        new ComposedUpdate.Section(
            "Recent outputs",
            outputs.isEmpty() ? List.of("Nothing new was published in this period.") : List.of(),
            outputs));

    setup.team().stream()
        .filter(m -> m.userId().equals(u.featuredUserId()))
        .findFirst()
        .ifPresent(
            m -> {
              List<String> about = new ArrayList<>();
              about.add(
                  m.name()
                      + ", "
                      + (m.jobTitle() != null ? m.jobTitle() + ", " : "")
                      + m.role().label().toLowerCase(Locale.UK)
                      + " on the study.");
              if (m.profile() != null) {
                about.addAll(paragraphs(m.profile()));
              }
              sections.add(new ComposedUpdate.Section(MEET_THE_TEAM, about, List.of()));
            });

    sections.add(
        section(
            UpdatePart.STAY_IN_TOUCH.label(), u.words(UpdatePart.STAY_IN_TOUCH.name()), List.of()));
    List<String> thanks = new ArrayList<>();
    if (study.funder() != null) {
      thanks.add(
          "This study is funded by "
              + study.funder()
              + (study.grantNumber() != null ? " (grant " + study.grantNumber() + ")" : "")
              + ".");
    }
    thanks.addAll(paragraphs(u.words(UpdatePart.ACKNOWLEDGEMENTS.name())));
    sections.add(
        new ComposedUpdate.Section(UpdatePart.ACKNOWLEDGEMENTS.label(), thanks, List.of()));
    sections.add(
        section(UpdatePart.DISCLAIMER.label(), u.words(UpdatePart.DISCLAIMER.name()), List.of()));
    return new ComposedUpdate(
        u.title(), DAY.format(u.periodFrom()) + " to " + DAY.format(u.periodTo()), sections);
  }

  /**
   * Publishes a draft: composed now and kept as it is, with its PDF. Audited as {@code
   * STUDY_UPDATE_PUBLISHED}.
   *
   * @throws StudyConflictException if the draft changed since that version or was published
   */
  @Transactional
  public StudyUpdate publish(UUID studyId, UUID updateId, long version) {
    Study study = member(studyId);
    StudyUpdate u = find(studyId, updateId);
    if (u.published()) {
      throw new StudyConflictException();
    }
    ComposedUpdate composed = compose(u);
    Photo photo =
        u.featuredUserId() == null
            ? null
            : studies.photo(study.organisationId(), studyId, u.featuredUserId()).orElse(null);
    byte[] pdf = pdf(study, composed, photo);
    if (!store.publish(
        study.organisationId(),
        updateId,
        version,
        composed,
        pdf,
        photo,
        policy.currentUser().orElseThrow().userId(),
        clock.instant())) {
      throw new StudyConflictException();
    }
    audit.record(
        AuditEntry.allowed("STUDY_UPDATE_PUBLISHED", "study", studyId, null).withDetail(u.title()));
    return find(studyId, updateId);
  }

  /**
   * A published issue for its public page, which anyone with the address may read (it is written
   * for the public, with small numbers suppressed); empty for anything not published.
   *
   * @return the study's title and the issue
   */
  @Transactional(readOnly = true)
  public Optional<Map.Entry<String, StudyUpdate>> publicIssue(UUID updateId) {
    return store.published(updateId);
  }

  /** The photo a published issue showed, for its public page; empty if none. */
  @Transactional(readOnly = true)
  public Optional<Photo> publicPhoto(UUID updateId) {
    return store.publishedPhoto(updateId);
  }

  /** A published issue's PDF for its public page; empty for anything not published. */
  @Transactional(readOnly = true)
  public Optional<byte[]> publicPdf(UUID updateId) {
    return store.publishedPdf(updateId);
  }

  /** A published issue's PDF. */
  @Transactional(readOnly = true)
  public byte[] pdf(UUID studyId, UUID updateId) {
    Study study = member(studyId);
    return store
        .pdf(study.organisationId(), studyId, updateId)
        .orElseThrow(() -> new RecordNotFoundException("published study update"));
  }

  private static byte[] pdf(Study study, ComposedUpdate c, Photo photo) {
    try (TextPdf pdf = TextPdf.create(c.title(), study.title())) {
      pdf.heading(c.title(), 1);
      pdf.paragraph(study.title());
      pdf.paragraph(c.period());
      for (ComposedUpdate.Section s : c.sections()) {
        pdf.heading(s.heading(), 2);
        if (photo != null && s.heading().equals(MEET_THE_TEAM)) {
          pdf.image(photo.bytes(), "team member", 120);
        }
        s.paragraphs().forEach(pdf::paragraph);
        s.bullets().forEach(pdf::bullet);
      }
      return pdf.bytes();
    }
  }

  /**
   * A count of people for the public, in words, by the rules of {@link SmallNumbers}: none; fewer
   * than the threshold plus one for small numbers (which could identify someone); otherwise rounded
   * to the nearest 5.
   */
  String count(int n) {
    if (n == 0) {
      return "none";
    }
    if (smallNumbers.isSmall(n)) {
      return "fewer than " + (smallNumbers.threshold() + 1);
    }
    long rounded = SmallNumbers.rounded(n);
    return rounded == n ? Long.toString(n) : "about " + rounded;
  }

  private static ComposedUpdate.Section section(
      String heading, String words, List<String> bullets) {
    return new ComposedUpdate.Section(heading, paragraphs(words), bullets);
  }

  private static List<String> paragraphs(String words) {
    if (words == null || words.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String p : words.replace("\r\n", "\n").split("\n\\s*\n")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static String contact(Study s) {
    List<String> ways = new ArrayList<>();
    if (s.contactEmail() != null) {
      ways.add(s.contactEmail());
    }
    if (s.contactPhone() != null) {
      ways.add(s.contactPhone());
    }
    return String.join(" or ", ways);
  }

  private Study member(UUID studyId) {
    Study study =
        studies.findStudy(studyId).orElseThrow(() -> new RecordNotFoundException("study"));
    access.requireMember(study);
    return study;
  }
}
