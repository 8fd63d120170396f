package org.waymark.casework;

/**
 * A case or the service's settings changed since the user read them (another manager saved first),
 * or the case is closed. Nothing was written; the caller shows the record as it is now.
 */
public class CaseworkConflictException extends RuntimeException {

  public CaseworkConflictException(String message) {
    super(message);
  }
}
