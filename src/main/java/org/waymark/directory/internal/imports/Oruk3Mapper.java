package org.waymark.directory.internal.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.ReferralMethod;
import org.waymark.directory.internal.imports.ImportModel.Item;
import org.waymark.directory.internal.imports.ImportModel.Location;
import org.waymark.directory.internal.imports.ImportModel.Organization;
import org.waymark.directory.internal.imports.ImportModel.Schedule;
import org.waymark.directory.internal.imports.ImportModel.Service;
import org.waymark.directory.internal.imports.ImportModel.ServiceAtLocation;
import org.waymark.directory.internal.imports.ImportModel.Skip;
import org.waymark.directory.internal.imports.ImportModel.Taxonomy;
import org.waymark.directory.internal.imports.ImportModel.Term;
import org.waymark.directory.internal.imports.ImportModel.WaymarkFields;
import org.waymark.shared.Postcode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an ORUK 3.0 service as {@code /services/{id}} answers it (the {@code service_full} shape),
 * with its organisation, locations, schedules, taxonomy terms and nested collections. An optional
 * {@code waymark} object carries Waymark's own fields (Waymark's demo files use it).
 */
final class Oruk3Mapper {

  static final Set<String> STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");

  /** The nested collections kept whole on the service ({@code details}), in ORUK shape. */
  private static final List<String> DETAILS =
      List.of(
          "contacts",
          "phones",
          "cost_options",
          "languages",
          "funding",
          "service_areas",
          "required_documents");

  private Oruk3Mapper() {}

  static Item map(JsonNode s) {
    String id = Json.text(s, "id");
    String name = Json.text(s, "name");
    if (id == null) {
      return new Skip(null, name, "The record has no id, so it could not be imported again");
    }
    if (name == null) {
      return new Skip(id, null, "The record has no name");
    }
    List<String> notes = new ArrayList<>();
    String status = Json.text(s, "status");
    if (status != null) {
      status = status.toLowerCase(Locale.ROOT);
      if (!STATUSES.contains(status)) {
        notes.add(
            "status '" + Json.shorten(status) + "' is not an ORUK status; recorded as active");
        status = "active";
      }
    }

    ObjectNode details = Json.object();
    for (String field : DETAILS) {
      ArrayNode items = Json.withUuidIds(Json.prunedArray(s.get(field)), id + "/" + field);
      if (!items.isEmpty()) {
        details.set(field, items);
      }
    }

    List<ServiceAtLocation> sals = new ArrayList<>();
    List<Schedule> schedules = new ArrayList<>();
    int i = 0;
    for (JsonNode sch : Json.items(s, "schedules")) {
      schedules.add(
          schedule(sch, id + "#schedule-" + i++, Json.text(sch, "service_at_location_id"), notes));
    }
    int j = 0;
    for (JsonNode sal : Json.items(s, "service_at_locations")) {
      String salId = Json.text(sal, "id");
      if (salId == null) {
        salId = id + "#service-at-location-" + j;
      }
      j++;
      ObjectNode loc = Json.objectOrNull(sal, "location");
      if (loc == null) {
        notes.add("service at location " + salId + " has no location; left out");
        continue;
      }
      sals.add(new ServiceAtLocation(salId, location(loc, salId, notes)));
      int k = 0;
      for (JsonNode sch : Json.items(sal, "schedules")) {
        schedules.add(schedule(sch, salId + "#schedule-" + k++, salId, notes));
      }
    }

    List<Term> terms = new ArrayList<>();
    for (JsonNode attribute : Json.items(s, "attributes")) {
      ObjectNode term = Json.objectOrNull(attribute, "taxonomy_term");
      String linkType = Json.text(attribute, "link_type");
      if (term != null && (linkType == null || !linkType.equals("location"))) {
        Term t = term(term);
        if (t != null) {
          terms.add(t);
        }
      }
    }

    Integer minimumAge = Json.integer(s, "minimum_age");
    Integer maximumAge = Json.integer(s, "maximum_age");
    return new Service(
        id,
        name,
        orEmpty(HtmlSanitiser.sanitise(Json.text(s, "description"))),
        Json.text(s, "url"),
        ContactFields.email(Json.text(s, "email"), notes),
        status == null ? "active" : status,
        Json.text(s, "fees"),
        Json.text(s, "accreditations"),
        minimumAge,
        maximumAge,
        Json.date(s, "assured_date"),
        ContactFields.email(Json.text(s, "assurer_email"), notes),
        Json.text(s, "alert"),
        details,
        freeOfCharge(details, Json.text(s, "fees")),
        organization(Json.objectOrNull(s, "organization")),
        sals,
        schedules,
        terms,
        waymark(Json.objectOrNull(s, "waymark"), notes),
        notes);
  }

