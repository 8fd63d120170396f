package org.waymark.directory.internal.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.DirectoryLocation;
import org.waymark.directory.DirectoryOrganization;
import org.waymark.directory.DirectoryPage;
import org.waymark.directory.LocationSearch;
import org.waymark.directory.NameMatch;
import org.waymark.directory.OrganizationSearch;
import org.waymark.shared.Postcode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Reads the directory's organisations and places by id, and finds them by name, identifier or
 * postcode: a count and one page of rows per search, then the services of the organisations on the
 * page in one more statement. Ids are read across holders, as the ORUK API reads them (ADR 8).
 */
final class DirectoryRecordReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Longer than any name or identifier held: such a search finds nothing. */
  private static final int LONGEST = 500;

  private static final Pattern POSTCODE_TEXT = Pattern.compile("[A-Z0-9 ]{1,8}");
  private static final Pattern OUTWARD_CODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

  private static final String ORGANIZATION_COLUMNS =
      "o.organisation_id, o.id, o.name, o.description, o.website, o.email, o.parent_id,"
          + " o.identifiers::text AS identifiers, o.last_modified";

  private static final String LOCATION_COLUMNS =
      "l.organisation_id, l.id, l.location_type, l.name, l.description, l.addresses::text AS"
          + " addresses, l.postcode, l.latitude, l.longitude, l.accessibility::text AS"
          + " accessibility, l.last_modified";

  private final JdbcClient jdbc;

  DirectoryRecordReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<DirectoryOrganization> organization(UUID id) {
    return jdbc.sql(
            "SELECT "
                + ORGANIZATION_COLUMNS
                + " FROM directory_organization o WHERE o.id = :id"
                + " ORDER BY o.organisation_id LIMIT 1")
        .param("id", id)
        .query(DirectoryRecordReader::organizationRow)
        .optional()
        .map(row -> withServices(List.of(row)).get(0));
  }

  DirectoryPage<DirectoryOrganization> organizations(OrganizationSearch search) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    Map<String, Object> params = new LinkedHashMap<>();
    if (search.name() != null) {
      if (search.name().length() > LONGEST) {
        return empty(search.offset(), search.limit());
      }
      where.append(" AND lower(o.name) LIKE :name ESCAPE '\\'");
      params.put("name", pattern(search.name(), search.nameMatch()));
    }
    if (search.identifier() != null) {
      if (search.identifier().length() > LONGEST
          || (search.identifierScheme() != null && search.identifierScheme().length() > LONGEST)) {
        return empty(search.offset(), search.limit());
      }
      ArrayNode wanted = JSON.createArrayNode();
      var identifier = wanted.addObject().put("identifier", search.identifier());
      if (search.identifierScheme() != null) {
        identifier.put("identifier_scheme", search.identifierScheme());
      }
      where.append(" AND o.identifiers @> CAST(:identifier AS jsonb)");
      params.put("identifier", wanted.toString());
    }
    long total =
        jdbc.sql("SELECT count(*) FROM directory_organization o" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<OrganizationRow> rows = List.of();
    if (search.limit() > 0 && search.offset() < total) {
      rows =
          jdbc.sql(
                  "SELECT "
                      + ORGANIZATION_COLUMNS
                      + " FROM directory_organization o"
                      + where
                      + " ORDER BY o.name, o.id, o.organisation_id LIMIT :limit OFFSET :offset")
              .params(params)
              .param("limit", search.limit())
              .param("offset", search.offset())
              .query(DirectoryRecordReader::organizationRow)
              .list();
    }
    return new DirectoryPage<>(withServices(rows), search.offset(), search.limit(), total);
  }

  Optional<DirectoryLocation> location(UUID id) {
    return jdbc.sql(
            "SELECT "
                + LOCATION_COLUMNS
                + " FROM directory_location l WHERE l.id = :id"
                + " ORDER BY l.organisation_id LIMIT 1")
        .param("id", id)
        .query(DirectoryRecordReader::location)
        .optional();
  }

  DirectoryPage<DirectoryLocation> locations(LocationSearch search) {
    StringBuilder where = new StringBuilder(" WHERE TRUE");
    Map<String, Object> params = new LinkedHashMap<>();
    if (search.name() != null) {
      if (search.name().length() > LONGEST) {
        return empty(search.offset(), search.limit());
      }
      where.append(" AND lower(l.name) LIKE :name ESCAPE '\\'");
      params.put("name", pattern(search.name(), search.nameMatch()));
    }
    if (search.postcode() != null) {
      String text = search.postcode().strip().toUpperCase(Locale.UK).replaceAll("\\s+", " ");
      if (Postcode.isValid(text)) {
        where.append(" AND l.postcode = :postcode");
        params.put("postcode", Postcode.normalise(text));
      } else if (!POSTCODE_TEXT.matcher(text).matches()) {
        return empty(search.offset(), search.limit());
      } else {
        // A district (LS2) is every postcode in it, not LS27 too; anything else is a start.
        where.append(" AND l.postcode LIKE :postcode");
        params.put("postcode", OUTWARD_CODE.matcher(text).matches() ? text + " %" : text + "%");
      }
    }
    long total =
        jdbc.sql("SELECT count(*) FROM directory_location l" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<DirectoryLocation> items = List.of();
    if (search.limit() > 0 && search.offset() < total) {
      items =
          jdbc.sql(
                  "SELECT "
                      + LOCATION_COLUMNS
                      + " FROM directory_location l"
                      + where
                      + " ORDER BY l.name NULLS LAST, l.id, l.organisation_id"
                      + " LIMIT :limit OFFSET :offset")
              .params(params)
              .param("limit", search.limit())
              .param("offset", search.offset())
              .query(DirectoryRecordReader::location)
              .list();
    }
    return new DirectoryPage<>(items, search.offset(), search.limit(), total);
  }

  /** An organisation as its row holds it, before its services are read. */
  private record OrganizationRow(
      UUID holder,
      UUID id,
      String name,
      String description,
      String website,
      String email,
      UUID parentId,
      List<DirectoryOrganization.Identifier> identifiers,
      Instant lastModified) {}

  private static OrganizationRow organizationRow(ResultSet rs, int n) throws SQLException {
    List<DirectoryOrganization.Identifier> identifiers = new ArrayList<>();
    for (JsonNode i : ListingReader.parse(rs.getString("identifiers"))) {
      String value = ListingReader.text(i.path("identifier"));
      if (value != null) {
        identifiers.add(
            new DirectoryOrganization.Identifier(
                ListingReader.text(i.path("identifier_scheme")),
                ListingReader.text(i.path("identifier_type")),
                value));
      }
    }
    return new OrganizationRow(
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        plainText(rs.getString("description")),
        ListingReader.webAddress(rs.getString("website")),
        ListingReader.blankToNull(rs.getString("email")),
        rs.getObject("parent_id", UUID.class),
        identifiers,
        instant(rs.getTimestamp("last_modified")));
  }

  /** The organisations with the ids of the services each runs, in name order. */
  private List<DirectoryOrganization> withServices(List<OrganizationRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    record Run(UUID holder, UUID organization, UUID service) {}
    List<Run> runs =
        jdbc.sql(
                "SELECT organisation_id, directory_organization_id, id FROM directory_service"
                    + " WHERE directory_organization_id IN (:ids) ORDER BY name, id")
            .param("ids", rows.stream().map(OrganizationRow::id).toList())
            .query(
                (rs, n) ->
                    new Run(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class)))
            .list();
    return rows.stream()
        .map(
            r ->
                new DirectoryOrganization(
                    r.id(),
                    r.holder(),
                    r.name(),
                    r.description(),
                    r.website(),
                    r.email(),
                    r.parentId(),
                    r.identifiers(),
                    runs.stream()
                        .filter(
                            s -> s.holder().equals(r.holder()) && s.organization().equals(r.id()))
                        .map(Run::service)
                        .toList(),
                    r.lastModified()))
        .toList();
  }

  private static DirectoryLocation location(ResultSet rs, int n) throws SQLException {
    ListingReader.Address address =
        ListingReader.address(
            ListingReader.parse(rs.getString("addresses")),
            ListingReader.blankToNull(rs.getString("postcode")));
    return new DirectoryLocation(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("location_type"),
        ListingReader.blankToNull(rs.getString("name")),
        plainText(rs.getString("description")),
        address.lines(),
        address.postcode(),
        rs.getObject("latitude", Double.class),
        rs.getObject("longitude", Double.class),
        ListingReader.accessibility(rs.getString("accessibility")),
        instant(rs.getTimestamp("last_modified")));
  }

  /** A LIKE pattern for the name, lower case, with LIKE's own wildcards taken literally. */
  static String pattern(String name, NameMatch match) {
    String escaped =
        name.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return switch (match) {
      case STARTS_WITH -> escaped + "%";
      case CONTAINS -> "%" + escaped + "%";
      case EXACT -> escaped;
    };
  }

  /** Descriptions are stored as imported, a safe subset of HTML; callers get their text. */
  private static String plainText(String html) {
    String text = ListingReader.blankToNull(html);
    return text == null || !text.contains("<")
        ? text
        : ListingReader.blankToNull(Jsoup.parse(text).text());
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static <T> DirectoryPage<T> empty(int offset, int limit) {
    return new DirectoryPage<>(List.of(), offset, limit, 0);
  }
}
