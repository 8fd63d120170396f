package org.waymark.directory.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditLog;
import org.waymark.directory.DirectoryImports.Format;
import org.waymark.directory.DirectoryImports.HarvestSource;
import org.waymark.directory.DirectoryImports.InvalidHarvestSourceException;
import org.waymark.directory.DirectoryImports.Status;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.directory.internal.imports.ImportModel.Item;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The importers behind {@code DirectoryImports}: one entry point per kind of source. */
@Component
public class DirectoryImporter {

  private final ImportRunner runner;
  private final PostcodeImporter postcodes;
  private final OrukHarvester harvester;
  private final AdvisoryLocks locks;
  private final JdbcClient jdbc;

  DirectoryImporter(
      ImportRunner runner,
      PostcodeImporter postcodes,
      OrukHarvester harvester,
      AdvisoryLocks locks,
      JdbcClient jdbc) {
    this.runner = runner;
    this.postcodes = postcodes;
    this.harvester = harvester;
    this.locks = locks;
    this.jdbc = jdbc;
  }

  /** A JSON file, or a CSV package as a zip or a folder. */
  public Summary importFile(
      UUID holder, Format format, String source, Path file, String startedBy) {
    if (format != Format.ORUK_3_CSV) {
      try (InputStream in = Files.newInputStream(file)) {
        return importJson(holder, format, source, in, startedBy);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    ImportRunner.Run run = runner.start(holder, format.kind(), source, startedBy);
    OrukCsvPackage csv;
    try {
      csv = OrukCsvPackage.read(file);
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return run.finish(Status.FAILED, "The package could not be read: " + reason(e));
    }
    String note = "";
    try {
      java.util.List<ImportModel.Taxonomy> taxonomies =
          csv.table("taxonomies").stream()
              .filter(t -> Json.text(t, "id") != null && Json.text(t, "name") != null)
              .map(Oruk3Mapper::taxonomy)
              .toList();
      java.util.List<ImportModel.Term> terms =
          csv.table("taxonomy_terms").stream()
              .map(Oruk3Mapper::term)
              .filter(java.util.Objects::nonNull)
              .toList();
      note = runner.vocabulary(run, taxonomies, terms) + " taxonomy terms";
    } catch (IllegalArgumentException e) {
      note = e.getMessage();
    }
    try {
      for (ObjectNode service : csv.services()) {
        run.record(service, Oruk3Mapper::map);
      }
    } catch (RuntimeException e) {
      return run.abandon(e);
    }
    return run.finish(Status.SUCCEEDED, note);
  }

  /**
   * Version 1 feeds are arrays; 3.0 JSON may be one service, an array, or a page with {@code
   * contents}.
   */
  public Summary importJson(
      UUID holder, Format format, String source, InputStream in, String startedBy) {
    if (format == Format.ORUK_3_CSV) {
      throw new IllegalArgumentException("A CSV package is imported from a file");
    }
    ImportRunner.Run run = runner.start(holder, format.kind(), source, startedBy);
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(in);
    } catch (JacksonException e) {
      return run.finish(Status.FAILED, "The file is not valid JSON");
    }
    JsonNode records = root;
    String note = null;
    if (root != null && root.isObject()) {
      records = root.has("contents") ? root.get("contents") : Json.array().add(root);
      if (format == Format.ORUK_3_JSON && (root.has("taxonomies") || root.has("taxonomy_terms"))) {
        note = vocabulary(run, Json.items(root, "taxonomies"), Json.items(root, "taxonomy_terms"));
      }
    }
    if (records == null || !records.isArray()) {
      return run.finish(Status.FAILED, "The file holds no list of services");
    }
    Function<JsonNode, Item> mapper =
        format == Format.ORUK_1_JSON ? OrukV1FeedMapper::map : Oruk3Mapper::map;
    try {
      for (JsonNode record : records) {
        run.record(record, mapper);
      }
    } catch (RuntimeException e) {
      return run.abandon(e);
    }
    return run.finish(Status.SUCCEEDED, note);
  }

  /** The taxonomies and terms a file carries beside its services; returns a note for the report. */
  private String vocabulary(
      ImportRunner.Run run,
      Iterable<? extends JsonNode> taxonomies,
      Iterable<? extends JsonNode> terms) {
    java.util.List<ImportModel.Taxonomy> t = new java.util.ArrayList<>();
    for (JsonNode x : taxonomies) {
      if (Json.text(x, "id") != null && Json.text(x, "name") != null) {
        t.add(Oruk3Mapper.taxonomy(x));
      }
    }
    java.util.List<ImportModel.Term> list = new java.util.ArrayList<>();
    for (JsonNode x : terms) {
      ImportModel.Term term = Oruk3Mapper.term(x);
      if (term != null) {
        list.add(term);
      }
    }
    try {
      return runner.vocabulary(run, t, list) + " taxonomy terms";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  public Summary importPostcodes(String source, InputStream csv, String startedBy) {
    return postcodes.importCsv(AuditLog.DEPLOYMENT, source, csv, startedBy);
  }

  public int geocodeLocations() {
    return postcodes.geocode();
  }

  /** Adds the source, or returns the one with this address (its name and schedule updated). */
  public HarvestSource addHarvestSource(String baseUrl, String name, int everyHours) {
    String url = normaliseBaseUrl(baseUrl);
    String label =
        name == null || Json.storable(name).isBlank()
            ? URI.create(url).getHost()
            : Json.storable(name).strip();
    return jdbc.sql(
            """
            INSERT INTO directory_harvest_source (organisation_id, id, base_url, name, every_hours)
            VALUES (:holder, :id, :url, :name, :every)
            ON CONFLICT (organisation_id, base_url) DO UPDATE SET name = EXCLUDED.name,
              every_hours = EXCLUDED.every_hours
            RETURNING id, base_url, name, every_hours, last_harvested_at
            """)
        .param("holder", AuditLog.DEPLOYMENT)
        .param("id", UUID.randomUUID())
        .param("url", url)
        .param("name", label)
        .param("every", Math.max(1, everyHours))
        .query(ImportReports::harvestSource)
        .single();
  }

  /** An absolute http(s) address without a trailing slash, query or fragment. */
  public static String normaliseBaseUrl(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new InvalidHarvestSourceException("Enter the API's address");
    }
    try {
      URI uri = new URI(baseUrl.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null) {
        throw new InvalidHarvestSourceException(
            "Enter the API's address starting with https://, without ? or #");
      }
      String s = uri.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      return s;
    } catch (URISyntaxException e) {
      throw new InvalidHarvestSourceException(
          "Enter the API's address starting with https://, without ? or #");
    }
  }

  /**
   * Harvests the source now, unless it is being harvested already (by this instance or another):
   * then, as when there is no such source, nothing happens.
   */
  public Optional<Summary> harvest(UUID sourceId, String startedBy) {
    Optional<HarvestSource> source =
        jdbc.sql(
                "SELECT id, base_url, name, every_hours, last_harvested_at FROM"
                    + " directory_harvest_source WHERE organisation_id = :holder AND id = :id")
            .param("holder", AuditLog.DEPLOYMENT)
            .param("id", sourceId)
            .query(ImportReports::harvestSource)
            .optional();
    if (source.isEmpty()) {
      return Optional.empty();
    }
    return locks.tryWith(
        "directory-harvest:" + sourceId,
        () -> {
          Instant started = Instant.now();
          jdbc.sql(
                  "UPDATE directory_harvest_source SET last_attempted_at = :at WHERE"
                      + " organisation_id = :holder AND id = :id")
              .param("at", java.sql.Timestamp.from(started))
              .param("holder", AuditLog.DEPLOYMENT)
              .param("id", sourceId)
              .update();
          Summary summary =
              harvester.harvest(AuditLog.DEPLOYMENT, source.get(), started, startedBy);
          if (summary.status() == Status.SUCCEEDED) {
            jdbc.sql(
                    "UPDATE directory_harvest_source SET last_harvested_at = :at WHERE"
                        + " organisation_id = :holder AND id = :id")
                .param("at", java.sql.Timestamp.from(started))
                .param("holder", AuditLog.DEPLOYMENT)
                .param("id", sourceId)
                .update();
          }
          return summary;
        });
  }

  /** The sources whose next harvest is due, oldest first. */
  java.util.List<UUID> dueHarvestSources() {
    return jdbc.sql(
            """
            SELECT id FROM directory_harvest_source
            WHERE COALESCE(last_attempted_at, last_harvested_at) IS NULL
               OR COALESCE(last_attempted_at, last_harvested_at)
                  < now() - every_hours * INTERVAL '1 hour'
            ORDER BY COALESCE(last_attempted_at, last_harvested_at) NULLS FIRST
            """)
        .query(UUID.class)
        .list();
  }

  private static String reason(Exception e) {
    return e instanceof IllegalArgumentException && e.getMessage() != null
        ? e.getMessage()
        : "it is not a zip of CSV files";
  }
}
