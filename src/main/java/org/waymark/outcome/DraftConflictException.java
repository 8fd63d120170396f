package org.waymark.outcome;

/**
 * A change made from an older version of a questionnaire draft: someone changed it since the form
 * was opened. Nothing was written.
 */
public class DraftConflictException extends RuntimeException {

  private final transient InstrumentDraft current;

  public DraftConflictException(InstrumentDraft current) {
    super("The draft changed since the form was opened");
    this.current = current;
  }

  /** The draft as it is now. */
  public InstrumentDraft current() {
    return current;
  }
}
