package org.waymark.directory.internal.search;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.waymark.directory.ServiceSearch;
import org.waymark.shared.NeedDomain;

/**
 * Builds the one SQL statement that answers a search, with every value bound as a parameter. The
 * matches are found, counted, ordered and paged in a first step; the reasons (needs met, terms,
 * opening hours) are read for that page only, so the cost of the reasons does not grow with the
 * number of matches. A text search first gathers a bounded set of candidates and counts only up to
 * {@link #TEXT_TOTAL_CAP}, so its cost does not grow with the number of matches either.
 */
public final class SearchSqlBuilder {

  /** The statement and its named parameters. */
  public record Statement(String sql, Map<String, Object> params) {}

  /** Where distances are measured from, and the radius. */
  public record Origin(double latitude, double longitude, double radiusKm) {}

  /** The moment a service must be open at: a date, and a time or null for 'at any time'. */
  public record OpenAt(LocalDate date, LocalTime time) {}

  /**
   * A search with its postcode and opening moment already resolved.
   *
   * @param suggestions order as suggestions for a person rather than as the search asks
   */
  public record Criteria(
      String text,
      List<NeedDomain> needs,
      UUID taxonomyTermId,
      Origin origin,
      OpenAt openAt,
      Integer age,
      boolean freeOnly,
      boolean acceptingOnly,
      ServiceSearch.Sort sort,
      boolean suggestions,
      int limit,
      long offset) {}

  /**
   * A text search counts its matches only up to this many; past it the total is "more than" it and
   * the pages stop there. Common words match a quarter of the directory, and counting and ranking
   * every such match is what made text search slow (ADR 10).
   */
  public static final int TEXT_TOTAL_CAP = 1000;

  /**
   * The most services each kind of text match (words in the name or terms, words anywhere, spelt
   * alike) contributes to the ranked candidates: one more than {@link #TEXT_TOTAL_CAP}, so that a
   * full kind shows the total is over the cap.
   */
  static final int TEXT_CANDIDATES = TEXT_TOTAL_CAP + 1;

  private static final double EARTH_RADIUS_KM = 6371.0088;

  private static final String DISTANCE =
      """
      2 * %s * asin(sqrt(power(sin(radians(p.position[1] - :lat) / 2), 2)
        + cos(radians(:lat)) * cos(radians(p.position[1]))
          * power(sin(radians(p.position[0] - :lon) / 2), 2)))"""
          .formatted(EARTH_RADIUS_KM);

  /** The schedules of service {@code s} that have it open at the moment asked about. */
  private static final String OPEN_SCHEDULES =
      """
      FROM directory_schedule sc
      WHERE sc.organisation_id = s.organisation_id AND sc.service_id = s.id
        AND (sc.valid_from IS NULL OR sc.valid_from <= CAST(:openDate AS date))
        AND (sc.valid_to IS NULL OR sc.valid_to >= CAST(:openDate AS date))
        AND (sc.dtstart IS NULL OR sc.dtstart <= CAST(:openDate AS date))
        AND ((coalesce(sc.freq, 'WEEKLY') = 'WEEKLY'
              AND (string_to_array(upper(replace(sc.byday, ' ', '')), ',') && string_to_array(:weekDays, ',')
                   OR (sc.byday IS NULL AND sc.dtstart IS NOT NULL
                       AND extract(isodow FROM sc.dtstart) = :isoDay))
              AND (coalesce(sc.interval, 1) = 1 OR sc.dtstart IS NULL
                   OR ((CAST(:openDate AS date) - (sc.dtstart - (extract(isodow FROM sc.dtstart)::int - 1))) / 7)
                      % sc.interval = 0))
          OR (sc.freq = 'MONTHLY'
              AND (string_to_array(upper(replace(sc.byday, ' ', '')), ',') && string_to_array(:monthDays, ',')
                   OR string_to_array(replace(sc.bymonthday, ' ', ''), ',') && string_to_array(:monthDates, ','))
              AND (coalesce(sc.interval, 1) = 1 OR sc.dtstart IS NULL
                   OR ((extract(year FROM CAST(:openDate AS date)) * 12 + extract(month FROM CAST(:openDate AS date)))
                       - (extract(year FROM sc.dtstart) * 12 + extract(month FROM sc.dtstart)))::int
                      % sc.interval = 0)))
      """;

  /**
   * Opening hours that include the time asked about; hours that end before they start run past
   * midnight.
   */
  private static final String AT_TIME =
      """
        AND sc.opens_at <= CAST(:openTime AS time)
        AND (sc.closes_at > CAST(:openTime AS time) OR sc.closes_at <= sc.opens_at)
      """;

  private SearchSqlBuilder() {}

