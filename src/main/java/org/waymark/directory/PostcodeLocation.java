package org.waymark.directory;

/**
 * A postcode's place.
 *
 * @param postcode in its normal form, for example {@code LS1 4AP}
 * @param latitude WGS84 degrees
 * @param longitude WGS84 degrees
 */
public record PostcodeLocation(String postcode, double latitude, double longitude) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** The great-circle distance to another place, in kilometres. */
  public double kilometresTo(PostcodeLocation other) {
    double lat1 = Math.toRadians(latitude);
    double lat2 = Math.toRadians(other.latitude);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.longitude - longitude);
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
