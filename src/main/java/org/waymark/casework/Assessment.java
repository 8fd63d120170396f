package org.waymark.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One saved version of a case's "what matters to me" assessment. The highest version is the current
 * one; earlier versions are kept as its history.
 *
 * @param version 1 for the first assessment of the case, then 2, 3 ...
 * @param assessedOn the day of the conversation
 * @param whatMatters the person's own statement, in their words; may be null
 * @param needs only the need domains something was recorded for, in code-list order
 */
public record Assessment(
    UUID id,
    UUID organisationId,
    UUID caseId,
    int version,
    LocalDate assessedOn,
    String whatMatters,
    List<AssessedNeed> needs,
    UUID recordedBy,
    Instant recordedAt) {

  public Assessment {
    needs = List.copyOf(needs);
  }
}
