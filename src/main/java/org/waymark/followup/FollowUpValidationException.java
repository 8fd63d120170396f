package org.waymark.followup;

import java.util.List;

/** What was wrong with a follow-up or a plan, field by field; nothing was written. */
public class FollowUpValidationException extends RuntimeException {

  /**
   * One problem.
   *
   * @param field the form field, for example {@code points[0].name}
   * @param messageKey the message in {@code messages/followup.properties}
   */
  public record Problem(String field, String messageKey) {}

  private final List<Problem> problems;

  public FollowUpValidationException(List<Problem> problems) {
    super("Follow-up validation failed: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
