package org.waymark.directory.internal.curation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.ListingChange;
import org.waymark.directory.ListingDetails;
import org.waymark.directory.ListingNeed;
import org.waymark.directory.ReferralMethod;
import org.waymark.shared.NeedDomain;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The curation side of the directory tables: one service's editable fields, its need domains and
 * its change history, and the list of listings. Callers pass details already validated and
 * normalised, check access, and write the change history in the same transaction.
 */
@Repository
public class ListingRepository {

  /** Where Waymark's own listings say they came from, with their id as the source id. */
  public static final String SOURCE = "waymark";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String COLUMNS =
      """
      s.organisation_id, s.id, s.name, s.description, s.url, s.email, s.fees, s.free_of_charge,
      s.minimum_age, s.maximum_age, s.accepting_referrals, s.referral_method, s.referral_email,
      s.referral_form_url, s.capacity, s.answer_days, s.details::text AS details, s.status, s.source,
      s.source_id, s.created_at, s.last_modified, s.last_verified_at, s.last_verified_by, s.version,
      (s.last_verified_at IS NULL OR s.last_verified_at < now() - interval '12 months') AS stale
      """;

  private final JdbcClient jdbc;

  ListingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A service row as curation reads it. */
  public record Row(
      UUID holderOrganisationId,
      UUID id,
      ListingDetails details,
      String detailsJson,
      String status,
      String source,
      String sourceId,
      Instant createdAt,
      Instant lastModified,
      Instant lastVerifiedAt,
      String lastVerifiedBy,
      long version,
      boolean stale) {}

