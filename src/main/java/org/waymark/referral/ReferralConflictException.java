package org.waymark.referral;

/**
 * The referral changed since the user read it (another triage decision came first), or the change
 * is not allowed from its current status. Nothing was written.
 */
public class ReferralConflictException extends RuntimeException {

  private final Referral current;

  public ReferralConflictException(String message, Referral current) {
    super(message);
    this.current = current;
  }

  /** The referral as it is now. */
  public Referral current() {
    return current;
  }
}
