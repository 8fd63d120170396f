package org.waymark.directory.internal.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.waymark.directory.internal.imports.ImportModel.Item;
import org.waymark.directory.internal.imports.ImportModel.Organization;
import org.waymark.directory.internal.imports.ImportModel.Service;
import org.waymark.directory.internal.imports.ImportModel.Skip;
import org.waymark.directory.internal.imports.ImportModel.Taxonomy;
import org.waymark.directory.internal.imports.ImportModel.Term;
import tools.jackson.databind.JsonNode;

/**
 * Reads one service of a council's ORUK version 1 feed: the service with its organisation, an HTML
 * description (sanitised here), {@code pc_metadata} and {@code pc_targetAudience}. Target audiences
 * become terms of a "Target audience" taxonomy, so search and need suggestions see them. A record
 * with no name, or whose description holds no text, is skipped with the reason.
 */
final class OrukV1FeedMapper {

  static final Taxonomy TARGET_AUDIENCE =
      new Taxonomy(
          "pc_targetAudience",
          "Target audience",
          "Who a service is for, as the council's feed describes it.",
          null,
          null);

  private OrukV1FeedMapper() {}

  static Item map(JsonNode s) {
    String id = Json.text(s, "id");
    String name = Json.text(s, "name");
    if (id == null) {
      return new Skip(null, name, "The record has no id, so it could not be imported again");
    }
    if (name == null) {
      return new Skip(id, null, "The record has no name");
    }
    String description = HtmlSanitiser.sanitise(Json.text(s, "description"));
    if (HtmlSanitiser.text(description).isEmpty()) {
      return new Skip(id, name, "The description is blank (no text, only empty markup)");
    }
    List<String> notes = new ArrayList<>();
    String status = Json.text(s, "status");
    if (status == null || !Oruk3Mapper.STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
      status = "active";
    }
    String fees = Json.text(s, "fees");
    return new Service(
        id,
        name,
        description,
        website(Json.text(s, "url"), notes),
        ContactFields.email(Json.text(s, "email"), notes),
        status.toLowerCase(Locale.ROOT),
        fees,
        Json.text(s, "accreditations"),
        null,
        null,
        Json.date(s, "assured_date"),
        null,
        null,
        Json.object(),
        Oruk3Mapper.freeOfCharge(Json.object(), fees),
        organization(Json.objectOrNull(s, "organization"), notes),
        List.of(),
        List.of(),
        audiences(s),
        null,
        notes);
  }

  private static Organization organization(JsonNode o, List<String> notes) {
    if (o == null || Json.text(o, "id") == null || Json.text(o, "name") == null) {
      return null;
    }
    return new Organization(
        Json.text(o, "id"),
        Json.text(o, "name"),
        Oruk3Mapper.orEmpty(HtmlSanitiser.sanitise(Json.text(o, "description"))),
        null,
        website(Json.text(o, "url"), notes),
        Json.text(o, "logo"),
        Json.text(o, "uri"),
        null,
        Json.array());
  }

  /** Target audiences as taxonomy terms, once each, named as the feed names them. */
  private static List<Term> audiences(JsonNode s) {
    Map<String, Term> terms = new LinkedHashMap<>();
    for (JsonNode a : Json.items(s, "pc_targetAudience")) {
      String id = Json.text(a, "id");
      String name = Json.text(a, "audienceType");
      if (id != null && name != null) {
        String readable = name.replaceAll("\\s*>\\s*", " > ").replaceAll("\\s+", " ");
        terms.putIfAbsent(
            id,
            new Term("pc_targetAudience:" + id, readable, "", null, null, null, TARGET_AUDIENCE));
      }
    }
    return List.copyOf(terms.values());
  }

  /** Feeds often give a bare domain ("example.org"): a link needs its scheme. */
  private static String website(String url, List<String> notes) {
    if (url == null || url.contains("://") || url.startsWith("mailto:")) {
      return url;
    }
    if (url.matches("(?i)(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)+(/\\S*)?")) {
      notes.add("web address '" + Json.shorten(url) + "' given without https://; added");
      return "https://" + url;
    }
    return url;
  }
}
