package org.waymark.casework;

/**
 * The case is closed: its plan can no longer change and it cannot close again. Nothing was written.
 */
public class CaseNotOpenException extends RuntimeException {
  public CaseNotOpenException() {
    super("The case is closed");
  }
}
