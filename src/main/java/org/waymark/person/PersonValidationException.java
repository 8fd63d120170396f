package org.waymark.person;

import java.util.List;

/**
 * Details that break one or more rules; nothing was written. Each problem names the field (as in
 * {@link PersonDetails}) and a message key from {@code messages/person.properties}.
 */
public class PersonValidationException extends RuntimeException {

  /** One broken rule: the field it concerns and the message key that explains it. */
  public record Problem(String field, String messageKey) {}

  private final List<Problem> problems;

  public PersonValidationException(String field, String messageKey) {
    this(List.of(new Problem(field, messageKey)));
  }

  /**
   * @param problems at least one
   */
  public PersonValidationException(List<Problem> problems) {
    super(problems.get(0).field() + ": " + problems.get(0).messageKey());
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in form order. */
  public List<Problem> problems() {
    return problems;
  }

  /** The first problem's field. */
  public String field() {
    return problems.get(0).field();
  }

  /** The first problem's message key. */
  public String messageKey() {
    return problems.get(0).messageKey();
  }
}
