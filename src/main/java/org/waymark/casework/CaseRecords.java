package org.waymark.casework;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.CaseRecordValidationException.Problem;
import org.waymark.casework.internal.AssessmentStore;
import org.waymark.casework.internal.CaseAccess;
import org.waymark.casework.internal.CaseRecordReader;
import org.waymark.casework.internal.CaseRecordRules;
import org.waymark.casework.internal.CaseRowLock;
import org.waymark.casework.internal.CaseStore;
import org.waymark.casework.internal.ContactStore;
import org.waymark.casework.internal.NoteStore;
import org.waymark.casework.internal.UkTime;
import org.waymark.shared.RecordNotFoundException;

/**
 * A case's records: contacts, notes and the "what matters to me" assessment. Reads check that the
 * user may read the case and are audited as {@code CASE_READ}; writes check that the user may
 * change it (the link worker who holds it, or a service manager of the PCN), refuse a closed case,
 * check every rule before writing anything, and are audited ({@code CONTACT_RECORDED}, {@code
 * CONTACT_UPDATED}, {@code NOTE_ADDED}, {@code NOTE_ENTERED_IN_ERROR}, {@code
 * ASSESSMENT_RECORDED}). Refusals are audited and thrown as {@link
 * org.springframework.security.access.AccessDeniedException}; a missing case or record as {@link
 * RecordNotFoundException}.
 */
@Service
public class CaseRecords {

  private final CaseStore cases;
  private final CaseRowLock locks;
  private final CaseAccess access;
  private final CaseRecordReader reader;
  private final CaseRecordRules rules;
  private final ContactStore contacts;
  private final NoteStore notes;
  private final AssessmentStore assessments;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  CaseRecords(
      CaseStore cases,
      CaseRowLock locks,
      CaseAccess access,
      CaseRecordReader reader,
      CaseRecordRules rules,
      ContactStore contacts,
      NoteStore notes,
      AssessmentStore assessments,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.cases = cases;
    this.locks = locks;
    this.access = access;
    this.reader = reader;
    this.rules = rules;
    this.contacts = contacts;
    this.notes = notes;
    this.assessments = assessments;
    this.audit = audit;
    this.events = events;
  }

  // ---- reading ----

  /** The case's contacts, newest first (planned contacts, being later, first). */
  @Transactional
  public List<Contact> contacts(UUID caseId) {
    return reader.contacts(readable(caseId, "contacts"));
  }

  /** Whether the case is due a review under the missed-contact rule, and why. */
  @Transactional
  public MissedContacts missedContacts(UUID caseId) {
    CaseFile c = readable(caseId, "contacts");
    return reader.missedContacts(c, reader.contacts(c));
  }

  /** The notes the user may see, newest first, with the number of sensitive notes kept back. */
  @Transactional
  public CaseNotes notes(UUID caseId) {
    return reader.notes(readable(caseId, "notes"));
  }

  /** The current "what matters to me" assessment; empty if none was recorded. */
  @Transactional
  public Optional<Assessment> latestAssessment(UUID caseId) {
    return reader.latestAssessment(readable(caseId, "assessment"));
  }

  /** Every saved version of the assessment, newest first. */
  @Transactional
  public List<Assessment> assessments(UUID caseId) {
    return reader.assessments(readable(caseId, "assessment"));
  }

  // ---- writing ----

  /**
   * Records a contact (see {@link ContactDetails} for the rules). The case's first contact follows
   * its earliest attended contact.
   *
   * @throws CaseRecordValidationException if a rule is broken
   * @throws CaseClosedException if the case is closed
   */
  @Transactional
  public Contact recordContact(UUID caseId, ContactDetails details) {
    CaseFile c = writable(caseId);
    ContactDetails d = clean(details);
    check(rules.contactProblems(d, null, Instant.now(), cases.referredOn(c)));
    UUID id = UUID.randomUUID();
    contacts.insert(
        c.organisationId(),
        id,
        c.id(),
        d.type(),
        UkTime.instant(d.date(), d.time()).orElseThrow(),
        d.durationMinutes(),
        d.outcome(),
        d.notes(),
        access.currentUserId());
    contacts.recomputeFirstContact(c.organisationId(), c.id());
    audit.record(
        AuditEntry.allowed("CONTACT_RECORDED", "case", c.id(), c.personId())
            .withDetail("contact " + id));
    events.publishEvent(
        new ContactRecorded(id, c.organisationId(), c.id(), c.personId(), Instant.now()));
    return contacts.find(c.organisationId(), c.id(), id).orElseThrow();
  }

  /**
   * Changes a contact, if it is still at {@code version}.
   *
   * @throws ContactEditConflictException if someone changed it since; nothing is written
   * @throws CaseRecordValidationException if a rule is broken
   * @throws CaseClosedException if the case is closed
   */
  @Transactional
  public Contact updateContact(UUID caseId, UUID contactId, long version, ContactDetails details) {
    CaseFile c = writable(caseId);
    Contact current =
        contacts
            .find(c.organisationId(), c.id(), contactId)
            .orElseThrow(() -> new RecordNotFoundException("contact"));
    ContactDetails d = clean(details);
    check(rules.contactProblems(d, current.type(), Instant.now(), cases.referredOn(c)));
    if (current.version() != version
        || !contacts.update(
            c.organisationId(),
            c.id(),
            contactId,
            version,
            d.type(),
            UkTime.instant(d.date(), d.time()).orElseThrow(),
            d.durationMinutes(),
            d.outcome(),
            d.notes(),
            access.currentUserId())) {
      throw new ContactEditConflictException(
          contacts.find(c.organisationId(), c.id(), contactId).orElseThrow());
    }
    contacts.recomputeFirstContact(c.organisationId(), c.id());
    audit.record(
        AuditEntry.allowed("CONTACT_UPDATED", "case", c.id(), c.personId())
            .withDetail("contact " + contactId));
    events.publishEvent(
        new ContactRecorded(contactId, c.organisationId(), c.id(), c.personId(), Instant.now()));
    return contacts.find(c.organisationId(), c.id(), contactId).orElseThrow();
  }

