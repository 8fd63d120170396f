package org.waymark.casework;

import java.util.List;

/** A contact, note or assessment breaks a rule; nothing was written. */
public class CaseRecordValidationException extends RuntimeException {

  /**
   * One broken rule.
   *
   * @param field the form field, for example {@code durationMinutes}
   * @param messageKey the message key, for example {@code casework.contact.duration.range}
   */
  public record Problem(String field, String messageKey) {}

  private final transient List<Problem> problems;

  public CaseRecordValidationException(List<Problem> problems) {
    super("Invalid case record: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
