package org.waymark.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact with the person on a case.
 *
 * @param type a {@code CONTACT_TYPE} code
 * @param contactAt when it took place (or is planned), as an instant; shown in UK time
 * @param durationMinutes 1 to 600; may be null when the person did not attend, the contact was
 *     cancelled or is planned
 * @param outcome null for a planned contact
 * @param notes may be null
 * @param updatedBy null until the contact is changed
 * @param updatedAt null until the contact is changed
 * @param version increases with each change; an edit names the version it started from
 */
public record Contact(
    UUID id,
    UUID organisationId,
    UUID caseId,
    String type,
    Instant contactAt,
    Integer durationMinutes,
    ContactOutcome outcome,
    String notes,
    UUID recordedBy,
    Instant recordedAt,
    UUID updatedBy,
    Instant updatedAt,
    long version) {

  /** A contact still to come: it has no outcome yet. */
  public boolean isPlanned() {
    return outcome == null;
  }
}
