package org.waymark.research;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A work package of a study, with its timed events in order. */
public record WorkPackage(
    UUID id,
    String code,
    String title,
    String description,
    LocalDate startsOn,
    LocalDate endsOn,
    List<StudyEvent> events) {

  public WorkPackage {
    events = List.copyOf(events);
  }
}
