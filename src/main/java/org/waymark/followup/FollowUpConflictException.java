package org.waymark.followup;

/**
 * Someone else changed the follow-up or the plan first (or the same form was sent twice); nothing
 * was written.
 */
public class FollowUpConflictException extends RuntimeException {

  public FollowUpConflictException(String message) {
    super(message);
  }
}
