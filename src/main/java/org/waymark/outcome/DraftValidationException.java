package org.waymark.outcome;

import java.util.List;

/**
 * A change to a questionnaire draft that breaks a rule; nothing was written. Each problem names the
 * form field it is about (null for the change as a whole) and a message key of {@code
 * messages/outcome.properties} with its arguments.
 */
public class DraftValidationException extends RuntimeException {

  /**
   * One problem.
   *
   * @param field the form field it is about; null if it is about the whole change
   * @param key the message key, for example {@code outcome.builder.text.required}
   */
  public record Problem(String field, String key, List<Object> args) {

    public Problem {
      args = args == null ? List.of() : List.copyOf(args);
    }

    /** A problem with a message that takes arguments. */
    public static Problem of(String field, String key, Object... args) {
      return new Problem(field, key, List.of(args));
    }
  }

  private final List<Problem> problems;

  public DraftValidationException(List<Problem> problems) {
    super(problems.stream().map(Problem::key).toList().toString());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
