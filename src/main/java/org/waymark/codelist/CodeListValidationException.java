package org.waymark.codelist;

import java.util.List;

/**
 * An entry breaks one or more rules; nothing was written. Each problem names the field ({@code
 * code}, {@code label}, {@code snomedCode} or {@code position}) and a message key from {@code
 * messages/codelist.properties}.
 */
public class CodeListValidationException extends RuntimeException {

  /** One broken rule: the field it concerns and the message key that explains it. */
  public record Problem(String field, String messageKey) {}

  private final List<Problem> problems;

  /**
   * @param problems at least one
   */
  public CodeListValidationException(List<Problem> problems) {
    super(problems.get(0).field() + ": " + problems.get(0).messageKey());
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in form order. */
  public List<Problem> problems() {
    return problems;
  }
}
