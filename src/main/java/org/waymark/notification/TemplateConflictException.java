package org.waymark.notification;

/** An edit named a version of the template that is no longer current; nothing was written. */
public class TemplateConflictException extends RuntimeException {

  private final StoredTemplate current;

  public TemplateConflictException(StoredTemplate current) {
    super(
        "Notification template "
            + current.template()
            + " has changed; it is now at version "
            + current.version());
    this.current = current;
  }

  /** The template as it is now. */
  public StoredTemplate current() {
    return current;
  }
}
