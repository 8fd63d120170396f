package org.waymark.casework;

/**
 * A contact changed since the version an edit started from; nothing was written. Carries the
 * contact as it is now, so the user can see what the other change was.
 */
public class ContactEditConflictException extends RuntimeException {

  private final transient Contact current;

  public ContactEditConflictException(Contact current) {
    super("The contact has changed");
    this.current = current;
  }

  public Contact current() {
    return current;
  }
}
