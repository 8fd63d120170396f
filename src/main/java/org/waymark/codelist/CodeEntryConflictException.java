package org.waymark.codelist;

/**
 * An edit named a version of the entry that is no longer current: someone else changed it in the
 * meantime. Nothing was written.
 */
public class CodeEntryConflictException extends RuntimeException {

  private final StoredCodeEntry current;

  public CodeEntryConflictException(StoredCodeEntry current) {
    super(
        "Code list entry "
            + current.entry().list()
            + ":"
            + current.entry().code()
            + " has changed; it is now at version "
            + current.version());
    this.current = current;
  }

  /** The entry as it is now. */
  public StoredCodeEntry current() {
    return current;
  }
}
