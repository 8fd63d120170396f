package org.waymark.directory;

import java.util.List;

/**
 * A search that cannot be answered as asked, rather than answered wrongly: a postcode that is not a
 * UK postcode or is not in the postcode directory, a distance search before any postcodes are
 * loaded, or criteria that do not fit together. Each problem names the criterion and a message key
 * ({@code directory.search.*}).
 */
public class DirectorySearchException extends RuntimeException {

  /** One problem: the criterion it is about (as the search form names it) and its message key. */
  public record Problem(String field, String messageKey) {}

  private final List<Problem> problems;

  public DirectorySearchException(List<Problem> problems) {
    super("Search not possible: " + problems);
    this.problems = List.copyOf(problems);
  }

  public DirectorySearchException(String field, String messageKey) {
    this(List.of(new Problem(field, messageKey)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
