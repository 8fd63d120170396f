package org.waymark.notification.internal;

/**
 * What became of one attempt to hand a message to its provider.
 *
 * @param reference the provider's id for a sent message; may be null
 * @param error why it was not sent; null when sent
 */
public record DeliveryResult(Outcome outcome, String reference, String error) {

  public enum Outcome {
    /** The provider accepted it. */
    SENT,
    /** It may go through later: a busy or unreachable provider. */
    RETRY,
    /** It will never go through as it is: the provider refused it. */
    FAILED,
    /** There is no provider to send it to. */
    SKIPPED
  }

  public static DeliveryResult sent(String reference) {
    return new DeliveryResult(Outcome.SENT, reference, null);
  }

  public static DeliveryResult retry(String error) {
    return new DeliveryResult(Outcome.RETRY, null, error);
  }

  public static DeliveryResult failed(String error) {
    return new DeliveryResult(Outcome.FAILED, null, error);
  }

  public static DeliveryResult skipped(String reason) {
    return new DeliveryResult(Outcome.SKIPPED, null, reason);
  }
}
