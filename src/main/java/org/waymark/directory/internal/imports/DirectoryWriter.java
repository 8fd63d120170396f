package org.waymark.directory.internal.imports;

import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.internal.imports.ImportModel.Location;
import org.waymark.directory.internal.imports.ImportModel.Organization;
import org.waymark.directory.internal.imports.ImportModel.Schedule;
import org.waymark.directory.internal.imports.ImportModel.Service;
import org.waymark.directory.internal.imports.ImportModel.ServiceAtLocation;
import org.waymark.directory.internal.imports.ImportModel.Taxonomy;
import org.waymark.directory.internal.imports.ImportModel.Term;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one service with everything that comes with it, inside the caller's transaction. Each row
 * is written only if it differs from what is stored ({@code IS DISTINCT FROM}), so an identical
 * import writes nothing and {@code last_modified} moves only when something changed. Collections
 * the source no longer lists (locations of the service, schedules, terms) are removed.
 */
@Component
class DirectoryWriter {

  private final JdbcClient jdbc;
  private final NeedSuggester needs;

  DirectoryWriter(JdbcClient jdbc, NeedSuggester needs) {
    this.jdbc = jdbc;
    this.needs = needs;
  }

  /** CREATED, UPDATED or UNCHANGED. */
  Outcome write(WriteContext ctx, Service s) {
    boolean changed = false;

    UUID organizationId = null;
    if (s.organization() != null) {
      organizationId = ctx.id("organization", s.organization().sourceId());
      if (ctx.firstTime(organizationId)) {
        changed |= writeOrganization(ctx, organizationId, s.organization());
      }
    }

    Map<UUID, String> termNames = new LinkedHashMap<>();
    for (Term t : s.terms()) {
      UUID termId = writeTerm(ctx, t);
      termNames.putIfAbsent(termId, t.name());
    }
    String taxonomyText = String.join(" ", new LinkedHashSet<>(termNames.values()));

    UUID serviceId = ctx.id("service", s.sourceId());
    ServiceRow row = writeService(ctx, serviceId, organizationId, taxonomyText, s);
    boolean created = row.inserted();
    boolean serviceRowChanged = row.changed();

    List<String> salIds = new ArrayList<>();
    Map<String, UUID> salBySource = new LinkedHashMap<>();
    for (ServiceAtLocation sal : s.serviceAtLocations()) {
      UUID locationId = ctx.id("location", sal.location().sourceId());
      if (ctx.firstTime(locationId)) {
        changed |= writeLocation(ctx, locationId, sal.location());
      }
      UUID salId = ctx.id("service_at_location", sal.sourceId());
      changed |= writeServiceAtLocation(ctx, salId, serviceId, locationId);
      salIds.add(salId.toString());
      salBySource.put(sal.sourceId(), salId);
    }
    List<String> scheduleIds = new ArrayList<>();
    for (Schedule sch : s.schedules()) {
      UUID scheduleId = ctx.id("schedule", sch.sourceId());
      UUID salId =
          sch.serviceAtLocationSourceId() == null
              ? null
              : salBySource.get(sch.serviceAtLocationSourceId());
      changed |= writeSchedule(ctx, scheduleId, serviceId, salId, sch);
      scheduleIds.add(scheduleId.toString());
    }
    if (!created) {
      changed |= removeOthers(ctx, "directory_schedule", "id", serviceId, scheduleIds) > 0;
      changed |= removeOthers(ctx, "directory_service_at_location", "id", serviceId, salIds) > 0;
    }
    changed |= writeServiceTerms(ctx, serviceId, termNames.keySet(), created);

    if (changed && !serviceRowChanged) {
      // A service's own row is its public face in the ORUK API: a new schedule or term changes it.
      jdbc.sql(
              "UPDATE directory_service SET last_modified = now(), version = version + 1"
                  + " WHERE organisation_id = :holder AND id = :id")
          .param("holder", ctx.holder)
          .param("id", serviceId)
          .update();
    }
    if (!created && !changed && !serviceRowChanged) {
      return Outcome.UNCHANGED;
    }
    needs.suggest(ctx.holder, serviceId, s, termNames.values(), created);
    recordChange(ctx, serviceId, created, row);
    return created ? Outcome.CREATED : Outcome.UPDATED;
  }

