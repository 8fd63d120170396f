package org.waymark.connection;

import java.util.Map;

/**
 * A connection or a change of state that breaks a rule; nothing was written. Maps each form field
 * to a message key in {@code messages/connection.properties}.
 */
public class ConnectionValidationException extends RuntimeException {

  private final Map<String, String> problems;

  public ConnectionValidationException(Map<String, String> problems) {
    super("Invalid connection: " + problems);
    this.problems = Map.copyOf(problems);
  }

  public ConnectionValidationException(String field, String messageKey) {
    this(Map.of(field, messageKey));
  }

  /** Form field to message key. */
  public Map<String, String> problems() {
    return problems;
  }
}
