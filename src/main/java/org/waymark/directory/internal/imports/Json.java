package org.waymark.directory.internal.imports;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Lenient reading of source JSON: blank text, JSON null and absent fields are all "none". */
final class Json {

  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /**
   * The field's text, stripped and without NUL characters (which PostgreSQL text cannot hold); null
   * if absent, null or blank. Numbers are given as text.
   */
  static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainer()) {
      return null;
    }
    String s = storable(v.asString()).strip();
    return s.isEmpty() ? null : s;
  }

  /** The text without NUL characters, which neither PostgreSQL text nor jsonb can hold. */
  static String storable(String s) {
    return s == null || s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
  }

  /** A whole number; a number written as text counts; anything else is a problem. */
  static Integer integer(JsonNode node, String field) {
    String s = text(node, field);
    if (s == null) {
      return null;
    }
    try {
      return (int) Math.round(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not a number: '" + shorten(s) + "'");
    }
  }

  static Double decimal(JsonNode node, String field) {
    String s = text(node, field);
    if (s == null) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " is not a number: '" + shorten(s) + "'");
    }
  }

  /** A date; a date-time (with an offset or not) counts by its date part. */
  static LocalDate date(JsonNode node, String field) {
    String s = text(node, field);
    if (s == null) {
      return null;
    }
    try {
      return s.length() > 10 ? OffsetDateTime.parse(s).toLocalDate() : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s.substring(0, Math.min(10, s.length())));
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException(field + " is not a date: '" + shorten(s) + "'");
      }
    }
  }

  static LocalTime time(JsonNode node, String field) {
    String s = text(node, field);
    if (s == null) {
      return null;
    }
    try {
      // ORUK times may carry an offset ("10:00:00Z"); opening times are local to the venue.
      String local = s.replaceFirst("(Z|[+-]\\d\\d:?\\d\\d)$", "");
      return LocalTime.parse(local);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not a time: '" + shorten(s) + "'");
    }
  }

  /** The field as an array; empty if absent or not an array. */
  static ArrayNode items(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v instanceof ArrayNode a ? a : array();
  }

  static ObjectNode objectOrNull(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v instanceof ObjectNode o ? o : null;
  }

  /**
   * A copy without nulls and blank strings, at any depth: ORUK allows no nulls, and a blank field
   * is an absent one.
   */
  static JsonNode pruned(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode copy = object();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        JsonNode v = pruned(e.getValue());
        if (v != null) {
          copy.set(storable(e.getKey()), v);
        }
      }
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = array();
      for (Iterator<JsonNode> it = a.iterator(); it.hasNext(); ) {
        JsonNode v = pruned(it.next());
        if (v != null) {
          copy.add(v);
        }
      }
      return copy;
    }
    if (node == null || node.isNull() || (node.isString() && storable(node.asString()).isBlank())) {
      return null;
    }
    if (node.isString() && node.asString().indexOf('\u0000') >= 0) {
      return JsonNodeFactory.instance.stringNode(storable(node.asString()));
    }
    return node;
  }

  static ArrayNode prunedArray(JsonNode node) {
    JsonNode p = pruned(node);
    return p instanceof ArrayNode a ? a : array();
  }

  /**
   * Gives every object in the array an ORUK id (a UUID): an id that is one is kept; a missing or
   * other id (feeds use "addr-1" and the like) is replaced by a UUID derived from the scope and
   * that id, so the same record keeps the same id on every import. Nested {@code phones} are done
   * too.
   */
  static ArrayNode withUuidIds(ArrayNode items, String scope) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof ObjectNode item) {
        String given = text(item, "id");
        if (given == null || !isUuid(given)) {
          String key = scope + "/" + (given == null ? "#" + i : given);
          item.put(
              "id",
              java.util
                  .UUID
                  .nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                  .toString());
        }
        if (item.get("phones") instanceof ArrayNode phones) {
          withUuidIds(phones, scope + "/" + text(item, "id") + "/phones");
        }
      }
    }
    return items;
  }

  private static boolean isUuid(String s) {
    return s.matches(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}");
  }

  static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
