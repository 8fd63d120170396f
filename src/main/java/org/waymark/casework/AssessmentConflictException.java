package org.waymark.casework;

/**
 * Someone saved the case's assessment after the version a save started from; nothing was written.
 * Carries the assessment as it is now.
 */
public class AssessmentConflictException extends RuntimeException {

  private final transient Assessment current;

  public AssessmentConflictException(Assessment current) {
    super("The assessment has changed");
    this.current = current;
  }

  public Assessment current() {
    return current;
  }
}