  // ---- organisations, taxonomies and terms ----

  private boolean writeOrganization(WriteContext ctx, UUID id, Organization o) {
    UUID parent = null;
    if (o.parentSourceId() != null) {
      UUID candidate = ctx.id("organization", o.parentSourceId());
      parent = exists("directory_organization", ctx.holder, candidate) ? candidate : null;
    }
    MapSqlParameterSource p =
        params(ctx)
            .addValue("id", id)
            .addValue("name", o.name())
            .addValue("description", o.description())
            .addValue("email", o.email(), Types.VARCHAR)
            .addValue("website", o.website(), Types.VARCHAR)
            .addValue("logo", o.logo(), Types.VARCHAR)
            .addValue("uri", o.uri(), Types.VARCHAR)
            .addValue("parent", parent, Types.OTHER)
            .addValue("identifiers", o.identifiers().toString())
            .addValue("sourceId", o.sourceId());
    return !jdbc.sql(
            """
            INSERT INTO directory_organization AS o (organisation_id, id, name, description, email,
              website, logo, uri, parent_id, identifiers, source, source_id)
            VALUES (:holder, :id, :name, :description, :email, :website, :logo, :uri, :parent,
              CAST(:identifiers AS jsonb), :source, :sourceId)
            ON CONFLICT (organisation_id, id) DO UPDATE SET name = EXCLUDED.name,
              description = EXCLUDED.description, email = EXCLUDED.email,
              website = EXCLUDED.website, logo = EXCLUDED.logo, uri = EXCLUDED.uri,
              parent_id = EXCLUDED.parent_id, identifiers = EXCLUDED.identifiers,
              last_modified = now()
            WHERE (o.name, o.description, o.email, o.website, o.logo, o.uri, o.parent_id,
                   o.identifiers)
              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.email,
                   EXCLUDED.website, EXCLUDED.logo, EXCLUDED.uri, EXCLUDED.parent_id,
                   EXCLUDED.identifiers)
            RETURNING o.id
            """)
        .paramSource(p)
        .query(UUID.class)
        .list()
        .isEmpty();
  }

  /** Writes the term (and its taxonomy) once per import; returns its Waymark id. */
  UUID writeTerm(WriteContext ctx, Term t) {
    UUID id = ctx.id("taxonomy_term", t.sourceId());
    if (!ctx.firstTime(id)) {
      return id;
    }
    UUID taxonomyId = null;
    if (t.taxonomy() != null) {
      taxonomyId = ctx.id("taxonomy", t.taxonomy().sourceId());
      if (ctx.firstTime(taxonomyId)) {
        writeTaxonomy(ctx, taxonomyId, t.taxonomy());
      }
    }
    UUID parent = null;
    if (t.parentSourceId() != null) {
      UUID candidate = ctx.id("taxonomy_term", t.parentSourceId());
      parent =
          !candidate.equals(id) && exists("directory_taxonomy_term", ctx.holder, candidate)
              ? candidate
              : null;
    }
    MapSqlParameterSource p =
        params(ctx)
            .addValue("id", id)
            .addValue("taxonomy", taxonomyId, Types.OTHER)
            .addValue("parent", parent, Types.OTHER)
            .addValue("code", t.code(), Types.VARCHAR)
            .addValue("name", t.name())
            .addValue("description", t.description())
            .addValue("termUri", t.termUri(), Types.VARCHAR)
            .addValue("sourceId", t.sourceId());
    jdbc.sql(
            """
            INSERT INTO directory_taxonomy_term AS t (organisation_id, id, taxonomy_id, parent_id,
              code, name, description, term_uri, source, source_id)
            VALUES (:holder, :id, :taxonomy, :parent, :code, :name, :description, :termUri,
              :source, :sourceId)
            ON CONFLICT (organisation_id, id) DO UPDATE SET taxonomy_id = EXCLUDED.taxonomy_id,
              parent_id = COALESCE(EXCLUDED.parent_id, t.parent_id), code = EXCLUDED.code,
              name = EXCLUDED.name, description = EXCLUDED.description,
              term_uri = EXCLUDED.term_uri
            WHERE (t.taxonomy_id, t.code, t.name, t.description, t.term_uri)
              IS DISTINCT FROM (EXCLUDED.taxonomy_id, EXCLUDED.code, EXCLUDED.name,
                EXCLUDED.description, EXCLUDED.term_uri)
              OR (EXCLUDED.parent_id IS NOT NULL AND t.parent_id IS DISTINCT FROM EXCLUDED.parent_id)
            """)
        .paramSource(p)
        .update();
    return id;
  }