  static Organization organization(JsonNode o) {
    if (o == null || Json.text(o, "id") == null || Json.text(o, "name") == null) {
      return null;
    }
    ArrayNode identifiers =
        Json.withUuidIds(
            Json.prunedArray(o.get("organization_identifiers")),
            Json.text(o, "id") + "/organization_identifiers");
    return new Organization(
        Json.text(o, "id"),
        Json.text(o, "name"),
        orEmpty(HtmlSanitiser.sanitise(Json.text(o, "description"))),
        ContactFields.email(Json.text(o, "email"), null),
        Json.text(o, "website") != null ? Json.text(o, "website") : Json.text(o, "url"),
        Json.text(o, "logo"),
        Json.text(o, "uri"),
        Json.text(o, "parent_organization_id"),
        identifiers);
  }

  static Location location(JsonNode l, String fallbackId, List<String> notes) {
    String id = Json.text(l, "id");
    if (id == null) {
      id = fallbackId + "#location";
    }
    Double latitude = Json.decimal(l, "latitude");
    Double longitude = Json.decimal(l, "longitude");
    if (latitude == null
        || longitude == null
        || Math.abs(latitude) > 90
        || Math.abs(longitude) > 180) {
      if (latitude != null || longitude != null) {
        notes.add("location " + id + ": coordinates out of range or incomplete; left out");
      }
      latitude = null;
      longitude = null;
    }
    ArrayNode addresses = Json.withUuidIds(Json.prunedArray(l.get("addresses")), id + "/addresses");
    String type = Json.text(l, "location_type");
    if (type == null || !Set.of("physical", "postal", "virtual").contains(type)) {
      type = "physical";
    }
    return new Location(
        id,
        type,
        Json.text(l, "name"),
        HtmlSanitiser.sanitise(Json.text(l, "description")),
        latitude,
        longitude,
        postcode(addresses),
        Json.text(l, "external_identifier"),
        Json.text(l, "external_identifier_type"),
        addresses,
        Json.withUuidIds(Json.prunedArray(l.get("accessibility")), id + "/accessibility"));
  }

  /** The postcode of the first address that has a UK one, in its normal form. */
  static String postcode(ArrayNode addresses) {
    for (JsonNode a : addresses) {
      String p = Json.text(a, "postal_code");
      if (p != null && Postcode.isValid(p)) {
        return Postcode.normalise(p);
      }
    }
    return null;
  }

  static Schedule schedule(JsonNode s, String fallbackId, String salId, List<String> notes) {
    String id = Json.text(s, "id");
    if (id == null) {
      id = fallbackId;
    }
    String freq = Json.text(s, "freq");
    if (freq != null) {
      freq = freq.toUpperCase(Locale.ROOT);
      if (!freq.equals("WEEKLY") && !freq.equals("MONTHLY")) {
        notes.add(
            "schedule " + id + ": frequency " + Json.shorten(freq) + " not supported; left out");
        freq = null;
      }
    }
    Integer interval = Json.integer(s, "interval");
    if (interval != null && interval < 1) {
      interval = null;
    }
    return new Schedule(
        id,
        salId,
        Json.date(s, "valid_from"),
        Json.date(s, "valid_to"),
        Json.date(s, "dtstart"),
        freq,
        interval,
        upper(Json.text(s, "byday")),
        Json.text(s, "bymonthday"),
        Json.text(s, "description"),
        Json.time(s, "opens_at"),
        Json.time(s, "closes_at"),
        Json.text(s, "schedule_link"),
        Json.text(s, "attending_type"),
        Json.text(s, "notes"));
  }

