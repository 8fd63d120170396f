package org.waymark.research;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Casework;
import org.waymark.identity.AccessPolicy;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.research.internal.ParticipantStore;
import org.waymark.research.internal.StudyAccess;
import org.waymark.research.internal.StudyStore;
import org.waymark.shared.RecordNotFoundException;

/**
 * A study's participants: passed on by their link worker with their agreement to be contacted, or
 * added by the study's data manager; each under a pseudonymous study id, with who they are kept
 * apart for data managers only. Consent is recorded item by item against a version of the consent
 * form; a newer version calls for consent again; withdrawal stops all further contact at once.
 */
@Service
public class Participants {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final StudyStore studies;
  private final ParticipantStore store;
  private final org.waymark.research.internal.FieldworkStore fieldwork;
  private final StudyAccess access;
  private final AccessPolicy policy;
  private final Casework casework;
  private final PersonManagement people;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Participants(
      StudyStore studies,
      ParticipantStore store,
      org.waymark.research.internal.FieldworkStore fieldwork,
      StudyAccess access,
      AccessPolicy policy,
      Casework casework,
      PersonManagement people,
      AuditLog audit,
      ApplicationEventPublisher events,
      Optional<Clock> clock) {
    this.studies = studies;
    this.store = store;
    this.fieldwork = fieldwork;
    this.access = access;
    this.policy = policy;
    this.casework = casework;
    this.people = people;
    this.audit = audit;
    this.events = events;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** The study's participants, pseudonymised, by study id (for every member of the team). */
  @Transactional(readOnly = true)
  public List<Participant> list(UUID studyId) {
    Study study = study(studyId);
    access.requireMember(study);
    List<ConsentDocument> documents = store.documents(study.organisationId(), studyId);
    return store.list(study.organisationId(), studyId).stream()
        .map(r -> participant(study, r, documents))
        .toList();
  }

  /** One participant, pseudonymised. Audited as {@code PARTICIPANT_READ}. */
  @Transactional
  public Participant find(UUID studyId, UUID participantId) {
    Study study = study(studyId);
    access.requireMember(study);
    ParticipantStore.Row r =
        store
            .find(study.organisationId(), studyId, participantId)
            .orElseThrow(() -> new RecordNotFoundException("participant"));
    audit.record(AuditEntry.allowed("PARTICIPANT_READ", "participant", participantId, null));
    return participant(study, r, store.documents(study.organisationId(), studyId));
  }

  /** A participant's consents, oldest first (for every member of the team). */
  @Transactional(readOnly = true)
  public List<Consent> consents(UUID studyId, UUID participantId) {
    Study study = study(studyId);
    access.requireMember(study);
    store
        .find(study.organisationId(), studyId, participantId)
        .orElseThrow(() -> new RecordNotFoundException("participant"));
    return store.consents(study.organisationId(), participantId);
  }

  /**
   * Who a participant is: for the study's data managers only. Audited as {@code
   * PARTICIPANT_IDENTITY_READ}, with the person when they came from casework.
   */
  @Transactional
  public ParticipantIdentity identity(UUID studyId, UUID participantId) {
    Study study = study(studyId);
    access.requireRole(study, "PARTICIPANT_IDENTITY_READ", StudyRole.DATA_MANAGER);
    ParticipantIdentity identity =
        store
            .identity(study.organisationId(), participantId)
            .filter(i -> store.find(study.organisationId(), studyId, participantId).isPresent())
            .orElseThrow(() -> new RecordNotFoundException("participant"));
    audit.record(
        AuditEntry.allowed(
            "PARTICIPANT_IDENTITY_READ", "participant", participantId, identity.personId()));
    return identity;
  }

  /** Whether the signed-in member sees who participants are (the study's data managers). */
  @Transactional(readOnly = true)
  public boolean seesIdentities(UUID studyId) {
    return access.requireMember(study(studyId)) == StudyRole.DATA_MANAGER;
  }

  /**
   * Adds a participant directly (a healthcare professional, VCS staff, a link worker), for the
   * study's data managers. Audited as {@code PARTICIPANT_ADDED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public Participant add(
      UUID studyId,
      UUID siteId,
      UUID groupId,
      String name,
      String email,
      String phone,
      String jobTitle) {
    Study study = study(studyId);
    access.requireRole(study, "PARTICIPANT_ADD", StudyRole.DATA_MANAGER);
    studies.lock(study.organisationId(), studyId);
    Map<String, String> problems = new LinkedHashMap<>();
    Site site = site(study, siteId, problems);
    ParticipantGroup group = group(study, groupId, problems);
    String n = blank(name);
    if (n == null || n.length() > 200) {
      problems.put("name", "Enter their name (200 characters or fewer)");
    }
    String e = blank(email);
    if (e != null && (e.length() > 200 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
      problems.put("email", "Enter an email address like name@example.org");
    }
    String ph = blank(phone);
    if (ph != null && !ph.matches("[0-9+() -]{6,40}")) {
      problems.put("phone", "Enter a phone number, like 0113 496 0000");
    }
    String title = blank(jobTitle);
    if (title != null && title.length() > 200) {
      problems.put("jobTitle", "The job title must be 200 characters or fewer");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    ParticipantStore.Row row =
        insert(
            study,
            site,
            group,
            false,
            new ParticipantIdentity(n, e, ph, title, null, null, null),
            null);
    audit.record(AuditEntry.allowed("PARTICIPANT_ADDED", "participant", row.id(), null));
    return participant(study, row, store.documents(study.organisationId(), studyId));
  }

  /**
   * The studies a case's person could be passed on to: those with a site at the case's organisation
   * (the case must be writable).
   */
  @Transactional
  public List<StudyAtSite> studiesFor(UUID caseId) {
    CaseFile c = casework.findWritable(caseId);
    List<StudyAtSite> found = new ArrayList<>();
    for (ParticipantStore.SiteAt s : store.sitesAt(c.organisationId())) {
      found.add(
          new StudyAtSite(
              s.studyId(),
              s.title(),
              s.shortName(),
              s.siteId(),
              studies.groups(s.organisationId(), s.studyId())));
    }
    return found;
  }

  /**
   * The link worker passes the person on to a study at their organisation's site, with the person's
   * agreement to be contacted by the study team: the team sees a new participant under a study id,
   * and its data managers the person's name and the contact details held. Audited as {@code
   * PARTICIPANT_PASSED_ON} with the person.
   *
   * @throws ResearchValidationException if the person did not agree, no group is chosen, the study
   *     has no site there, or the person was passed on to that study before
   */
  @Transactional
  public String passOn(UUID caseId, UUID studyId, UUID groupId, boolean agreed, String note) {
    CaseFile c = casework.findWritable(caseId);
    Study study = study(studyId);
    ParticipantStore.SiteAt at =
        store.sitesAt(c.organisationId()).stream()
            .filter(s -> s.studyId().equals(studyId))
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException("study"));
    Map<String, String> problems = new LinkedHashMap<>();
    if (!agreed) {
      problems.put("agreed", "The person must agree to be contacted by the study team");
    }
    ParticipantGroup group = group(study, groupId, problems);
    String n = blank(note);
    if (n != null && n.length() > 1000) {
      problems.put("note", "The note must be 1,000 characters or fewer");
    }
    studies.lock(study.organisationId(), studyId);
    if (store.personTaken(study.organisationId(), studyId, c.personId())) {
      problems.put("studyId", "This person has been passed on to this study already");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    PersonDetails d = people.find(c.personId()).details();
    String name =
        (d.preferredName() != null && !d.preferredName().isBlank()
                ? d.preferredName()
                : d.givenName())
            + " "
            + d.familyName();
    Site site =
        studies.sites(study.organisationId(), studyId).stream()
            .filter(s -> s.id().equals(at.siteId()))
            .findFirst()
            .orElseThrow();
    ParticipantStore.Row row =
        insert(
            study,
            site,
            group,
            true,
            new ParticipantIdentity(
                name.strip(),
                d.email(),
                d.mobile() != null && !d.mobile().isBlank() ? d.mobile() : d.phone(),
                null,
                n,
                c.personId(),
                c.id()),
            c.organisationId());
    audit.record(
        AuditEntry.allowed("PARTICIPANT_PASSED_ON", "participant", row.id(), c.personId())
            .withDetail(study.shortName()));
    return row.studyCode();
  }

  private ParticipantStore.Row insert(
      Study study,
      Site site,
      ParticipantGroup group,
      boolean fromCasework,
      ParticipantIdentity identity,
      UUID caseOrganisationId) {
    int number = store.nextNumber(study.organisationId(), study.id(), site.id(), group.id());
    String code = site.code() + "-" + group.code() + "-" + String.format("%03d", number);
    ParticipantStore.Row row =
        new ParticipantStore.Row(
            UUID.randomUUID(),
            study.id(),
            site.id(),
            group.id(),
            code,
            fromCasework,
            ParticipantStatus.AGREED_TO_CONTACT,
            LocalDate.now(clock.withZone(LONDON)),
            null,
            null,
            0);
    UUID by = policy.currentUser().orElseThrow().userId();
    store.insert(
        study.organisationId(), row, number, identity, caseOrganisationId, by, clock.instant());
    return row;
  }

  /** The study's consent documents, newest approval first (for every member). */
  @Transactional(readOnly = true)
  public List<ConsentDocument> documents(UUID studyId) {
    Study study = study(studyId);
    access.requireMember(study);
    return store.documents(study.organisationId(), studyId);
  }

  /**
   * Adds a version of the consent form (for every group, or one). Participants who consented to an
   * older version for their group then need to consent again. Audited as {@code
   * CONSENT_DOCUMENT_ADDED}.
   *
   * @throws ResearchValidationException naming each field that breaks a rule
   */
  @Transactional
  public ConsentDocument addDocument(
      UUID studyId,
      UUID groupId,
      String versionLabel,
      LocalDate approvedOn,
      Set<ConsentItem> items,
      Set<ConsentItem> essential) {
    Study study = study(studyId);
    access.requireSetUp(study);
    studies.lock(study.organisationId(), studyId);
    Map<String, String> problems = new LinkedHashMap<>();
    if (groupId != null) {
      group(study, groupId, problems);
    }
    String label = blank(versionLabel);
    if (label == null || label.length() > 40) {
      problems.put("versionLabel", "Enter the version, for example 2.1 (40 characters or fewer)");
    } else if (store.labelTaken(study.organisationId(), studyId, groupId, label)) {
      problems.put("versionLabel", "That version of the form is recorded already");
    }
    if (approvedOn == null) {
      problems.put("approvedOn", "Enter the date the version was approved");
    } else if (approvedOn.isAfter(LocalDate.now(clock.withZone(LONDON)))) {
      problems.put("approvedOn", "The approval date must be today or in the past");
    }
    if (items == null || items.isEmpty()) {
      problems.put("items", "Choose what the form asks");
    } else if (essential != null && !items.containsAll(essential)) {
      problems.put("essential", "An item needed to take part must be one the form asks");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    ConsentDocument d =
        new ConsentDocument(
            UUID.randomUUID(),
            groupId,
            label,
            approvedOn,
            ordered(items),
            ordered(essential == null ? Set.of() : essential));
    store.insertDocument(study.organisationId(), studyId, d, clock.instant());
    audit.record(
        AuditEntry.allowed("CONSENT_DOCUMENT_ADDED", "study", studyId, null).withDetail(label));
    return d;
  }

  /**
   * Records a participant's consent to a version of the form, item by item: they are consented if
   * they agreed to every item needed to take part, declined otherwise. Audited as {@code
   * CONSENT_RECORDED}.
   *
   * @param agreed the items agreed to; every other item the form asks is recorded as refused
   * @throws ResearchValidationException if the form is not for their group, the date is in the
   *     future, or they have withdrawn
   * @throws StudyConflictException if the participant changed since that version
   */
  @Transactional
  public Participant recordConsent(
      UUID studyId,
      UUID participantId,
      long version,
      UUID documentId,
      LocalDate on,
      Set<ConsentItem> agreed) {
    Study study = study(studyId);
    access.requireMember(study);
    ParticipantStore.Row r =
        store
            .find(study.organisationId(), studyId, participantId)
            .orElseThrow(() -> new RecordNotFoundException("participant"));
    Map<String, String> problems = new LinkedHashMap<>();
    ConsentDocument document =
        store.documents(study.organisationId(), studyId).stream()
            .filter(d -> d.id().equals(documentId) && d.appliesTo(r.groupId()))
            .findFirst()
            .orElse(null);
    if (document == null) {
      problems.put("documentId", "Choose the version of the consent form they signed");
    }
    if (on == null || on.isAfter(LocalDate.now(clock.withZone(LONDON)))) {
      problems.put("consentedOn", "Enter the date they gave consent, today or in the past");
    }
    if (r.status() == ParticipantStatus.WITHDRAWN) {
      problems.put("documentId", "They have withdrawn: consent cannot be recorded");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    Set<ConsentItem> yes = EnumSet.noneOf(ConsentItem.class);
    Set<ConsentItem> no = EnumSet.noneOf(ConsentItem.class);
    for (ConsentItem item : document.items()) {
      (agreed != null && agreed.contains(item) ? yes : no).add(item);
    }
    ParticipantStatus status =
        yes.containsAll(document.essential())
            ? ParticipantStatus.CONSENTED
            : ParticipantStatus.DECLINED;
    if (!store.setStatus(study.organisationId(), participantId, version, status)) {
      throw new StudyConflictException();
    }
    store.insertConsent(
        study.organisationId(),
        UUID.randomUUID(),
        participantId,
        documentId,
        on,
        yes,
        no,
        policy.currentUser().orElseThrow().userId(),
        clock.instant());
    audit.record(
        AuditEntry.allowed("CONSENT_RECORDED", "participant", participantId, null)
            .withDetail(document.versionLabel() + " " + status));
    return find(studyId, participantId);
  }

  /**
   * Records a participant's withdrawal: no further contact (their contact details are removed at
   * once), and where they ask, removal of data not yet analysed (interviews not marked analysed).
   * Publishes {@link ParticipantWithdrawn}; audited as {@code PARTICIPANT_WITHDRAWN}.
   *
   * @throws ResearchValidationException if no choice or date is given, or they have withdrawn
   * @throws StudyConflictException if the participant changed since that version
   */
  @Transactional
  public void withdraw(
      UUID studyId,
      UUID participantId,
      long version,
      Withdrawal withdrawal,
      LocalDate on,
      String note) {
    Study study = study(studyId);
    access.requireMember(study);
    ParticipantStore.Row r =
        store
            .find(study.organisationId(), studyId, participantId)
            .orElseThrow(() -> new RecordNotFoundException("participant"));
    Map<String, String> problems = new LinkedHashMap<>();
    if (r.status() == ParticipantStatus.WITHDRAWN) {
      problems.put("withdrawal", "They have withdrawn already");
    }
    if (withdrawal == null) {
      problems.put("withdrawal", "Choose what they asked for");
    }
    if (on == null || on.isAfter(LocalDate.now(clock.withZone(LONDON)))) {
      problems.put("withdrawnOn", "Enter the date they withdrew, today or in the past");
    }
    String n = blank(note);
    if (n != null && n.length() > 1000) {
      problems.put("note", "The note must be 1,000 characters or fewer");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    if (!store.withdraw(study.organisationId(), participantId, version, withdrawal, n, on)) {
      throw new StudyConflictException();
    }
    int removed =
        withdrawal == Withdrawal.REMOVE_UNANALYSED_DATA
            ? fieldwork.removeUnanalysed(study.organisationId(), participantId)
            : 0;
    audit.record(
        AuditEntry.allowed("PARTICIPANT_WITHDRAWN", "participant", participantId, null)
            .withDetail(
                withdrawal.name() + (removed > 0 ? ", interviews removed: " + removed : "")));
    events.publishEvent(
        new ParticipantWithdrawn(study.organisationId(), studyId, participantId, withdrawal));
  }

  private Participant participant(
      Study study, ParticipantStore.Row r, List<ConsentDocument> documents) {
    List<Consent> consents = store.consents(study.organisationId(), r.id());
    Consent latest = consents.isEmpty() ? null : consents.get(consents.size() - 1);
    boolean reconsent = false;
    if (latest != null && r.status() == ParticipantStatus.CONSENTED) {
      ConsentDocument signed =
          documents.stream()
              .filter(d -> d.id().equals(latest.documentId()))
              .findFirst()
              .orElse(null);
      // Documents are newest first: a newer approval for their group than the one they signed.
      reconsent =
          signed != null
              && documents.stream()
                  .anyMatch(
                      d -> d.appliesTo(r.groupId()) && d.approvedOn().isAfter(signed.approvedOn()));
    }
    return new Participant(
        r.id(),
        r.studyId(),
        r.siteId(),
        r.groupId(),
        r.studyCode(),
        r.fromCasework(),
        r.status(),
        r.addedOn(),
        r.withdrawnOn(),
        r.withdrawal(),
        latest,
        reconsent,
        r.version());
  }

  private Study study(UUID id) {
    return studies.findStudy(id).orElseThrow(() -> new RecordNotFoundException("study"));
  }

  private Site site(Study study, UUID siteId, Map<String, String> problems) {
    Site site =
        studies.sites(study.organisationId(), study.id()).stream()
            .filter(s -> s.id().equals(siteId))
            .findFirst()
            .orElse(null);
    if (site == null) {
      problems.put("siteId", "Choose a site of this study");
    }
    return site;
  }

  private ParticipantGroup group(Study study, UUID groupId, Map<String, String> problems) {
    ParticipantGroup group =
        studies.groups(study.organisationId(), study.id()).stream()
            .filter(g -> g.id().equals(groupId))
            .findFirst()
            .orElse(null);
    if (group == null) {
      problems.put("groupId", "Choose a participant group of this study");
    }
    return group;
  }

  private static List<ConsentItem> ordered(Set<ConsentItem> items) {
    return EnumSet.copyOf(items.isEmpty() ? EnumSet.noneOf(ConsentItem.class) : items).stream()
        .toList();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
