package org.waymark.person;

import java.util.UUID;

/**
 * A merge named a version of a record that is no longer current: someone changed it after the user
 * compared the two records. Nothing was written; the user should compare them again.
 */
public class PersonMergeConflictException extends RuntimeException {

  private final UUID personId;

  public PersonMergeConflictException(UUID personId) {
    super("Person " + personId + " has changed since the records were compared");
    this.personId = personId;
  }

  /** The record that changed. */
  public UUID personId() {
    return personId;
  }
}
