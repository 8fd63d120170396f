package org.waymark.notification;

/** Where an email or text message is on its way out. */
public enum OutboxStatus {
  /** Waiting to be sent (for the first time, or again after a failure that may pass). */
  PENDING,
  /** Claimed by a dispatcher, which holds it until its lease ends. */
  SENDING,
  /** Accepted by the mail server or GOV.UK Notify. */
  SENT,
  /** Not sent: refused for good, or too many attempts; the error says why. */
  FAILED,
  /** Not sent because no mail server or text message provider is configured. */
  SKIPPED
}
