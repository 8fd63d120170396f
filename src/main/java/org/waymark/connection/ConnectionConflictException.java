package org.waymark.connection;

/** The connection changed since the page was loaded; nothing was written. */
public class ConnectionConflictException extends RuntimeException {
  public ConnectionConflictException() {
    super("The connection was changed by someone else");
  }
}
