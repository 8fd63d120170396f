package org.waymark.person;

import java.time.Instant;
import java.util.UUID;
import org.waymark.shared.NhsNumber;

/**
 * A stored person record: its details as stored (see {@link PersonDetails}), the organisation that
 * holds it, and its {@code version}, which an edit must name so that a stale edit is refused.
 */
public record Person(
    UUID id,
    UUID organisationId,
    PersonDetails details,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** Given and family name, for example "Siobhán Ó Ceallaigh". */
  public String name() {
    return details.givenName() + " " + details.familyName();
  }

  /** The NHS number as 3-3-4 digits, or null if none is recorded. */
  public String nhsNumberFormatted() {
    return details.nhsNumber() == null ? null : NhsNumber.of(details.nhsNumber()).formatted();
  }
}
