package org.waymark.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's answers to one instrument version at one occasion, with the scores they gave.
 *
 * @param answers item id to the value stored
 * @param selfCompleted whether the person completed it themselves (otherwise with the link worker)
 */
public record Response(
    UUID id,
    UUID organisationId,
    UUID caseId,
    UUID personId,
    String instrumentCode,
    int instrumentVersion,
    Occasion occasion,
    LocalDate completedOn,
    Map<String, String> answers,
    List<Score> scores,
    boolean selfCompleted,
    UUID recordedBy,
    Instant recordedAt) {

  public Response {
    answers = Map.copyOf(answers);
    scores = List.copyOf(scores);
  }
}
