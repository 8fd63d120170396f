package org.waymark.directory.internal.oruk;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The filters of the ORUK {@code /services} and {@code /service_at_locations} lists; every one that
 * is set must hold (they combine with AND). Null means "not filtered on".
 *
 * @param search free text, matched against name, taxonomy terms and description
 * @param taxonomyTermId services tagged with this term
 * @param taxonomyId services tagged with any term of this taxonomy
 * @param organizationId services the ORUK organization with this id provides
 * @param modifiedAfter services last modified at or after this instant
 * @param minimumAge services whose minimum age is at least this (no minimum counts as 0)
 * @param maximumAge services whose maximum age is at most this (no maximum counts as none)
 * @param startTime services with an opening time at or after this
 * @param endTime services with a closing time at or before this
 * @param day services open on this day, as an iCalendar day code ({@code MO} to {@code SU})
 * @param near for service at locations only: the postcode to measure from, and how far
 */
public record ServiceFilter(
    String search,
    UUID taxonomyTermId,
    UUID taxonomyId,
    UUID organizationId,
    OffsetDateTime modifiedAfter,
    Double minimumAge,
    Double maximumAge,
    LocalTime startTime,
    LocalTime endTime,
    String day,
    Near near) {

  /**
   * A place given by postcode and, optionally, a distance from its centroid.
   *
   * @param postcode the normalised UK postcode
   * @param proximityMetres the greatest distance, or null to sort by distance without a limit
   */
  public record Near(String postcode, Double proximityMetres) {}

  boolean hasScheduleFilter() {
    return startTime != null || endTime != null || day != null;
  }
}
