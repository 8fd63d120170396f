package org.waymark.research;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A study's progress at a glance.
 *
 * @param recruited consented participants (not withdrawn) by site id, then group id
 * @param eventsDone interviews held by event id
 * @param eventsEligible by event id, participants who consented and could have the event (for an
 *     event counting from another, those who had that one)
 * @param timeline dated milestones, oldest first
 */
public record Progress(
    StudySetup setup,
    Map<UUID, Map<UUID, Integer>> recruited,
    Map<UUID, Integer> eventsDone,
    Map<UUID, Integer> eventsEligible,
    List<Retention> retention,
    List<Milestone> timeline,
    LocalDate today) {

  /** Consented participants at a site in a group. */
  public int recruited(UUID siteId, UUID groupId) {
    return recruited.getOrDefault(siteId, Map.of()).getOrDefault(groupId, 0);
  }

  /** Consented participants in a group across sites. */
  public int recruitedInGroup(UUID groupId) {
    return recruited.values().stream().mapToInt(m -> m.getOrDefault(groupId, 0)).sum();
  }

  /** The target of a group across sites; 0 if none is set. */
  public int targetOfGroup(UUID groupId) {
    return setup.targets().values().stream().mapToInt(m -> m.getOrDefault(groupId, 0)).sum();
  }

  /** Consented participants across the study. */
  public int recruitedInAll() {
    return recruited.values().stream().flatMap(m -> m.values().stream()).mapToInt(i -> i).sum();
  }

  /** The study's whole recruitment target. */
  public int targetOfAll() {
    return setup.targets().values().stream()
        .flatMap(m -> m.values().stream())
        .mapToInt(i -> i)
        .sum();
  }

  /** A dated milestone of the study. */
  public record Milestone(LocalDate on, String what, boolean past) {}
}