  /** Links terms to their parents once all of a vocabulary's terms exist. */
  void linkParent(WriteContext ctx, Term t) {
    if (t.parentSourceId() == null) {
      return;
    }
    UUID id = ctx.id("taxonomy_term", t.sourceId());
    UUID parent = ctx.id("taxonomy_term", t.parentSourceId());
    if (!parent.equals(id) && exists("directory_taxonomy_term", ctx.holder, parent)) {
      jdbc.sql(
              "UPDATE directory_taxonomy_term SET parent_id = :parent WHERE organisation_id ="
                  + " :holder AND id = :id AND parent_id IS DISTINCT FROM :parent")
          .param("parent", parent)
          .param("holder", ctx.holder)
          .param("id", id)
          .update();
    }
  }

  void writeTaxonomy(WriteContext ctx, UUID id, Taxonomy t) {
    MapSqlParameterSource p =
        params(ctx)
            .addValue("id", id)
            .addValue("name", t.name())
            .addValue("description", t.description())
            .addValue("uri", t.uri(), Types.VARCHAR)
            .addValue("version", t.version(), Types.VARCHAR)
            .addValue("sourceId", t.sourceId());
    jdbc.sql(
            """
            INSERT INTO directory_taxonomy AS x (organisation_id, id, name, description, uri,
              version, source, source_id)
            VALUES (:holder, :id, :name, :description, :uri, :version, :source, :sourceId)
            ON CONFLICT (organisation_id, id) DO UPDATE SET name = EXCLUDED.name,
              description = EXCLUDED.description, uri = EXCLUDED.uri, version = EXCLUDED.version
            WHERE (x.name, x.description, x.uri, x.version)
              IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED.uri, EXCLUDED.version)
            """)
        .paramSource(p)
        .update();
  }

  // ---- the service ----

  /** The service row's fate, and the row before and after for the change history. */
  record ServiceRow(boolean inserted, boolean changed, String before, String after) {}

