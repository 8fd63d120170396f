package org.waymark.followup;

import java.util.List;

/**
 * What the link worker records at a follow-up. Only {@code outcome} is needed for an attempt that
 * did not reach the person, or that they declined; a completed follow-up needs how they have been,
 * an answer for each service and whether they would come back.
 *
 * @param howTheyHaveBeen in the link worker's words
 * @param services one per service the case connected them to; may be empty
 * @param wouldComeBack whether they would come back to a link worker
 * @param ownWords the person's own words, as they said them; may be null
 * @param note about the attempt, for example when they were called; may be null
 */
public record FollowUpAnswers(
    AttemptOutcome outcome,
    String howTheyHaveBeen,
    List<ServiceAnswer> services,
    Answer wouldComeBack,
    String ownWords,
    String note) {

  public FollowUpAnswers {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