  /** A taxonomy term, with its taxonomy when the source names or describes it. */
  static Term term(JsonNode t) {
    String id = Json.text(t, "id");
    String name = Json.text(t, "name");
    if (name == null) {
      name = Json.text(t, "term");
    }
    if (id == null || name == null) {
      return null;
    }
    Taxonomy taxonomy = null;
    ObjectNode detail = Json.objectOrNull(t, "taxonomy_detail");
    if (detail != null && Json.text(detail, "id") != null && Json.text(detail, "name") != null) {
      taxonomy = taxonomy(detail);
    } else if (Json.text(t, "taxonomy_id") != null) {
      String taxonomyName = Json.text(t, "taxonomy");
      taxonomy =
          new Taxonomy(
              Json.text(t, "taxonomy_id"),
              taxonomyName == null ? Json.text(t, "taxonomy_id") : taxonomyName,
              "",
              null,
              null);
    } else if (Json.text(t, "taxonomy") != null) {
      // A taxonomy known only by name: one per name and source.
      taxonomy =
          new Taxonomy(
              "name:" + Json.text(t, "taxonomy"), Json.text(t, "taxonomy"), "", null, null);
    }
    return new Term(
        id,
        name,
        orEmpty(Json.text(t, "description")),
        Json.text(t, "code"),
        Json.text(t, "term_uri"),
        Json.text(t, "parent_id"),
        taxonomy);
  }

  static Taxonomy taxonomy(JsonNode t) {
    return new Taxonomy(
        Json.text(t, "id"),
        Json.text(t, "name"),
        orEmpty(Json.text(t, "description")),
        Json.text(t, "uri"),
        Json.text(t, "version"));
  }

  /**
   * Free of charge when every cost option costs nothing (or says "free"), or the fees say so;
   * charged when any option has an amount; otherwise unknown.
   */
  static Boolean freeOfCharge(ObjectNode details, String fees) {
    ArrayNode options = Json.items(details, "cost_options");
    if (!options.isEmpty()) {
      boolean allFree = true;
      for (JsonNode o : options) {
        String amount = Json.text(o, "amount");
        String option = Json.text(o, "option");
        if (amount != null && isPositive(amount)) {
          return false;
        }
        boolean saysFree =
            option != null && option.toLowerCase(Locale.ROOT).matches(".*\\bfree\\b.*");
        boolean zero = amount != null && !isPositive(amount);
        allFree &= saysFree || zero;
      }
      if (allFree) {
        return true;
      }
    }
    if (fees != null) {
      String f = fees.toLowerCase(Locale.ROOT);
      if (f.matches(".*(£|\\bcost\\b|\\bcharge[sd]?\\b|\\bfee\\b|\\bper (session|hour|class)\\b).*")
          && !f.matches(".*\\b(no|free of) (cost|charge)\\b.*")) {
        return false;
      }
      if (f.matches(".*\\b(free|no cost|no charge|free of charge)\\b.*")) {
        return true;
      }
    }
    return null;
  }

  private static boolean isPositive(String amount) {
    try {
      return new BigDecimal(amount.replace("£", "").strip()).signum() > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static WaymarkFields waymark(JsonNode w, List<String> notes) {
    if (w == null) {
      return null;
    }
    String accepting = Json.text(w, "accepting_referrals");
    if (accepting != null && !isConstant(AcceptingReferrals.class, accepting)) {
      notes.add("accepting_referrals '" + Json.shorten(accepting) + "' unknown; left as it was");
      accepting = null;
    }
    String method = Json.text(w, "referral_method");
    if (method != null && !isConstant(ReferralMethod.class, method)) {
      notes.add("referral_method '" + Json.shorten(method) + "' unknown; left as it was");
      method = null;
    }
    return new WaymarkFields(
        accepting,
        method,
        Json.text(w, "referral_email"),
        Json.text(w, "referral_form_url"),
        Json.integer(w, "capacity"),
        Json.integer(w, "answer_days"));
  }

  private static <E extends Enum<E>> boolean isConstant(Class<E> type, String name) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT).replace(" ", "");
  }

  static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
