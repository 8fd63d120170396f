package org.waymark.casework;

/** A closed case is read-only: nothing may be recorded on it. Nothing was written. */
public class CaseClosedException extends RuntimeException {

  public CaseClosedException() {
    super("The case is closed");
  }
}
