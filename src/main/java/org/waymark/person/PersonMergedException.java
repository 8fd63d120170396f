package org.waymark.person;

import java.util.UUID;

/**
 * The record asked for was merged into another: it is kept only as a pointer to {@code keptId}, and
 * nothing of it can be read or changed. Pages send the user on to the kept record; the API answers
 * 301 with the kept record's address.
 */
public class PersonMergedException extends RuntimeException {

  private final UUID personId;
  private final UUID keptId;

  public PersonMergedException(UUID personId, UUID keptId) {
    super("Person " + personId + " was merged into " + keptId);
    this.personId = personId;
    this.keptId = keptId;
  }

  /** The merged-away record that was asked for. */
  public UUID personId() {
    return personId;
  }

  /** The record it was merged into (which may itself have been merged since). */
  public UUID keptId() {
    return keptId;
  }
}
