package org.waymark.outcome;

import java.util.List;

/**
 * An instrument definition, or a set of answers to one, that breaks a rule; each problem in words.
 */
public class InstrumentValidationException extends RuntimeException {

  private final List<String> problems;

  public InstrumentValidationException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
