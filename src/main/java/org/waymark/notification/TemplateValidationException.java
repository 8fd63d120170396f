package org.waymark.notification;

import java.util.List;

/**
 * Template texts break one or more rules; nothing was written. Each problem names the field ({@code
 * inAppTitle}, {@code emailSubject}, {@code emailBody} or {@code smsBody}), a message key from
 * {@code messages/notification.properties} and its arguments (for example the placeholder that is
 * not allowed).
 */
public class TemplateValidationException extends RuntimeException {

  /** One broken rule. */
  public record Problem(String field, String messageKey, List<String> arguments) {}

  private final List<Problem> problems;

  /**
   * @param problems at least one
   */
  public TemplateValidationException(List<Problem> problems) {
    super(problems.get(0).field() + ": " + problems.get(0).messageKey());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
