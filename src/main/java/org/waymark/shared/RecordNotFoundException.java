package org.waymark.shared;

/**
 * A record that was asked for does not exist, or is not one the user may know exists. Answered with
 * 404.
 */
public class RecordNotFoundException extends RuntimeException {
  public RecordNotFoundException(String what) {
    super("No such " + what);
  }
}
