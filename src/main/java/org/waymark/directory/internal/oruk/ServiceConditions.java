package org.waymark.directory.internal.oruk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ServiceFilter} as SQL conditions on {@code directory_service s} (and, for proximity,
 * {@code directory_location l}), with their named parameters. Each condition is an indexed
 * predicate or an {@code EXISTS} on an indexed child table, so filters narrow before rows are read.
 */
final class ServiceConditions {

  /** Mean Earth radius (IUGG), metres. */
  static final double EARTH_RADIUS_METRES = 6_371_008.8;

  private static final double METRES_PER_DEGREE_LATITUDE = 111_320.0;

  private final List<String> serviceConditions = new ArrayList<>();
  private final List<String> locationConditions = new ArrayList<>();
  private final Map<String, Object> params = new HashMap<>();

  ServiceConditions(ServiceFilter filter, Coordinates near) {
    if (filter.search() != null) {
      serviceConditions.add("s.search_vector @@ websearch_to_tsquery('english', :search)");
      params.put("search", filter.search());
    }
    if (filter.taxonomyTermId() != null) {
      serviceConditions.add(
          """
          EXISTS (SELECT 1 FROM directory_service_term st
                   WHERE st.organisation_id = s.organisation_id AND st.service_id = s.id
                     AND st.taxonomy_term_id = :taxonomyTermId)""");
      params.put("taxonomyTermId", filter.taxonomyTermId());
    }
    if (filter.taxonomyId() != null) {
      serviceConditions.add(
          """
          EXISTS (SELECT 1 FROM directory_service_term st
                    JOIN directory_taxonomy_term t
                      ON t.organisation_id = st.organisation_id AND t.id = st.taxonomy_term_id
                   WHERE st.organisation_id = s.organisation_id AND st.service_id = s.id
                     AND t.taxonomy_id = :taxonomyId)""");
      params.put("taxonomyId", filter.taxonomyId());
    }
    if (filter.organizationId() != null) {
      serviceConditions.add("s.directory_organization_id = :organizationId");
      params.put("organizationId", filter.organizationId());
    }
    if (filter.modifiedAfter() != null) {
      serviceConditions.add("s.last_modified >= :modifiedAfter");
      params.put("modifiedAfter", filter.modifiedAfter());
    }
    if (filter.minimumAge() != null) {
      serviceConditions.add("coalesce(s.minimum_age, 0) >= :minimumAge");
      params.put("minimumAge", filter.minimumAge());
    }
    if (filter.maximumAge() != null) {
      serviceConditions.add("s.maximum_age <= :maximumAge");
      params.put("maximumAge", filter.maximumAge());
    }
    if (filter.hasScheduleFilter()) {
      serviceConditions.add(scheduleCondition(filter));
    }
    if (near != null) {
      params.put("nearLatitude", near.latitude());
      params.put("nearLongitude", near.longitude());
      if (filter.near().proximityMetres() != null) {
        withinDistance(near, filter.near().proximityMetres());
      }
    }
  }

  /** The start time, end time and day must all hold for one and the same schedule. */
  private String scheduleCondition(ServiceFilter filter) {
    StringBuilder sql =
        new StringBuilder(
            """
            EXISTS (SELECT 1 FROM directory_schedule sc
                     WHERE sc.organisation_id = s.organisation_id AND sc.service_id = s.id""");
    if (filter.startTime() != null) {
      sql.append(" AND sc.opens_at >= :startTime");
      params.put("startTime", filter.startTime());
    }
    if (filter.endTime() != null) {
      sql.append(" AND sc.closes_at <= :endTime");
      params.put("endTime", filter.endTime());
    }
    if (filter.day() != null) {
      // byday is an iCalendar list such as "MO,WE" or, for monthly rules, "1MO,-1FR".
      sql.append(" AND sc.byday ~* :dayPattern");
      params.put("dayPattern", "(^|,)\\s*[+-]?[0-9]*" + filter.day() + "\\s*(,|$)");
    }
    return sql.append(")").toString();
  }

  /**
   * A bounding box first, which the coordinates index answers, then the exact great-circle distance
   * for the few rows inside it.
   */
  private void withinDistance(Coordinates near, double metres) {
    double latitudeDelta = metres / METRES_PER_DEGREE_LATITUDE;
    double cos = Math.cos(Math.toRadians(near.latitude()));
    double longitudeDelta =
        cos < 0.01 ? 180 : Math.min(180, metres / (METRES_PER_DEGREE_LATITUDE * cos));
    locationConditions.add("l.latitude BETWEEN :minLatitude AND :maxLatitude");
    locationConditions.add("l.longitude BETWEEN :minLongitude AND :maxLongitude");
    locationConditions.add(distance() + " <= :proximity");
    params.put("minLatitude", near.latitude() - latitudeDelta);
    params.put("maxLatitude", near.latitude() + latitudeDelta);
    params.put("minLongitude", Math.max(-180, near.longitude() - longitudeDelta));
    params.put("maxLongitude", Math.min(180, near.longitude() + longitudeDelta));
    params.put("proximity", metres);
  }

  /** Haversine distance in metres from {@code :nearLatitude, :nearLongitude} to the location. */
  static String distance() {
    return "(2 * "
        + EARTH_RADIUS_METRES
        + " * asin(least(1, sqrt("
        + "power(sin(radians(l.latitude - :nearLatitude) / 2), 2)"
        + " + cos(radians(:nearLatitude)) * cos(radians(l.latitude))"
        + " * power(sin(radians(l.longitude - :nearLongitude) / 2), 2)))))";
  }

  /** True if any condition reads the location ({@code l}). */
  boolean onLocations() {
    return !locationConditions.isEmpty();
  }

  /** True if any condition reads the service ({@code s}). */
  boolean onServices() {
    return !serviceConditions.isEmpty();
  }

  /** {@code WHERE ...}, or nothing when no filter is set. */
  String where() {
    List<String> all = new ArrayList<>(serviceConditions);
    all.addAll(locationConditions);
    return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
  }

  Map<String, Object> params() {
    return params;
  }

  /** A point on the map, in degrees. */
  record Coordinates(double latitude, double longitude) {}
}
