package org.waymark.directory.internal.oruk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Building ORUK JSON as maps and lists. The ORUK schemas allow no {@code null}, so every builder
 * here leaves out absent values rather than writing them.
 */
final class OrukJson {

  private OrukJson() {}

  /** An object of the given name/value pairs, in order, without the pairs whose value is null. */
  static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      put(object, (String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  static void put(Map<String, Object> object, String name, Object value) {
    if (value != null) {
      object.put(name, value);
    }
  }

  /** RFC 3339 with the offset, as the ORUK {@code date-time} format requires. */
  static String timestamp(OffsetDateTime time) {
    return time == null ? null : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  static String time(LocalTime time) {
    return time == null ? null : time.format(DateTimeFormatter.ISO_LOCAL_TIME);
  }

  static String id(UUID id) {
    return id == null ? null : id.toString();
  }

  static String string(ResultSet rs, String column) throws SQLException {
    return rs.getString(column);
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  static String idString(ResultSet rs, String column) throws SQLException {
    return id(uuid(rs, column));
  }

  static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  static Double decimal(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  static String date(ResultSet rs, String column) throws SQLException {
    return date(rs.getObject(column, LocalDate.class));
  }

  static String time(ResultSet rs, String column) throws SQLException {
    return time(rs.getObject(column, LocalTime.class));
  }

  static String timestamp(ResultSet rs, String column) throws SQLException {
    return timestamp(rs.getObject(column, OffsetDateTime.class));
  }

  /**
   * Stored JSON as written by an import may hold nulls; they are dropped on the way out (from
   * objects and arrays alike) so that what the API answers stays valid against the schemas.
   */
  @SuppressWarnings("unchecked")
  static Object withoutNulls(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (v != null) {
              copy.put((String) k, withoutNulls(v));
            }
          });
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      for (Object item : list) {
        if (item != null) {
          copy.add(withoutNulls(item));
        }
      }
      return copy;
    }
    return value;
  }
}
