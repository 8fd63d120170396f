package org.waymark.research;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.identity.WaymarkUser;
import org.waymark.research.internal.StudyAccess;
import org.waymark.research.internal.StudyStore;
import org.waymark.shared.RecordNotFoundException;

/**
 * Studies and their set-up: details, team, sites, participant groups with recruitment targets, and
 * work packages with their timed events. A researcher starts a study for the organisation they act
 * for and becomes its chief investigator; members reach it, and those whose role sets it up change
 * it. Every change is audited.
 */
@Service
public class Studies {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final StudyStore store;
  private final StudyAccess access;
  private final IdentityManagement identity;
  private final AuditLog audit;
  private final Clock clock;

  Studies(
      StudyStore store,
      StudyAccess access,
      IdentityManagement identity,
      AuditLog audit,
      Optional<Clock> clock) {
    this.store = store;
    this.access = access;
    this.identity = identity;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** The studies of the organisation acted for that the user is a member of, by title. */
  @Transactional(readOnly = true)
  public List<Study> mine() {
    WaymarkUser user = access.researcher();
    return store.studiesOf(user.organisationId(), user.userId());
  }

  /**
   * Starts a study for the organisation the researcher acts for; they become its chief
   * investigator. Audited as {@code STUDY_CREATED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public Study create(StudyDetails details) {
    WaymarkUser user = access.researcher();
    StudyDetails d = clean(details);
    check(user.organisationId(), d, null);
    UUID id = UUID.randomUUID();
    store.insertStudy(user.organisationId(), id, d, user.userId(), clock.instant());
    store.putMember(
        user.organisationId(),
        id,
        user.userId(),
        StudyRole.CHIEF_INVESTIGATOR,
        null,
        null,
        clock.instant());
    audit.record(AuditEntry.allowed("STUDY_CREATED", "study", id, null));
    return store.findStudy(id).orElseThrow();
  }

  /**
   * Checks a study's details without storing them, so that a form shows every problem at once.
   *
   * @param studyId the study being changed; null for a new one
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional(readOnly = true)
  public void check(StudyDetails details, UUID studyId) {
    WaymarkUser user = access.researcher();
    check(
        studyId == null ? user.organisationId() : study(studyId).organisationId(),
        clean(details),
        studyId);
  }

  /** One study with its whole set-up, for a member. */
  @Transactional(readOnly = true)
  public StudySetup find(UUID studyId) {
    Study study = study(studyId);
    StudyRole role = access.requireMember(study);
    UUID org = study.organisationId();
    List<StudyMember> team =
        store.members(org, studyId).stream()
            .map(
                m -> {
                  Optional<UserAccount> u = identity.user(m.userId());
                  return new StudyMember(
                      m.userId(),
                      u.map(UserAccount::displayName).orElse("Former user"),
                      u.map(UserAccount::email).orElse(null),
                      m.role(),
                      m.jobTitle(),
                      m.profile());
                })
            .toList();
    return new StudySetup(
        study,
        role,
        team,
        store.sites(org, studyId),
        store.groups(org, studyId),
        store.targets(org, studyId),
        store.workPackages(org, studyId));
  }

  /**
   * Changes the study's details. Audited as {@code STUDY_CHANGED}.
   *
   * @throws StudyConflictException if the study changed since that version
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public Study update(UUID studyId, long version, StudyDetails details) {
    Study study = study(studyId);
    access.requireSetUp(study);
    StudyDetails d = clean(details);
    check(study.organisationId(), d, studyId);
    if (!store.updateStudy(study.organisationId(), studyId, version, d)) {
      throw new StudyConflictException();
    }
    audit.record(AuditEntry.allowed("STUDY_CHANGED", "study", studyId, null));
    return store.findStudy(studyId).orElseThrow();
  }

  /** The researchers of the study's organisation who could join its team (those not on it yet). */
  @Transactional(readOnly = true)
  public List<UserAccount> candidates(UUID studyId) {
    Study study = study(studyId);
    access.requireSetUp(study);
    List<UUID> on =
        store.members(study.organisationId(), studyId).stream()
            .map(StudyStore.MemberRow::userId)
            .toList();
    return identity.usersWithRole(study.organisationId(), Role.RESEARCHER).stream()
        .filter(u -> !on.contains(u.id()))
        .toList();
  }

  /**
   * Adds a researcher of the study's organisation to its team, or changes a member's role and
   * profile. The study always keeps a member who sets it up. Audited as {@code
   * STUDY_MEMBER_CHANGED}.
   *
   * @throws ResearchValidationException if the user is not a researcher of the organisation, no
   *     role is given, or the change would leave nobody to set the study up
   */
  @Transactional
  public void putMember(
      UUID studyId, UUID userId, StudyRole role, String jobTitle, String profile) {
    Study study = study(studyId);
    access.requireSetUp(study);
    store.lock(study.organisationId(), studyId);
    Map<String, String> problems = new LinkedHashMap<>();
    boolean researcher =
        userId != null
            && identity.usersWithRole(study.organisationId(), Role.RESEARCHER).stream()
                .anyMatch(u -> u.id().equals(userId));
    if (!researcher) {
      problems.put("userId", "Choose a researcher of " + organisationName(study));
    }
    if (role == null) {
      problems.put("role", "Choose their role on the study");
    }
    String title = blankToNull(jobTitle);
    String about = blankToNull(profile);
    if (title != null && title.length() > 200) {
      problems.put("jobTitle", "Job title must be 200 characters or fewer");
    }
    if (about != null && about.length() > 2000) {
      problems.put("profile", "The profile must be 2,000 characters or fewer");
    }
    if (problems.isEmpty() && !role.setsUp() && lastToSetUp(study, userId)) {
      problems.put(
          "role", "Someone on the team must set the study up: give another member that role first");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    store.putMember(study.organisationId(), studyId, userId, role, title, about, clock.instant());
    audit.record(
        AuditEntry.allowed("STUDY_MEMBER_CHANGED", "study", studyId, null)
            .withDetail(userId + " " + role));
  }

  /**
   * Sets a team member's photo for study updates: a PNG or JPEG of up to 1 MB and 4,000 pixels a
   * side. Those who set the study up may set anyone's; members their own. Audited as {@code
   * STUDY_MEMBER_PHOTO_CHANGED}.
   *
   * @param bytes the file as uploaded; null or empty to remove the photo
   * @throws ResearchValidationException if it is not such an image
   */
  @Transactional
  public void setPhoto(UUID studyId, UUID userId, byte[] bytes) {
    Study study = study(studyId);
    StudyRole role = access.requireMember(study);
    UUID me = access.researcher().userId();
    if (!role.setsUp() && !me.equals(userId)) {
      access.requireSetUp(study);
    }
    Photo photo = null;
    if (bytes != null && bytes.length > 0) {
      String type = imageType(bytes);
      if (bytes.length > 1_048_576 || type == null) {
        throw new ResearchValidationException(
            "photo",
            "Choose a PNG or JPEG photo of 1 MB or less, up to 4,000 pixels wide and high");
      }
      photo = new Photo(bytes, type);
    }
    if (!store.setPhoto(study.organisationId(), studyId, userId, photo)) {
      throw new RecordNotFoundException("team member");
    }
    audit.record(
        AuditEntry.allowed("STUDY_MEMBER_PHOTO_CHANGED", "study", studyId, null)
            .withDetail(userId.toString()));
  }

  /** A team member's photo, for the study's members. */
  @Transactional(readOnly = true)
  public Optional<Photo> photo(UUID studyId, UUID userId) {
    Study study = study(studyId);
    access.requireMember(study);
    return store.photo(study.organisationId(), studyId, userId);
  }

  /** image/png or image/jpeg if the bytes are a readable image of sensible size; else null. */
  static String imageType(byte[] bytes) {
    String type;
    if (bytes.length > 8
        && (bytes[0] & 0xff) == 0x89
        && bytes[1] == 'P'
        && bytes[2] == 'N'
        && bytes[3] == 'G') {
      type = "image/png";
    } else if (bytes.length > 3
        && (bytes[0] & 0xff) == 0xff
        && (bytes[1] & 0xff) == 0xd8
        && (bytes[2] & 0xff) == 0xff) {
      type = "image/jpeg";
    } else {
      return null;
    }
    // The size in the header is checked before the pixels are decoded: a small file may claim
    // to be 50,000 pixels square, and decoding it would take gigabytes.
    try (javax.imageio.stream.ImageInputStream in =
        javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
      java.util.Iterator<javax.imageio.ImageReader> readers =
          javax.imageio.ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      javax.imageio.ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1 || width > 4000 || height > 4000) {
          return null;
        }
        if (reader.read(0) == null) {
          return null;
        }
      } finally {
        reader.dispose();
      }
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
    return type;
  }

  /**
   * Takes someone off the team. Audited as {@code STUDY_MEMBER_REMOVED}.
   *
   * @throws ResearchValidationException if they are the last member who sets the study up
   */
  @Transactional
  public void removeMember(UUID studyId, UUID userId) {
    Study study = study(studyId);
    access.requireSetUp(study);
    store.lock(study.organisationId(), studyId);
    if (lastToSetUp(study, userId)) {
      throw new ResearchValidationException(
          "userId",
          "Someone on the team must set the study up: give another member that role first");
    }
    if (store.removeMember(study.organisationId(), studyId, userId)) {
      audit.record(
          AuditEntry.allowed("STUDY_MEMBER_REMOVED", "study", studyId, null)
              .withDetail(userId.toString()));
    }
  }

  private boolean lastToSetUp(Study study, UUID userId) {
    List<StudyStore.MemberRow> setters =
        store.members(study.organisationId(), study.id()).stream()
            .filter(m -> m.role().setsUp())
            .toList();
    return setters.size() == 1 && setters.get(0).userId().equals(userId);
  }

  /**
   * Adds a site. Audited as {@code STUDY_SITE_ADDED}.
   *
   * @param siteOrganisationId the organisation in Waymark the site is; may be null
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public Site addSite(UUID studyId, String code, String name, UUID siteOrganisationId) {
    Study study = study(studyId);
    access.requireSetUp(study);
    store.lock(study.organisationId(), studyId);
    String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    String n = blankToNull(name);
    Map<String, String> problems = new LinkedHashMap<>();
    if (!c.matches("[A-Z0-9]{1,6}")) {
      problems.put("code", "Enter a code of 1 to 6 letters or numbers, for example S03");
    } else if (store.sites(study.organisationId(), studyId).stream()
        .anyMatch(s -> s.code().equals(c))) {
      problems.put("code", "Another site of this study has the code " + c);
    }
    if (siteOrganisationId != null && identity.organisation(siteOrganisationId).isEmpty()) {
      problems.put("siteOrganisationId", "Choose an organisation from the list");
    }
    if (n == null && siteOrganisationId != null) {
      n = identity.organisation(siteOrganisationId).map(Organisation::name).orElse(null);
    }
    if (n == null) {
      problems.put("name", "Enter the site's name, or choose its organisation");
    } else if (n.length() > 200) {
      problems.put("name", "The name must be 200 characters or fewer");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    Site site = new Site(UUID.randomUUID(), c, n, siteOrganisationId);
    store.insertSite(study.organisationId(), studyId, site);
    audit.record(AuditEntry.allowed("STUDY_SITE_ADDED", "study", studyId, null).withDetail(c));
    return site;
  }

  /**
   * Adds a participant group. Audited as {@code STUDY_GROUP_ADDED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public ParticipantGroup addGroup(UUID studyId, String code, String name) {
    Study study = study(studyId);
    access.requireSetUp(study);
    store.lock(study.organisationId(), studyId);
    String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    String n = blankToNull(name);
    Map<String, String> problems = new LinkedHashMap<>();
    if (!c.matches("[A-Z]{1,3}")) {
      problems.put("code", "Enter a code of 1 to 3 letters, for example P for patients");
    } else if (store.groups(study.organisationId(), studyId).stream()
        .anyMatch(g -> g.code().equals(c))) {
      problems.put("code", "Another group of this study has the code " + c);
    }
    if (n == null || n.length() > 200) {
      problems.put(
          "name", "Enter the group's name, for example Patients (200 characters or fewer)");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    ParticipantGroup g = new ParticipantGroup(UUID.randomUUID(), c, n);
    store.insertGroup(study.organisationId(), studyId, g);
    audit.record(AuditEntry.allowed("STUDY_GROUP_ADDED", "study", studyId, null).withDetail(c));
    return g;
  }

  /**
   * Sets the recruitment targets: for each site id, for each group id, a number (0 to 100,000) or
   * null for none. All or nothing. Audited as {@code STUDY_TARGETS_CHANGED}.
   *
   * @throws ResearchValidationException naming each cell (site id, a dot, group id) that is not a
   *     number in range, or a site or group not of this study
   */
  @Transactional
  public void setTargets(UUID studyId, Map<UUID, Map<UUID, String>> targets) {
    Study study = study(studyId);
    access.requireSetUp(study);
    store.lock(study.organisationId(), studyId);
    List<UUID> sites = store.sites(study.organisationId(), studyId).stream().map(Site::id).toList();
    List<UUID> groups =
        store.groups(study.organisationId(), studyId).stream().map(ParticipantGroup::id).toList();
    Map<String, String> problems = new LinkedHashMap<>();
    Map<UUID, Map<UUID, Integer>> parsed = new LinkedHashMap<>();
    targets.forEach(
        (site, row) ->
            row.forEach(
                (group, value) -> {
                  String field = "target-" + site + "-" + group;
                  if (!sites.contains(site) || !groups.contains(group)) {
                    problems.put(field, "That site or group is not part of this study");
                    return;
                  }
                  String v = value == null ? "" : value.strip();
                  Integer n = null;
                  if (!v.isEmpty()) {
                    if (!v.matches("\\d{1,6}") || Integer.parseInt(v) > 100_000) {
                      problems.put(
                          field, "Enter a whole number from 0 to 100,000, or leave it empty");
                      return;
                    }
                    n = Integer.parseInt(v);
                  }
                  parsed.computeIfAbsent(site, k -> new LinkedHashMap<>()).put(group, n);
                }));
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    parsed.forEach(
        (site, row) ->
            row.forEach(
                (group, n) -> store.putTarget(study.organisationId(), studyId, site, group, n)));
    audit.record(AuditEntry.allowed("STUDY_TARGETS_CHANGED", "study", studyId, null));
  }

  /**
   * Adds a work package. Audited as {@code STUDY_WORK_PACKAGE_ADDED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public WorkPackage addWorkPackage(
      UUID studyId,
      String code,
      String title,
      String description,
      java.time.LocalDate startsOn,
      java.time.LocalDate endsOn) {
    Study study = study(studyId);
    access.requireSetUp(study);
    store.lock(study.organisationId(), studyId);
    String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
    String t = blankToNull(title);
    String about = blankToNull(description);
    Map<String, String> problems = new LinkedHashMap<>();
    if (!c.matches("[A-Z0-9]{1,8}")) {
      problems.put("code", "Enter a code of 1 to 8 letters or numbers, for example WP1");
    } else if (store.workPackages(study.organisationId(), studyId).stream()
        .anyMatch(w -> w.code().equals(c))) {
      problems.put("code", "Another work package of this study has the code " + c);
    }
    if (t == null || t.length() > 200) {
      problems.put("title", "Enter the work package's title (200 characters or fewer)");
    }
    if (about != null && about.length() > 4000) {
      problems.put("description", "The description must be 4,000 characters or fewer");
    }
    if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
      problems.put("endsOn", "The end date must be on or after the start date");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    WorkPackage w = new WorkPackage(UUID.randomUUID(), c, t, about, startsOn, endsOn, List.of());
    store.insertWorkPackage(study.organisationId(), studyId, w);
    audit.record(
        AuditEntry.allowed("STUDY_WORK_PACKAGE_ADDED", "study", studyId, null).withDetail(c));
    return w;
  }

  /**
   * Adds a timed event to a work package: on enrolment, or in a window of months after another
   * event of the study. Audited as {@code STUDY_EVENT_ADDED}.
   *
   * @param afterEventId the event the window counts from; null for enrolment
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public StudyEvent addEvent(
      UUID studyId,
      UUID workPackageId,
      String name,
      UUID afterEventId,
      Integer fromMonths,
      Integer toMonths) {
    Study study = study(studyId);
    access.requireSetUp(study);
    store.lock(study.organisationId(), studyId);
    List<WorkPackage> wps = store.workPackages(study.organisationId(), studyId);
    String n = blankToNull(name);
    Map<String, String> problems = new LinkedHashMap<>();
    if (wps.stream().noneMatch(w -> w.id().equals(workPackageId))) {
      throw new RecordNotFoundException("work package");
    }
    if (n == null || n.length() > 200) {
      problems.put("name", "Enter the event's name, for example First interview");
    }
    if (afterEventId != null
        && wps.stream()
            .flatMap(w -> w.events().stream())
            .noneMatch(e -> e.id().equals(afterEventId))) {
      problems.put("afterEventId", "Choose an event of this study, or enrolment");
    }
    if (fromMonths == null || fromMonths < 0 || fromMonths > 120) {
      problems.put("fromMonths", "Enter when the window opens, in months from 0 to 120");
    }
    if (toMonths == null || toMonths < 0 || toMonths > 120) {
      problems.put("toMonths", "Enter when the window closes, in months from 0 to 120");
    } else if (fromMonths != null && toMonths < fromMonths) {
      problems.put("toMonths", "The window must close on or after it opens");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    StudyEvent e =
        new StudyEvent(UUID.randomUUID(), workPackageId, n, afterEventId, fromMonths, toMonths);
    store.insertEvent(study.organisationId(), studyId, e);
    audit.record(AuditEntry.allowed("STUDY_EVENT_ADDED", "study", studyId, null).withDetail(n));
    return e;
  }

  /** The organisations a site can be (PCNs, practices, VCS organisations, councils), by name. */
  @Transactional(readOnly = true)
  public List<Organisation> siteOrganisations() {
    access.researcher();
    return identity.organisations().stream()
        .filter(
            o ->
                switch (o.type()) {
                  case PCN, GP_PRACTICE, VCS, LOCAL_AUTHORITY, ICB, OTHER -> true;
                  default -> false;
                })
        .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
        .toList();
  }

  private Study study(UUID id) {
    return store.findStudy(id).orElseThrow(() -> new RecordNotFoundException("study"));
  }

  private String organisationName(Study study) {
    return identity
        .organisation(study.organisationId())
        .map(Organisation::name)
        .orElse("the organisation");
  }

  private void check(UUID organisationId, StudyDetails d, UUID except) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (d.title() == null || d.title().length() > 300) {
      problems.put("title", "Enter the study's title (300 characters or fewer)");
    }
    if (d.shortName() == null || !d.shortName().matches("[A-Za-z0-9][A-Za-z0-9 _-]{0,29}")) {
      problems.put(
          "shortName",
          "Enter a short name of up to 30 letters, numbers, spaces or dashes, for example CONNECT");
    } else if (store.shortNameTaken(organisationId, d.shortName(), except)) {
      problems.put("shortName", "Another study of your organisation has that short name");
    }
    limit(problems, "summary", d.summary(), 4000, "The summary");
    limit(problems, "funder", d.funder(), 200, "The funder");
    limit(problems, "grantNumber", d.grantNumber(), 100, "The grant number");
    limit(problems, "sponsor", d.sponsor(), 200, "The sponsor");
    limit(problems, "ethicsReference", d.ethicsReference(), 100, "The ethics approval reference");
    limit(problems, "contactPhone", d.contactPhone(), 40, "The phone number");
    if (d.contactEmail() != null
        && (d.contactEmail().length() > 200 || !EMAIL.matcher(d.contactEmail()).matches())) {
      problems.put("contactEmail", "Enter an email address like name@example.ac.uk");
    }
    if (d.startsOn() != null && d.endsOn() != null && d.endsOn().isBefore(d.startsOn())) {
      problems.put("endsOn", "The end date must be on or after the start date");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
  }

  private static void limit(
      Map<String, String> problems, String field, String value, int max, String what) {
    if (value != null && value.length() > max) {
      problems.put(field, what + " must be " + max + " characters or fewer");
    }
  }

  private static StudyDetails clean(StudyDetails d) {
    return new StudyDetails(
        blankToNull(d.title()),
        blankToNull(d.shortName()),
        blankToNull(d.summary()),
        blankToNull(d.funder()),
        blankToNull(d.grantNumber()),
        blankToNull(d.sponsor()),
        blankToNull(d.ethicsReference()),
        blankToNull(d.contactEmail()),
        blankToNull(d.contactPhone()),
        d.startsOn(),
        d.endsOn());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