  private ServiceRow writeService(
      WriteContext ctx, UUID id, UUID organizationId, String taxonomyText, Service s) {
    var w = s.waymark();
    MapSqlParameterSource p =
        params(ctx)
            .addValue("id", id)
            .addValue("org", organizationId, Types.OTHER)
            .addValue("name", s.name())
            .addValue("description", s.description())
            .addValue("url", s.url(), Types.VARCHAR)
            .addValue("email", s.email(), Types.VARCHAR)
            .addValue("status", s.status())
            .addValue("fees", s.fees(), Types.VARCHAR)
            .addValue("accreditations", s.accreditations(), Types.VARCHAR)
            .addValue("minAge", s.minimumAge(), Types.INTEGER)
            .addValue("maxAge", s.maximumAge(), Types.INTEGER)
            .addValue("assuredDate", s.assuredDate(), Types.DATE)
            // The source's own assurance counts as a verification of the listing, by the source.
            .addValue(
                "assuredAt",
                s.assuredDate() == null
                    ? null
                    : s.assuredDate()
                        .atStartOfDay(java.time.ZoneId.of("Europe/London"))
                        .toOffsetDateTime(),
                Types.TIMESTAMP_WITH_TIMEZONE)
            .addValue(
                "assuredBy",
                s.assuredDate() == null ? null : "the source (" + ctx.source + ")",
                Types.VARCHAR)
            .addValue("assurerEmail", s.assurerEmail(), Types.VARCHAR)
            .addValue("alert", s.alert(), Types.VARCHAR)
            .addValue("details", s.details().toString())
            .addValue("free", s.freeOfCharge(), Types.BOOLEAN)
            .addValue("taxonomyText", taxonomyText)
            .addValue("hasWaymark", w != null, Types.BOOLEAN)
            .addValue("accepting", w == null ? null : w.acceptingReferrals(), Types.VARCHAR)
            .addValue("method", w == null ? null : w.referralMethod(), Types.VARCHAR)
            .addValue("refEmail", w == null ? null : w.referralEmail(), Types.VARCHAR)
            .addValue("refForm", w == null ? null : w.referralFormUrl(), Types.VARCHAR)
            .addValue("capacity", w == null ? null : w.capacity(), Types.INTEGER)
            .addValue("answerDays", w == null ? null : w.answerDays(), Types.INTEGER)
            .addValue("sourceId", s.sourceId());
    // Waymark's own fields are curated here: a source that does not carry them leaves them alone.
    List<ServiceRow> rows =
        jdbc.sql(
                """
                WITH before AS (
                  SELECT to_jsonb(b) - 'search_vector' AS row FROM directory_service b
                  WHERE b.organisation_id = :holder AND b.id = :id)
                INSERT INTO directory_service AS s (organisation_id, id, directory_organization_id,
                  name, description, url, email, status, fees, accreditations, minimum_age,
                  maximum_age, assured_date, assurer_email, alert, details, free_of_charge,
                  taxonomy_text, accepting_referrals, referral_method, referral_email,
                  referral_form_url, capacity, answer_days, source, source_id, last_verified_at,
                  last_verified_by)
                VALUES (:holder, :id, :org, :name, :description, :url, :email, :status, :fees,
                  :accreditations, :minAge, :maxAge, :assuredDate, :assurerEmail, :alert,
                  CAST(:details AS jsonb), :free, :taxonomyText, COALESCE(:accepting, 'YES'),
                  COALESCE(:method, 'SIGNPOST'), :refEmail, :refForm, :capacity,
                  COALESCE(:answerDays, 10), :source, :sourceId, :assuredAt, :assuredBy)
                ON CONFLICT (organisation_id, id) DO UPDATE SET
                  directory_organization_id = EXCLUDED.directory_organization_id,
                  name = EXCLUDED.name, description = EXCLUDED.description, url = EXCLUDED.url,
                  email = EXCLUDED.email, status = EXCLUDED.status, fees = EXCLUDED.fees,
                  accreditations = EXCLUDED.accreditations, minimum_age = EXCLUDED.minimum_age,
                  maximum_age = EXCLUDED.maximum_age, assured_date = EXCLUDED.assured_date,
                  assurer_email = EXCLUDED.assurer_email, alert = EXCLUDED.alert,
                  details = EXCLUDED.details, free_of_charge = EXCLUDED.free_of_charge,
                  taxonomy_text = EXCLUDED.taxonomy_text,
                  accepting_referrals = CASE WHEN :hasWaymark AND :accepting IS NOT NULL
                    THEN EXCLUDED.accepting_referrals ELSE s.accepting_referrals END,
                  referral_method = CASE WHEN :hasWaymark AND :method IS NOT NULL
                    THEN EXCLUDED.referral_method ELSE s.referral_method END,
                  referral_email = CASE WHEN :hasWaymark
                    THEN EXCLUDED.referral_email ELSE s.referral_email END,
                  referral_form_url = CASE WHEN :hasWaymark
                    THEN EXCLUDED.referral_form_url ELSE s.referral_form_url END,
                  capacity = CASE WHEN :hasWaymark THEN EXCLUDED.capacity ELSE s.capacity END,
                  answer_days = CASE WHEN :hasWaymark AND :answerDays IS NOT NULL
                    THEN EXCLUDED.answer_days ELSE s.answer_days END,
                  last_verified_by = CASE WHEN EXCLUDED.last_verified_at > s.last_verified_at
                    OR (s.last_verified_at IS NULL AND EXCLUDED.last_verified_at IS NOT NULL)
                    THEN EXCLUDED.last_verified_by ELSE s.last_verified_by END,
                  last_verified_at = GREATEST(s.last_verified_at, EXCLUDED.last_verified_at),
                  last_modified = now(), version = s.version + 1
                WHERE (s.directory_organization_id, s.name, s.description, s.url, s.email,
                       s.status, s.fees, s.accreditations, s.minimum_age, s.maximum_age,
                       s.assured_date, s.assurer_email, s.alert, s.details, s.free_of_charge,
                       s.taxonomy_text)
                  IS DISTINCT FROM (EXCLUDED.directory_organization_id, EXCLUDED.name,
                       EXCLUDED.description, EXCLUDED.url, EXCLUDED.email, EXCLUDED.status,
                       EXCLUDED.fees, EXCLUDED.accreditations, EXCLUDED.minimum_age,
                       EXCLUDED.maximum_age, EXCLUDED.assured_date, EXCLUDED.assurer_email,
                       EXCLUDED.alert, EXCLUDED.details, EXCLUDED.free_of_charge,
                       EXCLUDED.taxonomy_text)
                  OR (:hasWaymark AND (
                       (:accepting IS NOT NULL AND s.accepting_referrals <> EXCLUDED.accepting_referrals)
                    OR (:method IS NOT NULL AND s.referral_method <> EXCLUDED.referral_method)
                    OR (:answerDays IS NOT NULL AND s.answer_days <> EXCLUDED.answer_days)
                    OR (s.referral_email, s.referral_form_url, s.capacity)
                       IS DISTINCT FROM (EXCLUDED.referral_email, EXCLUDED.referral_form_url,
                       EXCLUDED.capacity)))
                RETURNING (s.xmax = 0) AS inserted, (SELECT row FROM before)::text AS before,
                  (to_jsonb(s) - 'search_vector')::text AS after
                """)
            .paramSource(p)
            .query(
                (rs, n) ->
                    new ServiceRow(
                        rs.getBoolean("inserted"),
                        true,
                        rs.getString("before"),
                        rs.getString("after")))
            .list();
    return rows.isEmpty() ? new ServiceRow(false, false, null, null) : rows.get(0);
  }

