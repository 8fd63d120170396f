package org.waymark.directory.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An ORUK 3.0 CSV package (a zip or a folder of {@code services.csv}, {@code organizations.csv},
 * {@code locations.csv} and the rest), reassembled into {@code service_full}-shaped JSON so that it
 * is imported exactly as the API's services are. Files may be named in the singular or the plural
 * ({@code schedule.csv}, {@code schedules.csv}); rows with the same id are read once.
 */
final class OrukCsvPackage {

  /** A zip may hold no more than this, unpacked: the guard against a zip bomb. */
  static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;

  private static final Set<String> NUMBERS =
      Set.of("minimum_age", "maximum_age", "latitude", "longitude", "amount", "interval");

  private final Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
  private final Map<String, Map<String, List<ObjectNode>>> index = new java.util.HashMap<>();

  private OrukCsvPackage() {}

  /** Reads a zip file or a folder of CSV files. */
  static OrukCsvPackage read(Path path) throws IOException {
    OrukCsvPackage p = new OrukCsvPackage();
    if (Files.isDirectory(path)) {
      try (Stream<Path> files = Files.list(path)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
          p.add(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    } else {
      try (InputStream in = Files.newInputStream(path)) {
        p.readZip(in);
      }
    }
    if (!p.tables.containsKey("services")) {
      throw new IllegalArgumentException("The package has no services.csv");
    }
    return p;
  }

  private void readZip(InputStream in) throws IOException {
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        // Only the file name counts: nothing is ever written to disk from the archive.
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (entry.isDirectory() || !base.endsWith(".csv") || base.startsWith(".")) {
          continue;
        }
        byte[] buffer = new byte[8192];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = zip.read(buffer)) > 0) {
          total += n;
          if (total > MAX_UNPACKED_BYTES) {
            throw new IllegalArgumentException("The package is larger than 200 MB unpacked");
          }
          out.write(buffer, 0, n);
        }
        add(base, out.toString(StandardCharsets.UTF_8));
      }
    } catch (java.util.zip.ZipException e) {
      throw new IllegalArgumentException("The file is not a zip of CSV files");
    }
  }

  private void add(String fileName, String content) throws IOException {
    String table = tableName(fileName.substring(0, fileName.length() - 4));
    List<ObjectNode> rows = tables.computeIfAbsent(table, t -> new ArrayList<>());
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    for (ObjectNode row : rows) {
      String id = Json.text(row, "id");
      byId.put(id == null ? "#" + byId.size() : id, row);
    }
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader reader = new StringReader(stripBom(content));
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> headers = parser.getHeaderNames();
      for (CSVRecord record : parser) {
        ObjectNode row = Json.object();
        for (String h : headers) {
          String column = h.strip().toLowerCase(Locale.ROOT);
          String value = record.isSet(h) ? unquote(record.get(h)) : "";
          if (value.isEmpty()) {
            continue;
          }
          row.put(column, value);
        }
        String id = Json.text(row, "id");
        // The fuller of two files (addresses.csv has address_2, address.csv not) wins per id.
        byId.merge(
            id == null ? "#" + byId.size() : id, row, (a, b) -> b.size() >= a.size() ? b : a);
      }
    } catch (java.io.UncheckedIOException e) {
      // The parser reports a quote left open, or a character after a closing quote, this way.
      throw new IllegalArgumentException(
          fileName + " is not valid CSV: a quoted value is not closed, or a quote is out of place");
    }
    rows.clear();
    rows.addAll(byId.values());
  }

  /** Singular and plural file names name the same table. */
  static String tableName(String file) {
    String f = file.toLowerCase(Locale.ROOT);
    return switch (f) {
      case "service", "services" -> "services";
      case "organization", "organizations", "organisation", "organisations" -> "organizations";
      case "location", "locations" -> "locations";
      case "address", "addresses" -> "addresses";
      case "schedule", "schedules" -> "schedules";
      case "service_at_location", "service_at_locations" -> "service_at_locations";
      case "taxonomy", "taxonomies" -> "taxonomies";
      case "taxonomy_term", "taxonomy_terms" -> "taxonomy_terms";
      case "attribute", "attributes" -> "attributes";
      case "contact", "contacts" -> "contacts";
      case "phone", "phones" -> "phones";
      case "language", "languages" -> "languages";
      case "cost_option", "cost_options" -> "cost_options";
      case "service_area", "service_areas" -> "service_areas";
      case "required_document", "required_documents" -> "required_documents";
      case "organization_identifier", "organization_identifiers" -> "organization_identifiers";
      case "accessibility", "accessibilities", "accessibility_for_disabilities" -> "accessibility";
      default -> f;
    };
  }

  List<ObjectNode> table(String name) {
    return tables.getOrDefault(name, List.of());
  }

  /** Every service in the {@code service_full} shape. */
  List<ObjectNode> services() {
    Map<String, ObjectNode> organizations = byId("organizations");
    Map<String, ObjectNode> locations = byId("locations");
    Map<String, ObjectNode> terms = byId("taxonomy_terms");
    Map<String, ObjectNode> taxonomies = byId("taxonomies");
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode row : table("services")) {
      String id = Json.text(row, "id");
      ObjectNode s = typed(row);
      s.remove("organization_id");
      ObjectNode org = organizations.get(Json.text(row, "organization_id"));
      if (org != null) {
        ObjectNode o = org.deepCopy();
        o.set(
            "organization_identifiers",
            children("organization_identifiers", "organization_id", Json.text(org, "id")));
        s.set("organization", o);
      }
      ArrayNode contacts = Json.array();
      for (ObjectNode c : rows("contacts", "service_id", id)) {
        ObjectNode contact = c.deepCopy();
        contact.remove("service_id");
        contact.set("phones", children("phones", "contact_id", Json.text(c, "id")));
        contacts.add(contact);
      }
      s.set("contacts", contacts);
      s.set("phones", children("phones", "service_id", id));
      s.set("cost_options", children("cost_options", "service_id", id));
      s.set("languages", children("languages", "service_id", id));
      s.set("funding", children("funding", "service_id", id));
      s.set("service_areas", children("service_areas", "service_id", id));
      s.set("required_documents", children("required_documents", "service_id", id));

      ArrayNode sals = Json.array();
      for (ObjectNode sal : rows("service_at_locations", "service_id", id)) {
        ObjectNode loc = locations.get(Json.text(sal, "location_id"));
        if (loc == null) {
          continue;
        }
        ObjectNode location = typed(loc);
        location.set("addresses", children("addresses", "location_id", Json.text(loc, "id")));
        location.set(
            "accessibility", children("accessibility", "location_id", Json.text(loc, "id")));
        ObjectNode x = Json.object();
        x.put("id", Json.text(sal, "id"));
        x.set("location", location);
        sals.add(x);
      }
      s.set("service_at_locations", sals);
      ArrayNode schedules = Json.array();
      for (ObjectNode sch : rows("schedules", "service_id", id)) {
        schedules.add(typed(sch));
      }
      s.set("schedules", schedules);

      ArrayNode attributes = Json.array();
      for (ObjectNode a : rows("attributes", "link_id", id)) {
        ObjectNode term = terms.get(Json.text(a, "taxonomy_term_id"));
        if (term == null) {
          continue;
        }
        ObjectNode t = term.deepCopy();
        ObjectNode taxonomy = taxonomies.get(Json.text(term, "taxonomy_id"));
        if (taxonomy != null) {
          t.set("taxonomy_detail", taxonomy.deepCopy());
        }
        ObjectNode attribute = Json.object();
        attribute.put("id", Json.text(a, "id"));
        if (Json.text(a, "link_type") != null) {
          attribute.put("link_type", Json.text(a, "link_type"));
        }
        attribute.set("taxonomy_term", t);
        attributes.add(attribute);
      }
      s.set("attributes", attributes);
      out.add(s);
    }
    return out;
  }

  private Map<String, ObjectNode> byId(String table) {
    Map<String, ObjectNode> map = new LinkedHashMap<>();
    for (ObjectNode row : table(table)) {
      String id = Json.text(row, "id");
      if (id != null) {
        map.putIfAbsent(id, row);
      }
    }
    return map;
  }

  private List<ObjectNode> rows(String table, String column, String value) {
    if (value == null) {
      return List.of();
    }
    return index
        .computeIfAbsent(
            table + "." + column,
            key -> {
              Map<String, List<ObjectNode>> byValue = new java.util.HashMap<>();
              for (ObjectNode row : table(table)) {
                String v = Json.text(row, column);
                if (v != null) {
                  byValue.computeIfAbsent(v, k -> new ArrayList<>()).add(row);
                }
              }
              return byValue;
            })
        .getOrDefault(value, List.of());
  }

  private ArrayNode children(String table, String column, String value) {
    ArrayNode out = Json.array();
    for (ObjectNode row : rows(table, column, value)) {
      ObjectNode copy = typed(row);
      copy.remove(column);
      out.add(copy);
    }
    return out;
  }

  /** A row with its numeric columns as JSON numbers, as the API would give them. */
  private static ObjectNode typed(ObjectNode row) {
    ObjectNode copy = row.deepCopy();
    for (String column : NUMBERS) {
      String v = Json.text(row, column);
      if (v != null) {
        try {
          copy.put(column, new java.math.BigDecimal(v));
        } catch (NumberFormatException e) {
          // Left as text: the mapper reports it against the record.
        }
      }
    }
    return copy;
  }

  /** Some packages quote values twice ({@code """+44 1234 234567"""}): one pair is enough. */
  private static String unquote(String value) {
    String v = value.strip();
    while (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return v;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
