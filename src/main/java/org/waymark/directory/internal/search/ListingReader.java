package org.waymark.directory.internal.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.ReferralMethod;
import org.waymark.directory.ServiceDetails;
import org.waymark.shared.NeedDomain;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a whole listing for the service page: the service with its organisation, then its
 * locations, schedules, need domains and taxonomy terms (a fixed number of statements, whatever the
 * listing holds). Nested ORUK collections are read from their JSON as stored (ADR 8).
 */
final class ListingReader {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;

  ListingReader(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<ServiceDetails> read(UUID id) {
    return jdbc.sql(
            """
            SELECT s.*, s.details::text AS details_json, o.id AS org_id, o.name AS org_name,
              o.website AS org_website, o.email AS org_email
            FROM directory_service s
            LEFT JOIN directory_organization o
              ON o.organisation_id = s.organisation_id AND o.id = s.directory_organization_id
            WHERE s.id = ?
            ORDER BY s.organisation_id
            LIMIT 1
            """)
        .param(id)
        .query(this::details)
        .optional();
  }

  private ServiceDetails details(ResultSet rs, int n) throws SQLException {
    UUID holder = rs.getObject("organisation_id", UUID.class);
    UUID id = rs.getObject("id", UUID.class);
    JsonNode d = parse(rs.getString("details_json"));
    Instant verified =
        rs.getTimestamp("last_verified_at") == null
            ? null
            : rs.getTimestamp("last_verified_at").toInstant();
    Instant yearAgo =
        ZonedDateTime.now(clock.withZone(DirectorySearchService.UK)).minusMonths(12).toInstant();
    UUID orgId = rs.getObject("org_id", UUID.class);
    return new ServiceDetails(
        id,
        holder,
        rs.getString("name"),
        safeHtml(rs.getString("description")),
        webAddress(rs.getString("url")),
        blankToNull(rs.getString("email")),
        rs.getString("status"),
        blankToNull(rs.getString("alert")),
        blankToNull(rs.getString("fees")),
        rs.getObject("free_of_charge", Boolean.class),
        costs(d.path("cost_options")),
        rs.getObject("minimum_age", Integer.class),
        rs.getObject("maximum_age", Integer.class),
        languages(d.path("languages")),
        texts(d.path("service_areas"), "name", "description"),
        texts(d.path("required_documents"), "document", null),
        AcceptingReferrals.valueOf(rs.getString("accepting_referrals")),
        ReferralMethod.valueOf(rs.getString("referral_method")),
        blankToNull(rs.getString("referral_email")),
        webAddress(rs.getString("referral_form_url")),
        rs.getObject("capacity", Integer.class),
        rs.getInt("answer_days"),
        verified,
        blankToNull(rs.getString("last_verified_by")),
        verified != null && verified.isAfter(yearAgo),
        orgId == null
            ? null
            : new ServiceDetails.Organization(
                orgId,
                rs.getString("org_name"),
                webAddress(rs.getString("org_website")),
                blankToNull(rs.getString("org_email"))),
        contacts(d.path("contacts")),
        phones(d.path("phones")),
        locations(holder, id),
        openingTimes(holder, id),
        needs(holder, id),
        terms(holder, id));
  }

  private List<ServiceDetails.Location> locations(UUID holder, UUID service) {
    return jdbc.sql(
            """
            SELECT l.id, l.name, l.location_type, l.description, l.postcode,
              l.addresses::text AS addresses, l.accessibility::text AS accessibility
            FROM directory_service_at_location sal
            JOIN directory_location l ON l.organisation_id = sal.organisation_id AND l.id = sal.location_id
            WHERE sal.organisation_id = ? AND sal.service_id = ?
            ORDER BY l.name NULLS LAST, l.id
            """)
        .params(holder, service)
        .query(
            (rs, n) -> {
              Address address =
                  address(parse(rs.getString("addresses")), blankToNull(rs.getString("postcode")));
              return new ServiceDetails.Location(
                  rs.getObject("id", UUID.class),
                  blankToNull(rs.getString("name")),
                  rs.getString("location_type"),
                  blankToNull(rs.getString("description")),
                  address.lines(),
                  address.postcode(),
                  accessibility(rs.getString("accessibility")));
            })
        .list();
  }

  /** A place's address lines, in order and without repeats, and its postcode. */
  record Address(List<String> lines, String postcode) {}

  /**
   * The address lines of a place's ORUK addresses, and its postcode: the one held on the place,
   * else the first address's postal code.
   */
  static Address address(JsonNode addresses, String postcode) {
    List<String> lines = new ArrayList<>();
    for (JsonNode a : addresses) {
      for (String field :
          List.of("attention", "address_1", "address_2", "city", "state_province", "region")) {
        String v = text(a.path(field));
        if (v != null && !lines.contains(v)) {
          lines.add(v);
        }
      }
      if (postcode == null) {
        postcode = text(a.path("postal_code"));
      }
    }
    return new Address(lines, postcode);
  }

  /** What a place offers or lacks for access, from its ORUK accessibility JSON as stored. */
  static List<String> accessibility(String json) {
    return texts(parse(json), "description", "details");
  }

  private List<String> openingTimes(UUID holder, UUID service) {
    return jdbc
        .sql(
            """
            SELECT valid_from, valid_to, freq, interval, byday, bymonthday, opens_at, closes_at,
              description, notes
            FROM directory_schedule
            WHERE organisation_id = ? AND service_id = ?
            ORDER BY freq NULLS FIRST, byday, opens_at, valid_from NULLS FIRST, id
            """)
        .params(holder, service)
        .query(
            (rs, n) ->
                OpeningTimes.describe(
                    new OpeningTimes.Schedule(
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class),
                        rs.getString("freq"),
                        rs.getObject("interval", Integer.class),
                        rs.getString("byday"),
                        rs.getString("bymonthday"),
                        rs.getObject("opens_at", LocalTime.class),
                        rs.getObject("closes_at", LocalTime.class),
                        rs.getString("description"),
                        rs.getString("notes"))))
        .list()
        .stream()
        .filter(t -> t != null)
        .toList();
  }