  // ---- locations and schedules ----

  private boolean writeLocation(WriteContext ctx, UUID id, Location l) {
    MapSqlParameterSource p =
        params(ctx)
            .addValue("id", id)
            .addValue("type", l.type())
            .addValue("name", l.name(), Types.VARCHAR)
            .addValue("description", l.description(), Types.VARCHAR)
            .addValue("lat", l.latitude(), Types.DOUBLE)
            .addValue("lon", l.longitude(), Types.DOUBLE)
            .addValue("postcode", l.postcode(), Types.VARCHAR)
            .addValue("extId", l.externalIdentifier(), Types.VARCHAR)
            .addValue("extIdType", l.externalIdentifierType(), Types.VARCHAR)
            .addValue("addresses", l.addresses().toString())
            .addValue("accessibility", l.accessibility().toString())
            .addValue("sourceId", l.sourceId());
    // Without coordinates of its own, a location takes its postcode's from the postcode directory.
    return jdbc.sql(
                """
                WITH pc AS (SELECT latitude, longitude FROM postcode_location
                            WHERE postcode = :postcode AND :lat IS NULL)
                INSERT INTO directory_location AS l (organisation_id, id, location_type, name,
                  description, latitude, longitude, geocoded_from_postcode, postcode,
                  external_identifier, external_identifier_type, addresses, accessibility, source,
                  source_id)
                SELECT :holder, :id, :type, :name, :description,
                  COALESCE(:lat, (SELECT latitude FROM pc)),
                  COALESCE(:lon, (SELECT longitude FROM pc)),
                  :lat IS NULL AND EXISTS (SELECT 1 FROM pc), :postcode, :extId, :extIdType,
                  CAST(:addresses AS jsonb), CAST(:accessibility AS jsonb), :source, :sourceId
                ON CONFLICT (organisation_id, id) DO UPDATE SET
                  location_type = EXCLUDED.location_type, name = EXCLUDED.name,
                  description = EXCLUDED.description, latitude = EXCLUDED.latitude,
                  longitude = EXCLUDED.longitude,
                  geocoded_from_postcode = EXCLUDED.geocoded_from_postcode,
                  postcode = EXCLUDED.postcode, external_identifier = EXCLUDED.external_identifier,
                  external_identifier_type = EXCLUDED.external_identifier_type,
                  addresses = EXCLUDED.addresses, accessibility = EXCLUDED.accessibility,
                  last_modified = now()
                WHERE (l.location_type, l.name, l.description, l.latitude, l.longitude,
                       l.geocoded_from_postcode, l.postcode, l.external_identifier,
                       l.external_identifier_type, l.addresses, l.accessibility)
                  IS DISTINCT FROM (EXCLUDED.location_type, EXCLUDED.name, EXCLUDED.description,
                       EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.geocoded_from_postcode,
                       EXCLUDED.postcode, EXCLUDED.external_identifier,
                       EXCLUDED.external_identifier_type, EXCLUDED.addresses,
                       EXCLUDED.accessibility)
                """)
            .paramSource(p)
            .update()
        > 0;
  }

