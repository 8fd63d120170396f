package org.waymark.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A case note. Notes are never changed: a correction is a new note, and a note entered in error
 * keeps its text with the reason it was withdrawn.
 *
 * @param sensitive shown only to the case's link worker and service managers
 * @param enteredInErrorAt null unless the note was marked as entered in error
 * @param enteredInErrorBy null unless marked
 * @param enteredInErrorReason null unless marked
 */
public record Note(
    UUID id,
    UUID organisationId,
    UUID caseId,
    String body,
    boolean sensitive,
    UUID writtenBy,
    Instant writtenAt,
    Instant enteredInErrorAt,
    UUID enteredInErrorBy,
    String enteredInErrorReason) {

  public boolean isEnteredInError() {
    return enteredInErrorAt != null;
  }
}