  private List<ServiceDetails.Need> needs(UUID holder, UUID service) {
    return jdbc
        .sql(
            "SELECT need, status, reason FROM directory_service_need"
                + " WHERE organisation_id = ? AND service_id = ? ORDER BY status, need")
        .params(holder, service)
        .query(
            (rs, n) -> {
              NeedDomain domain;
              try {
                domain = NeedDomain.valueOf(rs.getString("need"));
              } catch (IllegalArgumentException e) {
                return null; // a retired code: nothing a link worker can act on
              }
              return new ServiceDetails.Need(
                  domain, "CONFIRMED".equals(rs.getString("status")), rs.getString("reason"));
            })
        .list()
        .stream()
        .filter(x -> x != null)
        .toList();
  }

  private List<ServiceDetails.Term> terms(UUID holder, UUID service) {
    return jdbc.sql(
            """
            SELECT t.id, t.name, x.name AS taxonomy
            FROM directory_service_term st
            JOIN directory_taxonomy_term t ON t.organisation_id = st.organisation_id AND t.id = st.taxonomy_term_id
            LEFT JOIN directory_taxonomy x ON x.organisation_id = t.organisation_id AND x.id = t.taxonomy_id
            WHERE st.organisation_id = ? AND st.service_id = ?
            ORDER BY t.name
            """)
        .params(holder, service)
        .query(
            (rs, n) ->
                new ServiceDetails.Term(
                    rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("taxonomy")))
        .list();
  }

  /**
   * The description as a safe subset of HTML. Importers sanitise already; this is a second,
   * independent pass because the page renders it unescaped. Plain text keeps its paragraphs.
   */
  static String safeHtml(String description) {
    if (description == null || description.isBlank()) {
      return null;
    }
    String html = description;
    if (!description.contains("<")) {
      StringBuilder b = new StringBuilder();
      for (String para : description.strip().split("\\R\\s*\\R")) {
        b.append("<p>")
            .append(org.jsoup.nodes.Entities.escape(para.strip()).replaceAll("\\R", "<br>"))
            .append("</p>");
      }
      html = b.toString();
    }
    return Jsoup.clean(html, Safelist.basic());
  }

  private static List<String> costs(JsonNode options) {
    List<String> out = new ArrayList<>();
    for (JsonNode o : options) {
      String option = text(o.path("option"));
      String amount = text(o.path("amount"));
      String currency = text(o.path("currency"));
      String about = text(o.path("amount_description"));
      StringBuilder b = new StringBuilder();
      if (option != null) {
        b.append(option);
      }
      if (amount != null) {
        b.append(b.isEmpty() ? "" : ": ")
            .append(currency == null || currency.equals("GBP") ? "£" : currency + " ")
            .append(amount);
      }
      if (about != null) {
        b.append(b.isEmpty() ? about : " (" + about + ")");
      }
      if (!b.isEmpty()) {
        out.add(b.toString());
      }
    }
    return out;
  }

  private static List<String> languages(JsonNode languages) {
    List<String> out = new ArrayList<>();
    for (JsonNode l : languages) {
      String name = l.isString() ? text(l) : text(l.path("name"));
      if (name == null) {
        name = text(l.path("code"));
      }
      String note = text(l.path("note"));
      if (name != null) {
        out.add(note == null ? name : name + " (" + note + ")");
      }
    }
    return out;
  }

  private static List<ServiceDetails.Contact> contacts(JsonNode contacts) {
    List<ServiceDetails.Contact> out = new ArrayList<>();
    for (JsonNode c : contacts) {
      out.add(
          new ServiceDetails.Contact(
              text(c.path("name")),
              text(c.path("title")),
              text(c.path("email")),
              phones(c.path("phones"))));
    }
    return out;
  }

  private static List<ServiceDetails.Phone> phones(JsonNode phones) {
    List<ServiceDetails.Phone> out = new ArrayList<>();
    for (JsonNode p : phones) {
      String number = text(p.path("number"));
      String extension = text(p.path("extension"));
      if (number != null) {
        out.add(
            new ServiceDetails.Phone(
                extension == null ? number : number + " extension " + extension,
                text(p.path("description"))));
      }
    }
    return out;
  }

  /** Each element's {@code main} field, with {@code extra} after a dash when present. */
  static List<String> texts(JsonNode array, String main, String extra) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : array) {
      String m = e.isString() ? text(e) : text(e.path(main));
      String x = extra == null ? null : text(e.path(extra));
      if (m != null) {
        out.add(x == null || x.equals(m) ? m : m + " – " + x);
      } else if (x != null) {
        out.add(x);
      }
    }
    return out;
  }

  static JsonNode parse(String json) {
    return json == null ? JSON.createArrayNode() : JSON.readTree(json);
  }

  static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull() || node.isContainer()) {
      return null;
    }
    return blankToNull(node.asString());
  }

  /**
   * An address pages may link to: http or https only, so that a listing can never carry a script
   * ('javascript:') into a link.
   */
  static String webAddress(String url) {
    String u = blankToNull(url);
    if (u == null) {
      return null;
    }
    String lower = u.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? u : null;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
