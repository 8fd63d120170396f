package org.waymark.reporting.internal;

/**
 * A file of reference data that cannot be imported as a whole, with a message for the administrator
 * saying what is wrong with it. Nothing of the file is kept.
 */
public class ReferenceFileException extends RuntimeException {

  public ReferenceFileException(String message) {
    super(message);
  }
}
