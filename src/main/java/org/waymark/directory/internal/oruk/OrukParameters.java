package org.waymark.directory.internal.oruk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.waymark.shared.Postcode;

/**
 * Reads the ORUK API's query parameters. A blank parameter counts as absent; one that is present
 * but cannot be read is refused with {@link InvalidParameterException}, never ignored, so a caller
 * never mistakes an unfiltered answer for a filtered one.
 */
public final class OrukParameters {

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
  private static final Map<String, String> DAYS =
      Map.ofEntries(
          Map.entry("MONDAY", "MO"),
          Map.entry("TUESDAY", "TU"),
          Map.entry("WEDNESDAY", "WE"),
          Map.entry("THURSDAY", "TH"),
          Map.entry("FRIDAY", "FR"),
          Map.entry("SATURDAY", "SA"),
          Map.entry("SUNDAY", "SU"));

  private OrukParameters() {}

  /** {@code page} (1-based, default 1) and {@code per_page} (default 50, at most 1000). */
  public static PageRequest page(Map<String, String> query) {
    int page = integer(query, "page", 1);
    if (page < 1) {
      throw new InvalidParameterException("page", "page must be 1 or more.");
    }
    int perPage = integer(query, "per_page", PageRequest.DEFAULT_PER_PAGE);
    if (perPage < 1 || perPage > PageRequest.MAX_PER_PAGE) {
      throw new InvalidParameterException(
          "per_page", "per_page must be between 1 and " + PageRequest.MAX_PER_PAGE + ".");
    }
    return new PageRequest(page, perPage);
  }

  /** The filters of {@code /services}. */
  public static ServiceFilter services(Map<String, String> query) {
    return filter(query, null);
  }

  /**
   * The filters of {@code /service_at_locations}: those of services, with postcode and proximity.
   */
  public static ServiceFilter serviceAtLocations(Map<String, String> query) {
    String postcode = value(query, "postcode");
    String proximity = value(query, "proximity");
    ServiceFilter.Near near = null;
    if (postcode != null) {
      if (!Postcode.isValid(postcode)) {
        throw new InvalidParameterException(
            "postcode", "postcode is not a valid UK postcode: " + postcode);
      }
      near = new ServiceFilter.Near(Postcode.normalise(postcode), metres(proximity));
    } else if (proximity != null) {
      throw new InvalidParameterException(
          "proximity", "proximity is measured from a postcode; give postcode as well.");
    }
    return filter(query, near);
  }

  private static ServiceFilter filter(Map<String, String> query, ServiceFilter.Near near) {
    Double minimumAge = age(query, "minimum_age");
    Double maximumAge = age(query, "maximum_age");
    return new ServiceFilter(
        value(query, "search"),
        uuid(query, "taxonomy_term_id"),
        uuid(query, "taxonomy_id"),
        uuid(query, "organization_id"),
        dateTime(query, "modified_after"),
        minimumAge,
        maximumAge,
        time(query, "start_time"),
        time(query, "end_time"),
        day(query),
        near);
  }

  private static String value(Map<String, String> query, String name) {
    String value = query.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static int integer(Map<String, String> query, String name, int otherwise) {
    String value = value(query, name);
    if (value == null) {
      return otherwise;
    }
    if (!INTEGER.matcher(value).matches()) {
      throw new InvalidParameterException(name, name + " must be a whole number.");
    }
    return Integer.parseInt(value);
  }

  private static UUID uuid(Map<String, String> query, String name) {
    String value = value(query, name);
    if (value == null) {
      return null;
    }
    try {
      UUID id = UUID.fromString(value);
      // UUID.fromString accepts short forms such as "1-2-3-4-5"; ORUK ids are canonical.
      if (id.toString().equalsIgnoreCase(value)) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new InvalidParameterException(name, name + " must be a UUID.");
  }

  private static Double age(Map<String, String> query, String name) {
    Double age = number(value(query, name), name);
    if (age != null && (age < 0 || age > 130)) {
      throw new InvalidParameterException(name, name + " must be an age between 0 and 130.");
    }
    return age;
  }

  private static Double metres(String value) {
    Double metres = number(value, "proximity");
    if (metres != null && metres <= 0) {
      throw new InvalidParameterException(
          "proximity", "proximity must be a distance in metres greater than 0.");
    }
    return metres;
  }

  private static Double number(String value, String name) {
    if (value == null) {
      return null;
    }
    try {
      double number = Double.parseDouble(value);
      if (Double.isFinite(number) && !value.matches(".*[a-zA-Z].*")) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidParameterException(name, name + " must be a number.");
  }

  /**
   * An RFC 3339 date-time; a date-time without an offset, or a bare date, is taken as UTC, so that
   * a harvester sending {@code 2024-01-01} gets what it means.
   */
  private static OffsetDateTime dateTime(Map<String, String> query, String name) {
    String value = value(query, name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          throw new InvalidParameterException(
              name, name + " must be a date-time such as 2024-01-31T09:00:00Z.");
        }
      }
    }
  }

  private static LocalTime time(Map<String, String> query, String name) {
    String value = value(query, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidParameterException(
          name, name + " must be a time such as 09:30 or 17:00:00.");
    }
  }

  private static String day(Map<String, String> query) {
    String value = value(query, "day");
    if (value == null) {
      return null;
    }
    String upper = value.toUpperCase(Locale.ROOT);
    if (DAYS.containsValue(upper)) {
      return upper;
    }
    String code = DAYS.get(upper);
    if (code == null) {
      throw new InvalidParameterException(
          "day", "day must be a day of the week, as MO to SU or its English name.");
    }
    return code;
  }
}
