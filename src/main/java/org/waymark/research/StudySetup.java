package org.waymark.research;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A study with everything set up for it, as its overview page shows it.
 *
 * @param myRole the signed-in member's role on the study
 * @param targets recruitment targets by site id, then group id
 */
public record StudySetup(
    Study study,
    StudyRole myRole,
    List<StudyMember> team,
    List<Site> sites,
    List<ParticipantGroup> groups,
    Map<UUID, Map<UUID, Integer>> targets,
    List<WorkPackage> workPackages) {

  /** The target for a site and group; empty if none is set. */
  public Optional<Integer> target(UUID siteId, UUID groupId) {
    return Optional.ofNullable(targets.getOrDefault(siteId, Map.of()).get(groupId));
  }

  /** All the study's events, in work-package order. */
  public List<StudyEvent> events() {
    return workPackages.stream().flatMap(w -> w.events().stream()).toList();
  }
}
