package org.waymark.casework;

import java.util.List;

/**
 * A support plan change or a closure that breaks one or more rules; nothing was written. Each
 * problem names the form field and a message key from {@code messages/casework.properties}.
 */
public class PlanValidationException extends RuntimeException {

  /** One broken rule: the field it concerns and the message key that explains it. */
  public record Problem(String field, String messageKey) {}

  private final List<Problem> problems;

  /**
   * @param problems at least one
   */
  public PlanValidationException(List<Problem> problems) {
    super(problems.get(0).field() + ": " + problems.get(0).messageKey());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
