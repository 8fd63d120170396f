package org.waymark.casework;

/**
 * A goal, step or case changed since the user read it (another edit came first); nothing was
 * written. {@link #currentVersion()} is the version as it is now, so that saving again is a
 * deliberate choice.
 */
public class PlanEditConflictException extends RuntimeException {

  private final long currentVersion;

  public PlanEditConflictException(String what, long currentVersion) {
    super("The " + what + " changed since it was read");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