  /**
   * Adds a note (1 to 10,000 characters).
   *
   * @param sensitive shown only to the case's link worker and service managers
   * @throws CaseRecordValidationException if the text is empty or too long
   * @throws CaseClosedException if the case is closed
   */
  @Transactional
  public Note addNote(UUID caseId, String body, boolean sensitive) {
    CaseFile c = writable(caseId);
    check(rules.noteProblems(body));
    UUID id = UUID.randomUUID();
    notes.insert(c.organisationId(), id, c.id(), body.strip(), sensitive, access.currentUserId());
    audit.record(
        AuditEntry.allowed("NOTE_ADDED", "case", c.id(), c.personId())
            .withDetail("note " + id + (sensitive ? " (sensitive)" : "")));
    return notes.find(c.organisationId(), c.id(), id).orElseThrow();
  }

  /**
   * Marks a note as entered in error with a reason; its text is kept. A sensitive note can only be
   * marked by someone who may see it.
   *
   * @throws RecordNotFoundException if there is no such note the user may see, or it is already
   *     marked
   * @throws CaseRecordValidationException if the reason is empty or too long
   * @throws CaseClosedException if the case is closed
   */
  @Transactional
  public Note markNoteEnteredInError(UUID caseId, UUID noteId, String reason) {
    CaseFile c = writable(caseId);
    reader.note(c, noteId).orElseThrow(() -> new RecordNotFoundException("note"));
    check(rules.enteredInErrorProblems(reason));
    if (!notes.markEnteredInError(
        c.organisationId(), c.id(), noteId, access.currentUserId(), reason.strip())) {
      throw new RecordNotFoundException("note");
    }
    audit.record(
        AuditEntry.allowed("NOTE_ENTERED_IN_ERROR", "case", c.id(), c.personId())
            .withDetail("note " + noteId));
    return notes.find(c.organisationId(), c.id(), noteId).orElseThrow();
  }

  /**
   * Saves a new version of the assessment; earlier versions are kept.
   *
   * @param basedOnVersion the version the user started from, 0 if there was none
   * @throws AssessmentConflictException if someone saved another version since; nothing is written
   * @throws CaseRecordValidationException if a rule is broken
   * @throws CaseClosedException if the case is closed
   */
  @Transactional
  public Assessment recordAssessment(UUID caseId, int basedOnVersion, NewAssessment assessment) {
    CaseFile c = writable(caseId);
    NewAssessment a = clean(assessment);
    check(rules.assessmentProblems(a, UkTime.today()));
    int latest = assessments.latestVersion(c.organisationId(), c.id());
    if (latest != basedOnVersion) {
      throw new AssessmentConflictException(reader.latestAssessment(c).orElse(null));
    }
    UUID id = UUID.randomUUID();
    assessments.insert(
        c.organisationId(),
        id,
        c.id(),
        latest + 1,
        a.assessedOn(),
        a.whatMatters(),
        a.needs(),
        access.currentUserId());
    audit.record(
        AuditEntry.allowed("ASSESSMENT_RECORDED", "case", c.id(), c.personId())
            .withDetail("version " + (latest + 1)));
    return reader.latestAssessment(c).orElseThrow();
  }

  // ---- helpers ----

  private CaseFile readable(UUID caseId, String what) {
    CaseFile c = cases.find(caseId).orElseThrow(() -> new RecordNotFoundException("case"));
    access.requireRead(c);
    audit.record(AuditEntry.allowed("CASE_READ", "case", c.id(), c.personId()).withDetail(what));
    return c;
  }

  /** The case, locked for this transaction, once the user may change it and it is open. */
  private CaseFile writable(UUID caseId) {
    CaseFile c = locks.lock(caseId).orElseThrow(() -> new RecordNotFoundException("case"));
    access.requireWrite(c);
    if (!c.isOpen()) {
      throw new CaseClosedException();
    }
    return c;
  }

  private static void check(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new CaseRecordValidationException(problems);
    }
  }

  private static ContactDetails clean(ContactDetails d) {
    return new ContactDetails(
        blankToNull(d.type()),
        d.date(),
        d.time(),
        d.durationMinutes(),
        d.outcome(),
        blankToNull(d.notes()));
  }

  private static NewAssessment clean(NewAssessment a) {
    return new NewAssessment(
        a.assessedOn(),
        blankToNull(a.whatMatters()),
        a.needs() == null
            ? List.of()
            : a.needs().stream()
                .map(
                    n ->
                        new AssessedNeed(
                            blankToNull(n.need()),
                            n.importance(),
                            n.going(),
                            blankToNull(n.inTheirWords())))
                .toList());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
