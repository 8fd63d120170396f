package org.waymark.research;

/** The study changed since the version the change started from; nothing was written. */
public class StudyConflictException extends RuntimeException {

  public StudyConflictException() {
    super("The study changed since it was read");
  }
}
