package org.waymark.directory;

import java.util.List;

/** Listing details that break a rule; nothing was written. */
public class ListingValidationException extends RuntimeException {

  /**
   * One broken rule.
   *
   * @param field the {@link ListingDetails} field, or {@code holderOrganisationId}
   * @param messageKey the message that explains it, in {@code messages/directory.properties}
   */
  public record Problem(String field, String messageKey) {}

  private final List<Problem> problems;

  public ListingValidationException(List<Problem> problems) {
    super("Invalid listing: " + problems);
    this.problems = List.copyOf(problems);
  }

  public ListingValidationException(String field, String messageKey) {
    this(List.of(new Problem(field, messageKey)));
  }

  public List<Problem> problems() {
    return problems;
  }
}