  private boolean writeServiceAtLocation(
      WriteContext ctx, UUID id, UUID serviceId, UUID locationId) {
    return jdbc.sql(
                """
                INSERT INTO directory_service_at_location AS x (organisation_id, id, service_id,
                  location_id)
                VALUES (:holder, :id, :service, :location)
                ON CONFLICT (organisation_id, id) DO UPDATE SET service_id = EXCLUDED.service_id,
                  location_id = EXCLUDED.location_id
                WHERE (x.service_id, x.location_id)
                  IS DISTINCT FROM (EXCLUDED.service_id, EXCLUDED.location_id)
                """)
            .param("holder", ctx.holder)
            .param("id", id)
            .param("service", serviceId)
            .param("location", locationId)
            .update()
        > 0;
  }

  private boolean writeSchedule(WriteContext ctx, UUID id, UUID serviceId, UUID salId, Schedule s) {
    MapSqlParameterSource p =
        new MapSqlParameterSource()
            .addValue("holder", ctx.holder)
            .addValue("id", id)
            .addValue("service", serviceId)
            .addValue("sal", salId, Types.OTHER)
            .addValue("validFrom", s.validFrom(), Types.DATE)
            .addValue("validTo", s.validTo(), Types.DATE)
            .addValue("dtstart", s.dtstart(), Types.DATE)
            .addValue("freq", s.freq(), Types.VARCHAR)
            .addValue("interval", s.interval(), Types.INTEGER)
            .addValue("byday", s.byday(), Types.VARCHAR)
            .addValue("bymonthday", s.bymonthday(), Types.VARCHAR)
            .addValue("description", s.description(), Types.VARCHAR)
            .addValue("opensAt", s.opensAt(), Types.TIME)
            .addValue("closesAt", s.closesAt(), Types.TIME)
            .addValue("link", s.scheduleLink(), Types.VARCHAR)
            .addValue("attending", s.attendingType(), Types.VARCHAR)
            .addValue("notes", s.notes(), Types.VARCHAR);
    return jdbc.sql(
                """
                INSERT INTO directory_schedule AS x (organisation_id, id, service_id,
                  service_at_location_id, valid_from, valid_to, dtstart, freq, interval, byday,
                  bymonthday, description, opens_at, closes_at, schedule_link, attending_type,
                  notes)
                VALUES (:holder, :id, :service, :sal, :validFrom, :validTo, :dtstart, :freq,
                  :interval, :byday, :bymonthday, :description, :opensAt, :closesAt, :link,
                  :attending, :notes)
                ON CONFLICT (organisation_id, id) DO UPDATE SET service_id = EXCLUDED.service_id,
                  service_at_location_id = EXCLUDED.service_at_location_id,
                  valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
                  dtstart = EXCLUDED.dtstart, freq = EXCLUDED.freq, interval = EXCLUDED.interval,
                  byday = EXCLUDED.byday, bymonthday = EXCLUDED.bymonthday,
                  description = EXCLUDED.description, opens_at = EXCLUDED.opens_at,
                  closes_at = EXCLUDED.closes_at, schedule_link = EXCLUDED.schedule_link,
                  attending_type = EXCLUDED.attending_type, notes = EXCLUDED.notes
                WHERE (x.service_id, x.service_at_location_id, x.valid_from, x.valid_to,
                       x.dtstart, x.freq, x.interval, x.byday, x.bymonthday, x.description,
                       x.opens_at, x.closes_at, x.schedule_link, x.attending_type, x.notes)
                  IS DISTINCT FROM (EXCLUDED.service_id, EXCLUDED.service_at_location_id,
                       EXCLUDED.valid_from, EXCLUDED.valid_to, EXCLUDED.dtstart, EXCLUDED.freq,
                       EXCLUDED.interval, EXCLUDED.byday, EXCLUDED.bymonthday,
                       EXCLUDED.description, EXCLUDED.opens_at, EXCLUDED.closes_at,
                       EXCLUDED.schedule_link, EXCLUDED.attending_type, EXCLUDED.notes)
                """)
            .paramSource(p)
            .update()
        > 0;
  }

