package org.waymark.referral;

import java.util.List;

/**
 * A referral that breaks one or more rules; nothing was written. Each problem names the field (as
 * in {@link NewReferral}, nested person fields as {@code person.nhsNumber}) and a message key from
 * {@code messages/referral.properties} (or {@code messages/person.properties} for person fields).
 */
public class ReferralValidationException extends RuntimeException {

  /** One broken rule: the field it concerns and the message key that explains it. */
  public record Problem(String field, String messageKey) {}

  private final List<Problem> problems;

  public ReferralValidationException(String field, String messageKey) {
    this(List.of(new Problem(field, messageKey)));
  }

  /**
   * @param problems at least one
   */
  public ReferralValidationException(List<Problem> problems) {
    super(problems.get(0).field() + ": " + problems.get(0).messageKey());
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