  /** The service with this id, whichever organisation holds it. */
  public Optional<Row> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM directory_service s WHERE s.id = ? LIMIT 1")
        .param(id)
        .query(ListingRepository::row)
        .optional();
  }

  /**
   * The holder's own ORUK organisation for the listings it keeps itself, made on first use, so each
   * such listing is published with the organisation that runs it.
   */
  public UUID ownOrganization(UUID holder, String name) {
    jdbc.sql(
            """
            INSERT INTO directory_organization (organisation_id, id, name, source, source_id)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (organisation_id, source, source_id) DO NOTHING
            """)
        .params(holder, UUID.randomUUID(), name, SOURCE, holder.toString())
        .update();
    return jdbc.sql(
            "SELECT id FROM directory_organization WHERE organisation_id = ? AND source = ? AND source_id = ?")
        .params(holder, SOURCE, holder.toString())
        .query(UUID.class)
        .single();
  }

  public void insert(UUID holder, UUID id, UUID directoryOrganizationId, ListingDetails d) {
    Map<String, Object> params = params(holder, id, d);
    params.put("org", directoryOrganizationId);
    params.put("details", withPhones("{}", d.phones()));
    params.put("source", SOURCE);
    params.put("sourceId", id.toString());
    jdbc.sql(
            """
            INSERT INTO directory_service (organisation_id, id, directory_organization_id, name, description,
              url, email, fees, free_of_charge, minimum_age, maximum_age, accepting_referrals, referral_method,
              referral_email, referral_form_url, capacity, answer_days, details, source, source_id)
            VALUES (:holder, :id, :org, :name, :description, :url, :email, :fees, :freeOfCharge, :minimumAge,
              :maximumAge, :acceptingReferrals, :referralMethod, :referralEmail, :referralFormUrl, :capacity,
              :answerDays, CAST(:details AS jsonb), :source, :sourceId)
            """)
        .params(params)
        .update();
  }

  /**
   * Writes new details if the service is still at {@code expectedVersion}, and moves it on.
   *
   * @param currentDetailsJson the stored {@code details}, whose other collections are kept
   * @param descriptionChanged false keeps the stored description as it is, so an imported
   *     description keeps its own markup unless someone rewrites it
   * @return false if the service has changed (or gone) since that version
   */
  public boolean update(
      UUID holder,
      UUID id,
      long expectedVersion,
      ListingDetails d,
      String currentDetailsJson,
      boolean descriptionChanged) {
    Map<String, Object> params = params(holder, id, d);
    params.put("version", expectedVersion);
    params.put("descriptionChanged", descriptionChanged);
    params.put("details", withPhones(currentDetailsJson, d.phones()));
    return jdbc.sql(
                """
                UPDATE directory_service SET name = :name,
                  description = CASE WHEN :descriptionChanged THEN :description ELSE description END, url = :url,
                  email = :email, fees = :fees, free_of_charge = :freeOfCharge, minimum_age = :minimumAge,
                  maximum_age = :maximumAge, accepting_referrals = :acceptingReferrals,
                  referral_method = :referralMethod, referral_email = :referralEmail,
                  referral_form_url = :referralFormUrl, capacity = :capacity, answer_days = :answerDays,
                  details = CAST(:details AS jsonb), last_modified = now(), version = version + 1
                WHERE organisation_id = :holder AND id = :id AND version = :version
                """)
            .params(params)
            .update()
        == 1;
  }

  /** Sets whether the service accepts referrals; moves its version on. */
  public void setAccepting(UUID holder, UUID id, AcceptingReferrals accepting) {
    jdbc.sql(
            """
            UPDATE directory_service SET accepting_referrals = ?, last_modified = now(), version = version + 1
            WHERE organisation_id = ? AND id = ?
            """)
        .params(accepting.name(), holder, id)
        .update();
  }

  /** Records that someone checked the listing with its service now; returns when. */
  public Instant markVerified(UUID holder, UUID id, String by) {
    return jdbc.sql(
            """
            UPDATE directory_service SET last_verified_at = now(), last_verified_by = ?,
              last_modified = now(), version = version + 1
            WHERE organisation_id = ? AND id = ? RETURNING last_verified_at
            """)
        .params(by, holder, id)
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .single();
  }

  /**
   * Moves {@code last_modified} on without a new version: need domains are not part of the edit
   * form, so changing them must not make an open edit stale.
   */
  public void touch(UUID holder, UUID id) {
    jdbc.sql(
            "UPDATE directory_service SET last_modified = now() WHERE organisation_id = ? AND id = ?")
        .params(holder, id)
        .update();
  }

  /** The service's need domains: suggestions first, then in the order of {@link NeedDomain}. */
  public List<ListingNeed> needs(UUID holder, UUID id) {
    List<ListingNeed> needs =
        new ArrayList<>(
            jdbc.sql(
                    """
                    SELECT need, status, reason, decided_by, decided_at FROM directory_service_need
                    WHERE organisation_id = ? AND service_id = ?
                    """)
                .params(holder, id)
                .query(
                    (rs, n) ->
                        new ListingNeed(
                            NeedDomain.valueOf(rs.getString("need")),
                            rs.getString("status").equals("CONFIRMED"),
                            rs.getString("reason"),
                            rs.getString("decided_by"),
                            instant(rs, "decided_at")))
                .list());
    needs.sort(
        java.util.Comparator.comparing(ListingNeed::confirmed)
            .thenComparing(n -> n.need().ordinal()));
    return needs;
  }

  /** Confirms a suggested need; false if the service has no such suggestion. */
  public boolean confirmNeed(UUID holder, UUID id, NeedDomain need, String by) {
    return jdbc.sql(
                """
                UPDATE directory_service_need SET status = 'CONFIRMED', decided_by = ?, decided_at = now()
                WHERE organisation_id = ? AND service_id = ? AND need = ? AND status = 'SUGGESTED'
                """)
            .params(by, holder, id, need.name())
            .update()
        == 1;
  }

  /** Adds a confirmed need; false if the service has it already (suggested or confirmed). */
  public boolean addNeed(UUID holder, UUID id, NeedDomain need, String by) {
    return jdbc.sql(
                """
                INSERT INTO directory_service_need (organisation_id, service_id, need, status, decided_by, decided_at)
                VALUES (?, ?, ?, 'CONFIRMED', ?, now())
                ON CONFLICT (organisation_id, service_id, need) DO NOTHING
                """)
            .params(holder, id, need.name(), by)
            .update()
        == 1;
  }

  /**
   * Removes a need; returns its status before ({@code SUGGESTED} or {@code CONFIRMED}), empty if
   * none.
   */
  public Optional<String> removeNeed(UUID holder, UUID id, NeedDomain need) {
    return jdbc.sql(
            """
            DELETE FROM directory_service_need WHERE organisation_id = ? AND service_id = ? AND need = ?
            RETURNING status
            """)
        .params(holder, id, need.name())
        .query(String.class)
        .optional();
  }

  /** Adds an entry to the service's change history. */
  public void recordChange(
      UUID holder, UUID id, String by, String summary, Map<String, List<String>> changes) {
    jdbc.sql(
            """
            INSERT INTO directory_change (organisation_id, service_id, changed_by, change, changes)
            VALUES (?, ?, ?, ?, CAST(? AS jsonb))
            """)
        .params(holder, id, by, summary, JSON.writeValueAsString(changes))
        .update();
  }

  /** The service's change history, newest first. */
  public List<ListingChange> history(UUID holder, UUID id) {
    return jdbc.sql(
            """
            SELECT changed_at, changed_by, change, changes::text AS changes FROM directory_change
            WHERE organisation_id = ? AND service_id = ? ORDER BY changed_at DESC, id DESC
            """)
        .params(holder, id)
        .query(
            (rs, n) ->
                new ListingChange(
                    rs.getTimestamp("changed_at").toInstant(),
                    rs.getString("changed_by"),
                    rs.getString("change"),
                    changes(rs.getString("changes"))))
        .list();
  }

  /** A page of services matching the filters; see {@code ListingSearch}. */
  public List<SummaryRow> search(
      UUID holder,
      boolean staleOnly,
      boolean needsToConfirm,
      AcceptingReferrals accepting,
      int limit,
      long offset) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(holder, staleOnly, needsToConfirm, accepting, params);
    params.put("limit", limit);
    params.put("offset", offset);
    String order =
        staleOnly
            ? "s.last_verified_at ASC NULLS FIRST, lower(s.name), s.id"
            : "lower(s.name), s.id";
    return jdbc.sql(
            """
            SELECT s.organisation_id, s.id, s.name, coalesce(s.email, o.email) AS contact_email,
              s.accepting_referrals, s.last_verified_at, s.last_verified_by,
              (s.last_verified_at IS NULL OR s.last_verified_at < now() - interval '12 months') AS stale,
              (SELECT count(*) FROM directory_service_need n WHERE n.organisation_id = s.organisation_id
                 AND n.service_id = s.id AND n.status = 'SUGGESTED') AS suggested
            FROM directory_service s
            LEFT JOIN directory_organization o
              ON o.organisation_id = s.organisation_id AND o.id = s.directory_organization_id
            """
                + where
                + " ORDER BY "
                + order
                + " LIMIT :limit OFFSET :offset")
        .params(params)
        .query(
            (rs, n) ->
                new SummaryRow(
                    rs.getObject("organisation_id", UUID.class),
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getString("contact_email"),
                    AcceptingReferrals.valueOf(rs.getString("accepting_referrals")),
                    instant(rs, "last_verified_at"),
                    rs.getString("last_verified_by"),
                    rs.getBoolean("stale"),
                    rs.getInt("suggested")))
        .list();
  }

  /** How many services match the filters. */
  public long count(
      UUID holder, boolean staleOnly, boolean needsToConfirm, AcceptingReferrals accepting) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(holder, staleOnly, needsToConfirm, accepting, params);
    return jdbc.sql("SELECT count(*) FROM directory_service s " + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  /** One row of the list of listings. */
  public record SummaryRow(
      UUID holderOrganisationId,
      UUID id,
      String name,
      String contactEmail,
      AcceptingReferrals acceptingReferrals,
      Instant lastVerifiedAt,
      String lastVerifiedBy,
      boolean stale,
      int suggestedNeeds) {}

  /** Every organisation that holds at least one listing. */
  public List<UUID> holders() {
    return jdbc.sql("SELECT DISTINCT organisation_id FROM directory_service")
        .query(UUID.class)
        .list();
  }

  private static String where(
      UUID holder,
      boolean staleOnly,
      boolean needsToConfirm,
      AcceptingReferrals accepting,
      Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    if (holder != null) {
      conditions.add("s.organisation_id = :holder");
      params.put("holder", holder);
    }
    if (staleOnly) {
      conditions.add(
          "(s.last_verified_at IS NULL OR s.last_verified_at < now() - interval '12 months')");
    }
    if (needsToConfirm) {
      conditions.add(
          """
          EXISTS (SELECT 1 FROM directory_service_need n WHERE n.organisation_id = s.organisation_id
            AND n.service_id = s.id AND n.status = 'SUGGESTED')""");
    }
    if (accepting != null) {
      conditions.add("s.accepting_referrals = :accepting");
      params.put("accepting", accepting.name());
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static Map<String, Object> params(UUID holder, UUID id, ListingDetails d) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("holder", holder);
    p.put("id", id);
    p.put("name", d.name());
    p.put("description", ListingRules.toHtml(d.description()));
    p.put("url", d.url());
    p.put("email", d.email());
    p.put("fees", d.fees());
    p.put("freeOfCharge", d.freeOfCharge());
    p.put("minimumAge", d.minimumAge());
    p.put("maximumAge", d.maximumAge());
    p.put("acceptingReferrals", d.acceptingReferrals().name());
    p.put("referralMethod", d.referralMethod().name());
    p.put("referralEmail", d.referralEmail());
    p.put("referralFormUrl", d.referralFormUrl());
    p.put("capacity", d.capacity());
    p.put("answerDays", d.answerDays());
    return p;
  }

  /**
   * The stored details with the service's own phones (ORUK {@code service.phones}) replaced; a
   * phone kept keeps its id and whatever else the source said about it.
   */
  static String withPhones(String detailsJson, List<String> numbers) {
    JsonNode parsed = JSON.readTree(detailsJson == null ? "{}" : detailsJson);
    ObjectNode details = parsed instanceof ObjectNode o ? o : JSON.createObjectNode();
    Map<String, JsonNode> existing = new LinkedHashMap<>();
    if (details.get("phones") instanceof ArrayNode phones) {
      for (JsonNode phone : phones) {
        if (phone.hasNonNull("number")) {
          existing.putIfAbsent(phone.get("number").asString(), phone);
        }
      }
    }
    ArrayNode phones = JSON.createArrayNode();
    for (String number : numbers) {
      JsonNode kept = existing.get(number);
      if (kept != null) {
        phones.add(kept);
      } else {
        ObjectNode phone = JSON.createObjectNode();
        phone.put("id", UUID.randomUUID().toString());
        phone.put("number", number);
        phones.add(phone);
      }
    }
    details.set("phones", phones);
    return JSON.writeValueAsString(details);
  }

  static List<String> phones(String detailsJson) {
    List<String> numbers = new ArrayList<>();
    JsonNode details = JSON.readTree(detailsJson == null ? "{}" : detailsJson);
    if (details.get("phones") instanceof ArrayNode phones) {
      for (JsonNode phone : phones) {
        if (phone.hasNonNull("number") && !phone.get("number").asString().isBlank()) {
          numbers.add(phone.get("number").asString().strip());
        }
      }
    }
    return numbers;
  }

  private static Map<String, List<String>> changes(String json) {
    Map<String, List<String>> changes = new LinkedHashMap<>();
    JsonNode node = JSON.readTree(json == null ? "{}" : json);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      String old = v.isArray() && v.size() > 0 && !v.get(0).isNull() ? v.get(0).asString() : null;
      String now = v.isArray() && v.size() > 1 && !v.get(1).isNull() ? v.get(1).asString() : null;
      changes.put(e.getKey(), ListingRules.pair(old, now));
    }
    return changes;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    String detailsJson = rs.getString("details");
    ListingDetails details =
        new ListingDetails(
            rs.getString("name"),
            ListingRules.toPlainText(rs.getString("description")),
            rs.getString("url"),
            rs.getString("email"),
            phones(detailsJson),
            rs.getString("fees"),
            rs.getObject("free_of_charge", Boolean.class),
            rs.getObject("minimum_age", Integer.class),
            rs.getObject("maximum_age", Integer.class),
            AcceptingReferrals.valueOf(rs.getString("accepting_referrals")),
            ReferralMethod.valueOf(rs.getString("referral_method")),
            rs.getString("referral_email"),
            rs.getString("referral_form_url"),
            rs.getObject("capacity", Integer.class),
            rs.getInt("answer_days"));
    return new Row(
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("id", UUID.class),
        details,
        detailsJson,
        rs.getString("status"),
        rs.getString("source"),
        rs.getString("source_id"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("last_modified").toInstant(),
        instant(rs, "last_verified_at"),
        rs.getString("last_verified_by"),
        rs.getLong("version"),
        rs.getBoolean("stale"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
