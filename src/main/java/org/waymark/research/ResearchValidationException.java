package org.waymark.research;

import java.util.Map;

/** Something entered about a study breaks a rule; nothing was written. */
public class ResearchValidationException extends RuntimeException {

  private final Map<String, String> problems;

  /**
   * @param problems form field to a message for the person who entered it
   */
  public ResearchValidationException(Map<String, String> problems) {
    super("Invalid: " + problems);
    this.problems = Map.copyOf(problems);
  }

  public ResearchValidationException(String field, String message) {
    this(Map.of(field, message));
  }

  /** Form field to message. */
  public Map<String, String> problems() {
    return problems;
  }
}
