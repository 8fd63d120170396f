package org.waymark.casework.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.casework.AssessedNeed;
import org.waymark.casework.Assessment;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseNotes;
import org.waymark.casework.Contact;
import org.waymark.casework.ContactOutcome;
import org.waymark.casework.MissedContacts;
import org.waymark.casework.Note;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;

/**
 * Reads a case's contacts, notes and assessments for a user already allowed to read the case (the
 * caller checks and audits), applying what only some readers may see: sensitive notes.
 */
@Component
public class CaseRecordReader {

  private final ContactStore contacts;
  private final NoteStore notes;
  private final AssessmentStore assessments;
  private final CodeLists codes;
  private final AccessPolicy access;
  private final JdbcClient jdbc;

  CaseRecordReader(
      ContactStore contacts,
      NoteStore notes,
      AssessmentStore assessments,
      CodeLists codes,
      AccessPolicy access,
      JdbcClient jdbc) {
    this.contacts = contacts;
    this.notes = notes;
    this.assessments = assessments;
    this.codes = codes;
    this.access = access;
    this.jdbc = jdbc;
  }

  /** Newest first. */
  public List<Contact> contacts(CaseFile c) {
    return contacts.forCase(c.organisationId(), c.id());
  }

  public Optional<Contact> contact(CaseFile c, UUID contactId) {
    return contacts.find(c.organisationId(), c.id(), contactId);
  }

  /** The missed-contact rule over a case's contacts (newest first, as {@link #contacts} gives). */
  public MissedContacts missedContacts(CaseFile c, List<Contact> newestFirst) {
    return new MissedContacts(
        missedInARow(newestFirst), missedContactsBeforeReview(c.organisationId()));
  }

  /**
   * Did-not-attend contacts since the last attended one. Cancelled and planned contacts are
   * skipped: they say nothing about whether the person is engaging.
   */
  static int missedInARow(List<Contact> newestFirst) {
    int missed = 0;
    for (Contact contact : newestFirst) {
      if (contact.outcome() == ContactOutcome.ATTENDED) {
        break;
      }
      if (contact.outcome() == ContactOutcome.DID_NOT_ATTEND) {
        missed++;
      }
    }
    return missed;
  }

  int missedContactsBeforeReview(UUID organisationId) {
    return jdbc.sql(
            "SELECT missed_contacts_before_review FROM casework_setting WHERE organisation_id = ?")
        .param(organisationId)
        .query(Integer.class)
        .optional()
        .orElse(2);
  }

  /**
   * Whether the signed-in user may see the case's sensitive notes: the link worker who holds it and
   * the PCN's service managers. Colleagues reading through a team caseload may not.
   */
  public boolean maySeeSensitive(CaseFile c) {
    if (!access.may(Permission.READ_CASEWORK, c.organisationId())) {
      return false;
    }
    WaymarkUser user = access.currentUser().orElseThrow();
    return user.actingRole().orElseThrow() == Role.SERVICE_MANAGER
        || user.userId().equals(c.linkWorkerId());
  }

  /** Newest first, without the sensitive notes the user may not see. */
  public CaseNotes notes(CaseFile c) {
    List<Note> all = notes.forCase(c.organisationId(), c.id());
    if (maySeeSensitive(c)) {
      return new CaseNotes(all, 0);
    }
    List<Note> visible = all.stream().filter(n -> !n.sensitive()).toList();
    return new CaseNotes(visible, all.size() - visible.size());
  }

  public Optional<Note> note(CaseFile c, UUID noteId) {
    return notes
        .find(c.organisationId(), c.id(), noteId)
        .filter(n -> !n.sensitive() || maySeeSensitive(c));
  }

  public Optional<Assessment> latestAssessment(CaseFile c) {
    return assessments.latest(c.organisationId(), c.id()).map(this::inCodeListOrder);
  }

  /** Every version, newest first. */
  public List<Assessment> assessments(CaseFile c) {
    return assessments.forCase(c.organisationId(), c.id()).stream()
        .map(this::inCodeListOrder)
        .toList();
  }

  private Assessment inCodeListOrder(Assessment a) {
    Map<String, Integer> position = new HashMap<>();
    for (CodeEntry e : codes.all(CodeList.NEED)) {
      position.put(e.code(), e.position());
    }
    List<AssessedNeed> needs = new ArrayList<>(a.needs());
    needs.sort(
        Comparator.comparing((AssessedNeed n) -> position.getOrDefault(n.need(), Integer.MAX_VALUE))
            .thenComparing(AssessedNeed::need));
    return new Assessment(
        a.id(),
        a.organisationId(),
        a.caseId(),
        a.version(),
        a.assessedOn(),
        a.whatMatters(),
        needs,
        a.recordedBy(),
        a.recordedAt());
  }
}
