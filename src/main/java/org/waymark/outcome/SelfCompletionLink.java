package org.waymark.outcome;

import java.time.Instant;
import java.util.UUID;
import org.waymark.notification.Channel;

/**
 * A single-use, expiring link sent to a person so that they can answer one questionnaire
 * themselves. The token itself is never kept, only its hash.
 *
 * @param sentBy the user who sent it, told when the answers arrive or a new link is asked for
 * @param openedAt when the link was first used and exchanged for a short session; null before
 * @param partialSavedAt when answers were last saved part-way; null if never
 * @param submittedAt when the answers were sent; null before
 * @param replacedAt when a newer link for the same questionnaire replaced this one; null if not
 * @param newLinkAskedAt when the person asked for a new link; null if they have not
 */
public record SelfCompletionLink(
    UUID id,
    UUID organisationId,
    UUID caseId,
    UUID personId,
    String instrumentCode,
    int instrumentVersion,
    Occasion occasion,
    Channel channel,
    UUID sentBy,
    Instant sentAt,
    Instant expiresAt,
    Instant openedAt,
    Instant sessionUntil,
    Instant partialSavedAt,
    Instant submittedAt,
    UUID responseId,
    Instant replacedAt,
    Instant newLinkAskedAt) {

  /** Where a link stands at a moment, as the link worker reads it. */
  public enum Status {
    WAITING("Not opened yet"),
    OPENED("Opened"),
    PARTLY_ANSWERED("Partly answered"),
    COMPLETED("Answers received"),
    EXPIRED("Expired"),
    REPLACED("Replaced by a newer link");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Where the link stands at {@code now}. */
  public Status status(Instant now) {
    if (submittedAt != null) {
      return Status.COMPLETED;
    }
    if (replacedAt != null) {
      return Status.REPLACED;
    }
    boolean sessionLive = sessionUntil != null && sessionUntil.isAfter(now);
    if (!expiresAt.isAfter(now) && !sessionLive) {
      return Status.EXPIRED;
    }
    if (partialSavedAt != null) {
      return Status.PARTLY_ANSWERED;
    }
    return openedAt != null ? Status.OPENED : Status.WAITING;
  }
}
