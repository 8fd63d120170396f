package org.waymark.research;

import java.util.List;
import java.util.UUID;

/** A study with a site at a case's organisation, which a link worker can pass a person on to. */
public record StudyAtSite(
    UUID studyId, String title, String shortName, UUID siteId, List<ParticipantGroup> groups) {

  public StudyAtSite {
    groups = List.copyOf(groups);
  }
}
