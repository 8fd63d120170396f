package org.waymark.person;

import java.util.List;
import java.util.UUID;

/**
 * An edit named a version of the record that is no longer current: someone else changed it in the
 * meantime. Nothing was written. The caller should keep what the user entered, say which fields of
 * it differ from the record as it is now, and let the user save again (against the current version)
 * if they still want to.
 */
public class PersonEditConflictException extends RuntimeException {

  private final UUID personId;
  private final long currentVersion;
  private final List<String> differingFields;

  public PersonEditConflictException(
      UUID personId, long currentVersion, List<String> differingFields) {
    super("Person " + personId + " has changed; it is now at version " + currentVersion);
    this.personId = personId;
    this.currentVersion = currentVersion;
    this.differingFields = List.copyOf(differingFields);
  }

  /** The record the edit was for. */
  public UUID personId() {
    return personId;
  }

  /** The version the record is at now. */
  public long currentVersion() {
    return currentVersion;
  }

  /**
   * The fields (names as in {@link PersonDetails}) where the edit differs from the current record.
   */
  public List<String> differingFields() {
    return differingFields;
  }
}