  /** The statement for these criteria. */
  public static Statement build(Criteria c) {
    Map<String, Object> p = new LinkedHashMap<>();
    StringBuilder with = new StringBuilder();
    StringBuilder from = new StringBuilder("FROM directory_service s\n");
    StringBuilder where = new StringBuilder("WHERE s.status IN ('active', 'temporarily closed')\n");
    String rank = "0";
    String distance = "CAST(NULL AS double precision)";
    String needScore = "0";

    if (c.taxonomyTermId() != null) {
      with.append(
          """
          terms AS (
            SELECT organisation_id, id, name FROM directory_taxonomy_term WHERE id = :term
            UNION
            SELECT t.organisation_id, t.id, t.name FROM directory_taxonomy_term t
            JOIN terms p ON t.organisation_id = p.organisation_id AND t.parent_id = p.id),
          """);
      p.put("term", c.taxonomyTermId());
      where.append(
          """
          AND EXISTS (SELECT 1 FROM directory_service_term st
            JOIN terms t ON t.organisation_id = st.organisation_id AND t.id = st.taxonomy_term_id
            WHERE st.organisation_id = s.organisation_id AND st.service_id = s.id)
          """);
    }
    if (c.origin() != null) {
      Origin o = c.origin();
      // A box a little larger than the circle, on the indexed point, then the exact distance.
      double dLat = Math.toDegrees(o.radiusKm() / EARTH_RADIUS_KM) * 1.01;
      double cos = Math.max(Math.cos(Math.toRadians(Math.abs(o.latitude()) + dLat)), 0.01);
      double dLon = Math.min(dLat / cos, 180);
      // Each place of a service carries the needs it meets, so a need filter narrows in the index
      // scan and the distance is worked out only for places in the box that meet a need.
      String needed =
          c.needs().isEmpty() ? "" : "\n    AND p.needs && string_to_array(:needs, ',')";
      with.append(
          """
          near AS (
            SELECT p.organisation_id, p.service_id, min(%s) AS distance_km
            FROM directory_service_point p
            WHERE p.position <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))%s
            GROUP BY p.organisation_id, p.service_id
            HAVING min(%s) <= :radius),
          """
              .formatted(DISTANCE, needed, DISTANCE));
      p.put("lat", o.latitude());
      p.put("lon", o.longitude());
      p.put("minLat", o.latitude() - dLat);
      p.put("maxLat", o.latitude() + dLat);
      p.put("minLon", o.longitude() - dLon);
      p.put("maxLon", o.longitude() + dLon);
      p.put("radius", o.radiusKm());
      from.append("JOIN near n ON n.organisation_id = s.organisation_id AND n.service_id = s.id\n");
      distance = "n.distance_km";
    }
    if (c.text() != null) {
      from.append("CROSS JOIN websearch_to_tsquery('english', :text) q\n");
      p.put("text", c.text());
      p.put("lowerText", c.text().toLowerCase(java.util.Locale.ROOT));
      p.put("candidates", TEXT_CANDIDATES);
      p.put("cap", TEXT_TOTAL_CAP);
    }
    if (!c.needs().isEmpty()) {
      p.put("needs", c.needs().stream().map(Enum::name).collect(Collectors.joining(",")));
    }
    if (!c.needs().isEmpty() && c.origin() == null) {
      // Near a postcode, the places already carry the needs (see the near step).
      where.append(
          """
          AND EXISTS (SELECT 1 FROM directory_service_need dn
            WHERE dn.need = ANY (string_to_array(:needs, ','))
              AND dn.organisation_id = s.organisation_id AND dn.service_id = s.id)
          """);
    }
    if (!c.needs().isEmpty() && c.suggestions()) {
      needScore =
          """
          (SELECT sum(CASE WHEN dn.status = 'CONFIRMED' THEN 2 ELSE 1 END) FROM directory_service_need dn
            WHERE dn.need = ANY (string_to_array(:needs, ','))
              AND dn.organisation_id = s.organisation_id AND dn.service_id = s.id)""";
    }
    if (c.age() != null) {
      p.put("age", c.age());
      where.append(
          "AND (s.minimum_age IS NULL OR s.minimum_age <= :age)"
              + " AND (s.maximum_age IS NULL OR s.maximum_age >= :age)\n");
    }
    if (c.freeOnly()) {
      where.append("AND s.free_of_charge\n");
    }
    if (c.acceptingOnly()) {
      where.append("AND s.accepting_referrals = 'YES'\n");
    }
    String openHours = "CAST(NULL AS text)";
    if (c.openAt() != null) {
      OpenAt at = c.openAt();
      p.put("openDate", at.date());
      p.put("isoDay", at.date().getDayOfWeek().getValue());
      p.put("weekDays", String.join(",", Recurrence.weeklyTokens(at.date())));
      p.put("monthDays", String.join(",", Recurrence.monthlyDayTokens(at.date())));
      p.put("monthDates", String.join(",", Recurrence.monthDateTokens(at.date())));
      String time = "";
      if (at.time() != null) {
        p.put("openTime", at.time());
        time = AT_TIME;
      }
      where.append("AND EXISTS (SELECT 1 ").append(OPEN_SCHEDULES).append(time).append(")\n");
      openHours =
          "(SELECT to_char(sc.opens_at, 'HH24:MI') || '-' || to_char(sc.closes_at, 'HH24:MI') "
              + OPEN_SCHEDULES
              + time
              + " ORDER BY sc.opens_at NULLS LAST LIMIT 1)";
    }

    // Text search ranks a bounded set of candidates rather than every match: the first services
    // with the words in their name or terms (the best matches), then, when those are few, with the
    // words anywhere, and only when those are few too, the services spelt alike, whose trigram scan
    // is the dearest part.
    // Every other filter applies inside each kind, so no match that passes them is lost below the
    // cap; the page step then reads only the candidates.
    String found;
    if (c.text() == null) {
      found =
          "SELECT "
              + columns(rank, distance, needScore, "false")
              + ", count(*) OVER () AS total\n"
              + from
              + where;
    } else {
      // Services with the words (stemmed) come before those only spelt alike; the similarity is
      // worked out only for the latter, as it costs far more than the rank. Each candidate
      // carries its order columns, so the page step reads no row again.
      String words =
          "SELECT "
              + columns("1 + ts_rank(s.search_vector, q)", distance, needScore, "true")
              + "\n"
              + from
              + where;
      String spelt =
          "SELECT "
              + columns(
                  "word_similarity(:lowerText, lower(s.name || ' ' || s.taxonomy_text))",
                  distance,
                  needScore,
                  "false")
              + "\n"
              + from
              + where;
      // Words anywhere are looked for only when too few names and terms have them: past the cap,
      // name and term matches fill every page there is, as they rank above description matches.
      with.append("titled AS (\n  ")
          .append(words)
          .append("AND s.title_vector @@ q\n  LIMIT :candidates),\n")
          .append("words AS (\n  SELECT * FROM titled\n  UNION\n  (")
          .append(words)
          .append("AND s.search_vector @@ q\n  AND (SELECT count(*) FROM titled) <= :cap\n")
          .append("  LIMIT :candidates)),\n")
          .append("spelt AS (\n  ")
          .append(spelt)
          .append("AND :lowerText <% lower(s.name || ' ' || s.taxonomy_text)")
          .append(" AND NOT s.search_vector @@ q\n")
          .append("  AND (SELECT count(*) FROM words) <= :cap\n  LIMIT :candidates),\n")
          .append("matched AS (SELECT * FROM words UNION ALL SELECT * FROM spelt),\n");
      found = "SELECT m.*, count(*) OVER () AS total FROM matched m\n";
    }

    String order =
        c.suggestions()
            ? "f.accepting DESC, f.need_score DESC, f.distance_km ASC NULLS LAST, f.sort_name, f.id"
            : switch (c.sort()) {
              case RELEVANCE -> "f.rank DESC, f.sort_name, f.id";
              case DISTANCE -> "f.distance_km ASC NULLS LAST, f.sort_name, f.id";
              case NAME -> "f.sort_name, f.id";
            };
    String innerOrder = order.replace("f.", "");
    p.put("limit", c.limit());
    p.put("offset", c.offset());

    String needsOfPage =
        c.needs().isEmpty()
            ? "CAST(NULL AS text)"
            : """
              (SELECT string_agg(dn.need || ':' || dn.status, ',' ORDER BY dn.status, dn.need)
                FROM directory_service_need dn
                WHERE dn.organisation_id = s.organisation_id AND dn.service_id = s.id
                  AND dn.need = ANY (string_to_array(:needs, ',')))""";
    String termsOfPage =
        c.taxonomyTermId() == null
            ? "CAST(NULL AS text)"
            : """
              (SELECT string_agg(DISTINCT t.name, '|')
                FROM directory_service_term st
                JOIN terms t ON t.organisation_id = st.organisation_id AND t.id = st.taxonomy_term_id
                WHERE st.organisation_id = s.organisation_id AND st.service_id = s.id)""";
    String sql =
        (with.isEmpty() ? "WITH " : "WITH RECURSIVE " + with)
            + """
            found AS (
              %s
              ORDER BY %s
              LIMIT :limit OFFSET :offset)
            SELECT f.organisation_id, f.id, f.rank, f.distance_km, f.text_match, f.total, s.name,
              s.status, s.accepting_referrals, s.minimum_age, s.maximum_age, s.free_of_charge,
              o.name AS organisation_name, %s AS needs, %s AS terms, %s AS open_hours
            FROM found f
            JOIN directory_service s ON s.organisation_id = f.organisation_id AND s.id = f.id
            LEFT JOIN directory_organization o
              ON o.organisation_id = s.organisation_id AND o.id = s.directory_organization_id
            ORDER BY %s
            """
                .formatted(found, innerOrder, needsOfPage, termsOfPage, openHours, order);
    return new Statement(sql, p);
  }

  /** What the page step orders by, and whether the words matched, for one match. */
  private static String columns(String rank, String distance, String needScore, String textMatch) {
    return """
        s.organisation_id, s.id, %s AS rank, %s AS distance_km, %s AS need_score,
          (s.accepting_referrals = 'YES') AS accepting, lower(s.name) AS sort_name,
          %s AS text_match"""
        .formatted(rank, distance, needScore, textMatch);
  }
}
