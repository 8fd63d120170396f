package org.waymark.directory.internal.oruk;

import static org.waymark.directory.internal.oruk.OrukJson.date;
import static org.waymark.directory.internal.oruk.OrukJson.decimal;
import static org.waymark.directory.internal.oruk.OrukJson.idString;
import static org.waymark.directory.internal.oruk.OrukJson.integer;
import static org.waymark.directory.internal.oruk.OrukJson.object;
import static org.waymark.directory.internal.oruk.OrukJson.put;
import static org.waymark.directory.internal.oruk.OrukJson.string;
import static org.waymark.directory.internal.oruk.OrukJson.time;
import static org.waymark.directory.internal.oruk.OrukJson.timestamp;
import static org.waymark.directory.internal.oruk.OrukJson.uuid;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.shared.RecordNotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The directory as the Open Referral UK 3.0 API publishes it: lists and fully nested records, read
 * across every holder, as JSON trees (maps and lists) with no nulls. A page costs a count and one
 * query for its rows; a nested record costs one query per kind of child for all the records on the
 * page together, never one per record.
 */
@Component
@Transactional(readOnly = true)
public class OpenReferralQueries {

  /** Nested service collections kept as JSON on the service row, in ORUK shape. */
  private static final List<String> SERVICE_DETAIL_ARRAYS =
      List.of("service_areas", "languages", "funding", "cost_options", "contacts");

  private static final String SERVICE_COLUMNS =
      """
      s.organisation_id, s.id, s.directory_organization_id, s.name, s.description, s.url, s.email,
      s.status, s.fees, s.accreditations, s.minimum_age, s.maximum_age, s.assured_date,
      s.assurer_email, s.alert, s.last_modified,
      o.id AS o_id, o.name AS o_name, o.description AS o_description, o.email AS o_email,
      o.website AS o_website, o.logo AS o_logo, o.uri AS o_uri, o.parent_id AS o_parent_id""";

  private static final String FULL_SERVICE_COLUMNS =
      SERVICE_COLUMNS + ", s.details, o.identifiers AS o_identifiers";

  // Fragments appended to other SQL start with a space, which a text block would strip.
  private static final String SERVICE_ORGANIZATION_JOIN =
      " "
          + """
       LEFT JOIN directory_organization o
         ON o.organisation_id = s.organisation_id AND o.id = s.directory_organization_id""";

  private static final String LOCATION_COLUMNS =
      """
      l.id AS l_id, l.location_type AS l_location_type, l.name AS l_name,
      l.description AS l_description, l.latitude AS l_latitude, l.longitude AS l_longitude,
      l.external_identifier AS l_external_identifier,
      l.external_identifier_type AS l_external_identifier_type""";

  private static final String FULL_LOCATION_COLUMNS =
      LOCATION_COLUMNS + ", l.addresses AS l_addresses, l.accessibility AS l_accessibility";

  private static final String SERVICE_AT_LOCATION_FROM =
      " "
          + """
       FROM directory_service_at_location sal
       JOIN directory_service s ON s.organisation_id = sal.organisation_id AND s.id = sal.service_id
       JOIN directory_location l ON l.organisation_id = sal.organisation_id AND l.id = sal.location_id
      """;

  /** The services, service at locations and so on given to many at once: one holder and id each. */
  private static final String KEYS =
      " "
          + """
       unnest(CAST(string_to_array(:holders, ',') AS uuid[]),
              CAST(string_to_array(:ids, ',') AS uuid[])) AS k(holder, id)""";

  private static final String TERM_COLUMNS =
      """
      t.id AS t_id, t.name AS t_name, t.description AS t_description, t.parent_id AS t_parent_id,
      t.taxonomy_id AS t_taxonomy_id, t.term_uri AS t_term_uri, t.code AS t_code,
      tx.name AS t_taxonomy""";

