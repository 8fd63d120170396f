package org.waymark.referral;

/**
 * The client already used this {@code Idempotency-Key} for a different request. Nothing was
 * written.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

  public IdempotencyKeyReusedException() {
    super("Idempotency-Key reused with a different request");
  }
}
