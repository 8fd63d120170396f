package org.waymark.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A study update for partners and public contributors: a draft the team writes, or a published
 * issue that never changes.
 *
 * @param narrative the team's words for each part, by part key (see {@link UpdatePart}) or work
 *     package id
 * @param featuredUserId the team member introduced in the meet-the-team part; may be null
 * @param composed the published issue as composed, null for a draft
 */
public record StudyUpdate(
    UUID id,
    UUID studyId,
    String title,
    LocalDate periodFrom,
    LocalDate periodTo,
    Map<String, String> narrative,
    UUID featuredUserId,
    boolean published,
    Instant publishedAt,
    ComposedUpdate composed,
    long version) {

  public StudyUpdate {
    narrative = Map.copyOf(narrative);
  }

  /** The team's words for a part, or an empty string. */
  public String words(String part) {
    return narrative.getOrDefault(part, "");
  }
}