  /** Removes the service's rows of a table that this import no longer lists. */
  private int removeOthers(
      WriteContext ctx, String table, String column, UUID serviceId, List<String> keep) {
    return jdbc.sql(
            "DELETE FROM "
                + table
                + " WHERE organisation_id = :holder AND service_id = :service AND NOT ("
                + column
                + " = ANY (CAST(:keep AS uuid[])))")
        .param("holder", ctx.holder)
        .param("service", serviceId)
        .param("keep", keep.toArray(String[]::new))
        .update();
  }

  private boolean writeServiceTerms(
      WriteContext ctx, UUID serviceId, Set<UUID> termIds, boolean created) {
    List<String> keep = termIds.stream().map(UUID::toString).toList();
    int removed =
        created
            ? 0
            : removeOthers(ctx, "directory_service_term", "taxonomy_term_id", serviceId, keep);
    int added = 0;
    if (!keep.isEmpty()) {
      added =
          jdbc.sql(
                  """
                  INSERT INTO directory_service_term (organisation_id, service_id, taxonomy_term_id)
                  SELECT :holder, :service, t FROM unnest(CAST(:terms AS uuid[])) AS t
                  ON CONFLICT DO NOTHING
                  """)
              .param("holder", ctx.holder)
              .param("service", serviceId)
              .param("terms", keep.toArray(String[]::new))
              .update();
    }
    return removed + added > 0;
  }

  // ---- history ----

  /**
   * The change history names the fields an import changed, with their old and new values, as it
   * does for a curator's edit.
   */
  private void recordChange(WriteContext ctx, UUID serviceId, boolean created, ServiceRow row) {
    ObjectNode changes = Json.object();
    changes.put("import_id", ctx.importId.toString());
    changes.put("source", ctx.source);
    if (!created && row.before() != null && row.after() != null) {
      JsonNode before = Json.MAPPER.readTree(row.before());
      JsonNode after = Json.MAPPER.readTree(row.after());
      ObjectNode fields = Json.object();
      for (String name : after.propertyNames()) {
        if (Set.of("last_modified", "version", "created_at").contains(name)) {
          continue;
        }
        if (!Objects.equals(before.get(name), after.get(name))) {
          ObjectNode change = Json.object();
          change.set("old", before.get(name));
          change.set("new", after.get(name));
          fields.set(name, change);
        }
      }
      changes.set("fields", fields);
    }
    jdbc.sql(
            """
            INSERT INTO directory_change (organisation_id, service_id, changed_by, change, changes)
            VALUES (:holder, :service, :by, :change, CAST(:changes AS jsonb))
            """)
        .param("holder", ctx.holder)
        .param("service", serviceId)
        .param("by", ctx.changedBy)
        .param("change", created ? "IMPORT_CREATED" : "IMPORT_UPDATED")
        .param("changes", changes.toString())
        .update();
  }

  private boolean exists(String table, UUID holder, UUID id) {
    return jdbc.sql("SELECT 1 FROM " + table + " WHERE organisation_id = :holder AND id = :id")
        .param("holder", holder)
        .param("id", id)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  private static MapSqlParameterSource params(WriteContext ctx) {
    return new MapSqlParameterSource()
        .addValue("holder", ctx.holder)
        .addValue("source", ctx.source);
  }
}
