package org.waymark.research;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A study event a participant is due for, with its window.
 *
 * @param opensOn the first day of the window
 * @param overdueFrom the day past the window's middle, from which it is overdue
 * @param closesOn the last day of the window; missed after it
 */
public record DueEvent(
    UUID participantId,
    String studyCode,
    UUID eventId,
    String eventName,
    LocalDate opensOn,
    LocalDate overdueFrom,
    LocalDate closesOn,
    State state) {

  /** Where the event stands for the participant today. */
  public enum State {
    UPCOMING("Upcoming"),
    DUE("Due"),
    OVERDUE("Overdue"),
    MISSED("Missed");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