  private static final String TERM_FROM =
      " "
          + """
       FROM directory_taxonomy_term t
       LEFT JOIN directory_taxonomy tx ON tx.organisation_id = t.organisation_id AND tx.id = t.taxonomy_id
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  /**
   * @param jdbc reads the directory
   * @param json reads the JSON kept on rows
   */
  public OpenReferralQueries(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A service and its holder: ids are unique per holder (ADR 3), so children join on both. */
  private record Key(UUID holder, UUID id) {}

  /** A service's own fields as JSON, with what its children are found by. */
  private record ServiceRow(Key key, Map<String, Object> json, String details) {}

  // Services

  /** A page of services with their one-to-one fields and organization, in name order. */
  public Map<String, Object> services(ServiceFilter filter, PageRequest page) {
    List<Sql> statements = servicesStatements(filter, page);
    Sql count = statements.get(0);
    long total = jdbc.sql(count.sql()).params(count.params()).query(Long.class).single();
    List<Map<String, Object>> contents = List.of();
    if (page.offset() < total) {
      Sql rows = statements.get(1);
      contents =
          jdbc.sql(rows.sql())
              .params(rows.params())
              .query((rs, n) -> serviceFields(rs, false))
              .list();
    }
    return OrukPage.of(page, total, contents);
  }

  /** One SQL statement and its named parameters. */
  public record Sql(String sql, Map<String, Object> params) {}

  /**
   * The count and the page query {@link #services} runs, in that order, so that the bare SQL can be
   * timed beside the whole call (the directory benchmark does).
   */
  public List<Sql> servicesStatements(ServiceFilter filter, PageRequest page) {
    ServiceConditions conditions = new ServiceConditions(filter, null);
    Map<String, Object> pageParams = new LinkedHashMap<>(conditions.params());
    pageParams.put("limit", page.perPage());
    pageParams.put("offset", page.offset());
    // The page's keys come from the ordering index alone; only those rows are then read, so a
    // deep page does not read every row it skips.
    return List.of(
        new Sql(
            "SELECT count(*) FROM directory_service s" + conditions.where(), conditions.params()),
        new Sql(
            "WITH page AS (SELECT s.organisation_id, s.id, s.name FROM directory_service s"
                + conditions.where()
                + " ORDER BY s.name, s.id, s.organisation_id LIMIT :limit OFFSET :offset)"
                + " SELECT "
                + SERVICE_COLUMNS
                + " FROM page p JOIN directory_service s"
                + " ON s.organisation_id = p.organisation_id AND s.id = p.id"
                + SERVICE_ORGANIZATION_JOIN
                + " ORDER BY p.name, p.id, p.organisation_id",
            pageParams));
  }

  /**
   * A fully nested service: organization, schedules, service areas, service at locations with their
   * locations, languages, funding, cost options, contacts and attributes.
   *
   * @throws RecordNotFoundException if no service has this id
   */
  public Map<String, Object> service(String id) {
    UUID serviceId = parse(id, "service");
    List<ServiceRow> rows =
        jdbc.sql(
                "SELECT "
                    + FULL_SERVICE_COLUMNS
                    + " FROM directory_service s"
                    + SERVICE_ORGANIZATION_JOIN
                    + " WHERE s.id = :id ORDER BY s.organisation_id LIMIT 1")
            .param("id", serviceId)
            .query((rs, n) -> fullServiceRow(rs, true))
            .list();
    if (rows.isEmpty()) {
      throw new RecordNotFoundException("service");
    }
    return nest(rows, true).get(0);
  }

  // Service at locations

  /**
   * A page of services at locations, each with its location's and service's one-to-one fields. With
   * a postcode they are nearest first; with a proximity too, only those within it.
   *
   * @throws InvalidParameterException if the postcode is not in the postcode directory
   */
  public Map<String, Object> serviceAtLocations(ServiceFilter filter, PageRequest page) {
    ServiceConditions.Coordinates near =
        filter.near() == null ? null : coordinates(filter.near().postcode());
    ServiceConditions conditions = new ServiceConditions(filter, near);
    // Every service at location has its service and location (foreign keys), so the count joins
    // them only to filter on them.
    String from =
        " FROM directory_service_at_location sal"
            + (conditions.onServices()
                ? " JOIN directory_service s"
                    + " ON s.organisation_id = sal.organisation_id AND s.id = sal.service_id"
                : "")
            + (conditions.onLocations()
                ? " JOIN directory_location l"
                    + " ON l.organisation_id = sal.organisation_id AND l.id = sal.location_id"
                : "");
    long total =
        jdbc.sql("SELECT count(*)" + from + conditions.where())
            .params(conditions.params())
            .query(Long.class)
            .single();
    List<Map<String, Object>> contents = List.of();
    if (page.offset() < total) {
      String order =
          (near == null ? "" : ServiceConditions.distance() + " NULLS LAST, ")
              + "s.name, s.id, l.name NULLS LAST, sal.id, sal.organisation_id";
      contents =
          jdbc.sql(
                  "SELECT sal.id AS sal_id, "
                      + SERVICE_COLUMNS
                      + ", "
                      + LOCATION_COLUMNS
                      + SERVICE_AT_LOCATION_FROM
                      + SERVICE_ORGANIZATION_JOIN
                      + conditions.where()
                      + " ORDER BY "
                      + order
                      + " LIMIT :limit OFFSET :offset")
              .params(conditions.params())
              .param("limit", page.perPage())
              .param("offset", page.offset())
              .query(
                  (rs, n) -> {
                    Map<String, Object> service = serviceFields(rs, false);
                    Map<String, Object> location = locationFields(rs);
                    return object(
                        "id", idString(rs, "sal_id"),
                        "service_id", service.get("id"),
                        "location_id", location.get("id"),
                        "location", location,
                        "service", service);
                  })
              .list();
    }
    return OrukPage.of(page, total, contents);
  }

  /**
   * A service at a location, with its location fully nested (addresses, accessibility) and its
   * service fully nested apart from the service's other locations.
   *
   * @throws RecordNotFoundException if there is none with this id
   */
  public Map<String, Object> serviceAtLocation(String id) {
    UUID salId = parse(id, "service at location");
    record Found(Key service, Map<String, Object> json) {}
    Found found =
        jdbc.sql(
                "SELECT sal.organisation_id AS holder, sal.id AS sal_id, sal.service_id, "
                    + FULL_LOCATION_COLUMNS
                    + " FROM directory_service_at_location sal"
                    + " JOIN directory_location l"
                    + " ON l.organisation_id = sal.organisation_id AND l.id = sal.location_id"
                    + " WHERE sal.id = :id ORDER BY sal.organisation_id LIMIT 1")
            .param("id", salId)
            .query(
                (rs, n) -> {
                  Map<String, Object> location = fullLocationFields(rs);
                  return new Found(
                      new Key(uuid(rs, "holder"), uuid(rs, "service_id")),
                      object(
                          "id", idString(rs, "sal_id"),
                          "service_id", idString(rs, "service_id"),
                          "location_id", location.get("id"),
                          "location", location));
                })
            .optional()
            .orElseThrow(() -> new RecordNotFoundException("service at location"));
    List<ServiceRow> rows =
        jdbc.sql(
                "SELECT "
                    + FULL_SERVICE_COLUMNS
                    + " FROM directory_service s"
                    + SERVICE_ORGANIZATION_JOIN
                    + " WHERE s.organisation_id = :holder AND s.id = :id")
            .param("holder", found.service().holder())
            .param("id", found.service().id())
            .query((rs, n) -> fullServiceRow(rs, true))
            .list();
    Map<String, Object> service = nest(rows, true).get(0);
    service.remove("service_at_locations");
    found.json().put("service", service);
    return found.json();
  }

  // Organizations

  /** A page of organizations with their one-to-one fields, in name order. */
  public Map<String, Object> organizations(PageRequest page) {
    return simplePage(
        page,
        "SELECT count(*) FROM directory_organization",
        """
        SELECT o.id AS o_id, o.name AS o_name, o.description AS o_description,
               o.email AS o_email, o.website AS o_website, o.logo AS o_logo,
               o.uri AS o_uri, o.parent_id AS o_parent_id
          FROM directory_organization o
         ORDER BY o.name, o.id, o.organisation_id""",
        (rs, n) -> organizationFields(rs));
  }

  /**
   * A page of a list endpoint that takes no filter: the total, then one page of rows in the given
   * order, in the ORUK page envelope.
   */
  private Map<String, Object> simplePage(
      PageRequest page,
      String countSql,
      String orderedSql,
      org.springframework.jdbc.core.RowMapper<Map<String, Object>> fields) {
    long total = jdbc.sql(countSql).query(Long.class).single();
    List<Map<String, Object>> contents = List.of();
    if (page.offset() < total) {
      contents =
          jdbc.sql(orderedSql + " LIMIT :limit OFFSET :offset")
              .param("limit", page.perPage())
              .param("offset", page.offset())
              .query(fields)
              .list();
    }
    return OrukPage.of(page, total, contents);
  }

  /**
   * An organization with its identifiers and its services, each fully nested.
   *
   * @throws RecordNotFoundException if no organization has this id
   */
  public Map<String, Object> organization(String id) {
    UUID organizationId = parse(id, "organization");
    record Found(UUID holder, Map<String, Object> json) {}
    Found found =
        jdbc.sql(
                """
                SELECT o.organisation_id AS holder, o.id AS o_id, o.name AS o_name,
                       o.description AS o_description, o.email AS o_email, o.website AS o_website,
                       o.logo AS o_logo, o.uri AS o_uri, o.parent_id AS o_parent_id,
                       o.identifiers AS o_identifiers
                  FROM directory_organization o
                 WHERE o.id = :id ORDER BY o.organisation_id LIMIT 1""")
            .param("id", organizationId)
            .query((rs, n) -> new Found(uuid(rs, "holder"), fullOrganizationFields(rs)))
            .optional()
            .orElseThrow(() -> new RecordNotFoundException("organization"));
    List<ServiceRow> rows =
        jdbc.sql(
                "SELECT "
                    + FULL_SERVICE_COLUMNS
                    + " FROM directory_service s"
                    + SERVICE_ORGANIZATION_JOIN
                    + " WHERE s.organisation_id = :holder AND s.directory_organization_id = :id"
                    + " ORDER BY s.name, s.id")
            .param("holder", found.holder())
            .param("id", organizationId)
            .query((rs, n) -> fullServiceRow(rs, false))
            .list();
    found.json().put("services", nest(rows, true));
    return found.json();
  }

  // Taxonomies

  /** A page of taxonomies, in name order. */
  public Map<String, Object> taxonomies(PageRequest page) {
    return simplePage(
        page,
        "SELECT count(*) FROM directory_taxonomy",
        """
        SELECT id, name, description, uri, version FROM directory_taxonomy
         ORDER BY name, id, organisation_id""",
        (rs, n) -> taxonomyFields(rs));
  }

  /**
   * A taxonomy with all its terms.
   *
   * @throws RecordNotFoundException if no taxonomy has this id
   */
  public Map<String, Object> taxonomy(String id) {
    UUID taxonomyId = parse(id, "taxonomy");
    record Found(UUID holder, Map<String, Object> json) {}
    Found found =
        jdbc.sql(
                """
                SELECT organisation_id, id, name, description, uri, version FROM directory_taxonomy
                 WHERE id = :id ORDER BY organisation_id LIMIT 1""")
            .param("id", taxonomyId)
            .query((rs, n) -> new Found(uuid(rs, "organisation_id"), taxonomyFields(rs)))
            .optional()
            .orElseThrow(() -> new RecordNotFoundException("taxonomy"));
    found
        .json()
        .put(
            "taxonomy_terms",
            jdbc.sql(
                    "SELECT "
                        + TERM_COLUMNS
                        + TERM_FROM
                        + " WHERE t.organisation_id = :holder AND t.taxonomy_id = :id"
                        + " ORDER BY t.name, t.id")
                .param("holder", found.holder())
                .param("id", taxonomyId)
                .query((rs, n) -> termFields(rs))
                .list());
    return found.json();
  }

  /** A page of taxonomy terms of every taxonomy, in name order. */
  public Map<String, Object> taxonomyTerms(PageRequest page) {
    return simplePage(
        page,
        "SELECT count(*) FROM directory_taxonomy_term",
        "SELECT " + TERM_COLUMNS + TERM_FROM + " ORDER BY t.name, t.id, t.organisation_id",
        (rs, n) -> termFields(rs));
  }

  /**
   * A taxonomy term.
   *
   * @throws RecordNotFoundException if no term has this id
   */
  public Map<String, Object> taxonomyTerm(String id) {
    UUID termId = parse(id, "taxonomy term");
    return jdbc.sql(
            "SELECT "
                + TERM_COLUMNS
                + TERM_FROM
                + " WHERE t.id = :id ORDER BY t.organisation_id LIMIT 1")
        .param("id", termId)
        .query((rs, n) -> termFields(rs))
        .optional()
        .orElseThrow(() -> new RecordNotFoundException("taxonomy term"));
  }

  // Nesting

  /**
   * Adds each service's nested collections: those stored on the row, then schedules, service at
   * locations and attributes, each read for all the services in one query.
   */
  private List<Map<String, Object>> nest(List<ServiceRow> rows, boolean withLocations) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Object> keys =
        Map.of(
            "holders",
            rows.stream().map(r -> r.key().holder().toString()).collect(Collectors.joining(",")),
            "ids",
            rows.stream().map(r -> r.key().id().toString()).collect(Collectors.joining(",")));
    Map<Key, List<Object>> schedules =
        children(
            "SELECT sc.* FROM"
                + KEYS
                + " JOIN directory_schedule sc"
                + " ON sc.organisation_id = k.holder AND sc.service_id = k.id"
                + " ORDER BY sc.dtstart NULLS FIRST, sc.opens_at NULLS FIRST, sc.id",
            keys,
            this::scheduleFields);
    Map<Key, List<Object>> locations =
        withLocations
            ? children(
                "SELECT sal.organisation_id, sal.service_id, sal.id AS sal_id, "
                    + FULL_LOCATION_COLUMNS
                    + " FROM"
                    + KEYS
                    + " JOIN directory_service_at_location sal"
                    + " ON sal.organisation_id = k.holder AND sal.service_id = k.id"
                    + " JOIN directory_location l"
                    + " ON l.organisation_id = sal.organisation_id AND l.id = sal.location_id"
                    + " ORDER BY l.name NULLS LAST, sal.id",
                keys,
                rs -> {
                  Map<String, Object> location = fullLocationFields(rs);
                  return object(
                      "id", idString(rs, "sal_id"),
                      "service_id", idString(rs, "service_id"),
                      "location_id", location.get("id"),
                      "location", location);
                })
            : Map.of();
    Map<Key, List<Object>> attributes =
        children(
            "SELECT st.organisation_id, st.service_id, "
                + TERM_COLUMNS
                + " FROM"
                + KEYS
                + " JOIN directory_service_term st"
                + " ON st.organisation_id = k.holder AND st.service_id = k.id"
                + " JOIN directory_taxonomy_term t"
                + " ON t.organisation_id = st.organisation_id AND t.id = st.taxonomy_term_id"
                + " LEFT JOIN directory_taxonomy tx"
                + " ON tx.organisation_id = t.organisation_id AND tx.id = t.taxonomy_id"
                + " ORDER BY t.name, t.id",
            keys,
            this::attributeFields);
    List<Map<String, Object>> services = new ArrayList<>();
    for (ServiceRow row : rows) {
      Map<String, Object> service = row.json();
      service.put("schedules", schedules.getOrDefault(row.key(), List.of()));
      Map<String, Object> details = details(row.details());
      for (String name : SERVICE_DETAIL_ARRAYS) {
        service.put(name, details.get(name) instanceof List<?> list ? list : List.of());
      }
      put(service, "required_documents", details.get("required_documents"));
      if (withLocations) {
        service.put("service_at_locations", locations.getOrDefault(row.key(), List.of()));
      }
      service.put("attributes", attributes.getOrDefault(row.key(), List.of()));
      services.add(service);
    }
    return services;
  }

  private interface RowReader {
    Object read(ResultSet rs) throws SQLException;
  }

  /** Children of many services from one query, grouped by the service they belong to. */
  private Map<Key, List<Object>> children(String sql, Map<String, Object> keys, RowReader reader) {
    Map<Key, List<Object>> byService = new LinkedHashMap<>();
    jdbc.sql(sql)
        .params(keys)
        .query(
            (RowCallbackHandler)
                rs -> {
                  Key key = new Key(uuid(rs, "organisation_id"), uuid(rs, "service_id"));
                  byService.computeIfAbsent(key, k -> new ArrayList<>()).add(reader.read(rs));
                });
    return byService;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> details(String stored) {
    if (stored == null) {
      return Map.of();
    }
    return (Map<String, Object>) OrukJson.withoutNulls(json.readValue(stored, Map.class));
  }

  @SuppressWarnings("unchecked")
  private List<Object> array(String stored) {
    if (stored == null) {
      return List.of();
    }
    return (List<Object>) OrukJson.withoutNulls(json.readValue(stored, List.class));
  }

  // Rows as JSON

  private Map<String, Object> serviceFields(ResultSet rs, boolean fullOrganization)
      throws SQLException {
    Map<String, Object> service =
        object(
            "id", idString(rs, "id"),
            "organization_id", idString(rs, "directory_organization_id"),
            "name", string(rs, "name"),
            "description", string(rs, "description"),
            "url", string(rs, "url"),
            "email", string(rs, "email"),
            "status", string(rs, "status"),
            "fees", string(rs, "fees"),
            "accreditations", string(rs, "accreditations"),
            "minimum_age", integer(rs, "minimum_age"),
            "maximum_age", integer(rs, "maximum_age"),
            "assured_date", date(rs, "assured_date"),
            "assurer_email", string(rs, "assurer_email"),
            "alert", string(rs, "alert"),
            "last_modified", timestamp(rs, "last_modified"));
    if (rs.getObject("o_id") != null) {
      service.put(
          "organization", fullOrganization ? fullOrganizationFields(rs) : organizationFields(rs));
    }
    return service;
  }

  /**
   * @param withOrganization false where the service is nested in its own organization
   */
  private ServiceRow fullServiceRow(ResultSet rs, boolean withOrganization) throws SQLException {
    Map<String, Object> service = serviceFields(rs, true);
    if (!withOrganization) {
      service.remove("organization");
    }
    return new ServiceRow(
        new Key(uuid(rs, "organisation_id"), uuid(rs, "id")), service, string(rs, "details"));
  }

  private static Map<String, Object> organizationFields(ResultSet rs) throws SQLException {
    return object(
        "id", idString(rs, "o_id"),
        "name", string(rs, "o_name"),
        "description", string(rs, "o_description"),
        "email", string(rs, "o_email"),
        "website", string(rs, "o_website"),
        "logo", string(rs, "o_logo"),
        "uri", string(rs, "o_uri"),
        "parent_organization_id", idString(rs, "o_parent_id"));
  }

  private Map<String, Object> fullOrganizationFields(ResultSet rs) throws SQLException {
    Map<String, Object> organization = organizationFields(rs);
    organization.put("organization_identifiers", array(string(rs, "o_identifiers")));
    return organization;
  }

  private static Map<String, Object> locationFields(ResultSet rs) throws SQLException {
    return object(
        "id", idString(rs, "l_id"),
        "location_type", string(rs, "l_location_type"),
        "name", string(rs, "l_name"),
        "description", string(rs, "l_description"),
        "latitude", decimal(rs, "l_latitude"),
        "longitude", decimal(rs, "l_longitude"),
        "external_identifier", string(rs, "l_external_identifier"),
        "external_identifier_type", string(rs, "l_external_identifier_type"));
  }

  private Map<String, Object> fullLocationFields(ResultSet rs) throws SQLException {
    Map<String, Object> location = locationFields(rs);
    location.put("addresses", array(string(rs, "l_addresses")));
    location.put("accessibility", array(string(rs, "l_accessibility")));
    return location;
  }

  private Map<String, Object> scheduleFields(ResultSet rs) throws SQLException {
    return object(
        "id", idString(rs, "id"),
        "service_id", idString(rs, "service_id"),
        "service_at_location_id", idString(rs, "service_at_location_id"),
        "valid_from", date(rs, "valid_from"),
        "valid_to", date(rs, "valid_to"),
        "dtstart", date(rs, "dtstart"),
        "freq", string(rs, "freq"),
        "interval", integer(rs, "interval"),
        "byday", string(rs, "byday"),
        "bymonthday", string(rs, "bymonthday"),
        "description", string(rs, "description"),
        "opens_at", time(rs, "opens_at"),
        "closes_at", time(rs, "closes_at"),
        "schedule_link", string(rs, "schedule_link"),
        "attending_type", string(rs, "attending_type"),
        "notes", string(rs, "notes"));
  }

  private static Map<String, Object> taxonomyFields(ResultSet rs) throws SQLException {
    return object(
        "id", idString(rs, "id"),
        "name", string(rs, "name"),
        "description", string(rs, "description"),
        "uri", string(rs, "uri"),
        "version", string(rs, "version"));
  }

  private static Map<String, Object> termFields(ResultSet rs) throws SQLException {
    return object(
        "id", idString(rs, "t_id"),
        "name", string(rs, "t_name"),
        "description", string(rs, "t_description"),
        "parent_id", idString(rs, "t_parent_id"),
        "taxonomy", string(rs, "t_taxonomy"),
        "taxonomy_id", idString(rs, "t_taxonomy_id"),
        "term_uri", string(rs, "t_term_uri"),
        "term", string(rs, "t_name"),
        "code", string(rs, "t_code"));
  }

  /**
   * A taxonomy term applied to a service. The link has no id of its own in storage, so its ORUK id
   * is derived from the service and term, the same on every request.
   */
  private Map<String, Object> attributeFields(ResultSet rs) throws SQLException {
    String serviceId = idString(rs, "service_id");
    String termId = idString(rs, "t_id");
    String attributeId =
        UUID.nameUUIDFromBytes(
                ("attribute:" + serviceId + ":" + termId).getBytes(StandardCharsets.UTF_8))
            .toString();
    return object(
        "id", attributeId,
        "link_id", serviceId,
        "link_type", "service",
        "taxonomy_term_id", termId,
        "taxonomy_term", termFields(rs));
  }

  // Lookups

  private ServiceConditions.Coordinates coordinates(String postcode) {
    return jdbc.sql("SELECT latitude, longitude FROM postcode_location WHERE postcode = :postcode")
        .param("postcode", postcode)
        .query(
            (rs, n) ->
                new ServiceConditions.Coordinates(
                    rs.getDouble("latitude"), rs.getDouble("longitude")))
        .optional()
        .orElseThrow(
            () ->
                new InvalidParameterException(
                    "postcode", "postcode " + postcode + " is not in the postcode directory."));
  }

  /** An id in the path that is not a UUID cannot name anything here: it is simply not found. */
  private static UUID parse(String id, String what) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new RecordNotFoundException(what);
    }
  }
}
