package org.waymark.research;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A period a researcher spent observing at a site.
 *
 * @param fieldNotes references to the field notes (where they are filed), not the notes themselves
 */
public record Observation(
    UUID id,
    UUID siteId,
    UUID researcherId,
    LocalDate startsOn,
    LocalDate endsOn,
    BigDecimal hours,
    String fieldNotes) {}
