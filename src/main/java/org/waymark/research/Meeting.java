package org.waymark.research;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A meeting of one of the study's groups, with what it discussed, decided and agreed to do. */
public record Meeting(
    UUID id,
    MeetingKind kind,
    LocalDate heldOn,
    MeetingFormat format,
    String attendees,
    String topics,
    String decisions,
    List<MeetingAction> actions) {

  public Meeting {
    actions = List.copyOf(actions);
  }
}
