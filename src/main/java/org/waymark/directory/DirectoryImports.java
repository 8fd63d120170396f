package org.waymark.directory;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.directory.internal.imports.DirectoryImporter;
import org.waymark.directory.internal.imports.ImportReports;

/**
 * The directory's write path: imports Open Referral UK feeds (version 1 JSON from councils, 3.0
 * JSON, 3.0 CSV packages), harvests ORUK 3.0 APIs, and imports the ONS Postcode Directory.
 *
 * <p>Every import is idempotent (Waymark ids are derived from the holder, the source and the
 * record's id there, so importing again updates rather than duplicates), writes each record in its
 * own transaction (a record that fails leaves nothing behind and the rest go on), and keeps a
 * report with one line per record. Imported listings are held by {@link AuditLog#DEPLOYMENT} unless
 * a holder is given. Access is the caller's concern: the pages that call this require {@code
 * IMPORT_DIRECTORY}. Each import is audited as {@code DIRECTORY_IMPORTED}.
 */
@Service
public class DirectoryImports {

  /** What was imported. Stored: the names are stable. */
  public enum Kind {
    ORUK_FEED("Feed file"),
    ORUK_API("ORUK API harvest"),
    ORUK_CSV("ORUK CSV package"),
    POSTCODES("Postcode directory");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** What people read, for example "ORUK API harvest". */
    public String label() {
      return label;
    }
  }

  /** The shape of an uploaded file of services. */
  public enum Format {
    /** A JSON array of version 1 services, as council feeds publish them. */
    ORUK_1_JSON("Open Referral UK 1 feed (JSON)", Kind.ORUK_FEED),
    /**
     * One ORUK 3.0 service (as {@code /services/{id}} answers), an array of them, or a page with
     * {@code contents}; a page may also carry {@code taxonomies} and {@code taxonomy_terms},
     * imported first, and each service a {@code waymark} object with Waymark's own fields ({@code
     * accepting_referrals}, {@code referral_method}, {@code referral_email}, {@code
     * referral_form_url}, {@code capacity}, {@code answer_days}).
     */
    ORUK_3_JSON("Open Referral UK 3.0 services (JSON)", Kind.ORUK_FEED),
    /** A zip (or folder) of ORUK 3.0 CSV files: services.csv, organizations.csv and so on. */
    ORUK_3_CSV("Open Referral UK 3.0 CSV package (zip)", Kind.ORUK_CSV);

    private final String label;
    private final Kind kind;

    Format(String label, Kind kind) {
      this.label = label;
      this.kind = kind;
    }

    public String label() {
      return label;
    }

    /** The kind of import a file in this format makes. */
    public Kind kind() {
      return kind;
    }
  }

  /** What happened to one record. */
  public enum Outcome {
    CREATED("Created"),
    UPDATED("Updated"),
    UNCHANGED("Unchanged"),
    SKIPPED("Skipped"),
    FAILED("Failed");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Where an import has got to. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  /**
   * One import and its counts.
   *
   * @param startedBy who started it (an email address, or a description such as "schedule"); may be
   *     null
   * @param finishedAt null while it runs
   * @param message a note on the whole import, for example why it failed; may be null
   */
  public record Summary(
      UUID id,
      Kind kind,
      String source,
      String startedBy,
      Instant startedAt,
      Instant finishedAt,
      Status status,
      int created,
      int updated,
      int unchanged,
      int skipped,
      int failed,
      String message) {

    /** Every record the import looked at. */
    public int total() {
      return created + updated + unchanged + skipped + failed;
    }
  }

  /**
   * One record of an import's report.
   *
   * @param seq its place in the import, from 1
   * @param sourceId its id in the source; may be null when the source gave none
   * @param name its name, as far as it could be read; may be null
   * @param reason why it was skipped or failed, or a note on what was adjusted; may be null
   */
  public record Line(int seq, String sourceId, String name, Outcome outcome, String reason) {}

  /**
   * An ORUK 3.0 API harvested on a schedule.
   *
   * @param lastHarvestedAt when its last successful harvest started; null if never
   */
  public record HarvestSource(
      UUID id, String baseUrl, String name, int everyHours, Instant lastHarvestedAt) {}

  /** Thrown when a harvest source's address is not an http(s) URL; nothing is written. */
  public static class InvalidHarvestSourceException extends RuntimeException {
    public InvalidHarvestSourceException(String message) {
      super(message);
    }
  }

  private final DirectoryImporter importer;
  private final ImportReports reports;
  private final AuditLog audit;

  DirectoryImports(DirectoryImporter importer, ImportReports reports, AuditLog audit) {
    this.importer = importer;
    this.reports = reports;
    this.audit = audit;
  }

  /**
   * Imports a file of services held by the deployment.
   *
   * @param source names the feed; importing again under the same name updates the same listings
   * @param file a JSON file, or for {@link Format#ORUK_3_CSV} a zip or a folder of CSV files
   * @param startedBy who started it; may be null
   */
  public Summary importFile(Format format, String source, Path file, String startedBy) {
    return audited(importer.importFile(AuditLog.DEPLOYMENT, format, source, file, startedBy));
  }

  /**
   * Imports services from a stream (JSON formats only; CSV packages need {@link #importFile}).
   *
   * @param holder the organisation that will hold the listings, usually {@link AuditLog#DEPLOYMENT}
   */
  public Summary importStream(
      UUID holder, Format format, String source, InputStream content, String startedBy) {
    return audited(importer.importJson(holder, format, source, content, startedBy));
  }

  /**
   * Imports an ONS Postcode Directory CSV (columns {@code pcds}, {@code lat}, {@code long} among
   * others; read as a stream, so the whole directory will do), then geocodes the locations that
   * have a postcode but no coordinates. Only skipped rows are listed in its report.
   */
  public Summary importPostcodes(String source, InputStream csv, String startedBy) {
    return audited(importer.importPostcodes(source, csv, startedBy));
  }

  /**
   * Adds an ORUK 3.0 API to harvest (or finds the one with this address), without harvesting it.
   *
   * @throws InvalidHarvestSourceException if the address is not an absolute http(s) URL
   */
  public HarvestSource addHarvestSource(String baseUrl, String name, int everyHours) {
    return importer.addHarvestSource(baseUrl, name, everyHours);
  }

  /** True if the address can be harvested: an absolute http(s) URL without query or fragment. */
  public static boolean isHarvestableAddress(String baseUrl) {
    try {
      DirectoryImporter.normaliseBaseUrl(baseUrl);
      return true;
    } catch (InvalidHarvestSourceException e) {
      return false;
    }
  }

  /** Harvests one source now: after its first harvest, only services modified since the last. */
  public Optional<Summary> harvest(UUID harvestSourceId, String startedBy) {
    return importer.harvest(harvestSourceId, startedBy).map(this::audited);
  }

  /** The harvested APIs, by name. */
  public List<HarvestSource> harvestSources() {
    return reports.harvestSources();
  }

  /**
   * Sets coordinates from the postcode directory on locations that have a postcode but none of
   * their own; returns how many locations changed.
   */
  public int geocodeLocations() {
    return importer.geocodeLocations();
  }

  /** The most recent imports, newest first. */
  public List<Summary> recentImports(int limit) {
    return reports.recent(limit);
  }

  /** One import, if it exists. */
  public Optional<Summary> find(UUID importId) {
    return reports.find(importId);
  }

  /** An import's report lines in order; only those with this outcome unless it is null. */
  public List<Line> lines(UUID importId, Outcome outcome) {
    return reports.lines(importId, outcome);
  }

  private Summary audited(Summary summary) {
    audit.record(
        AuditEntry.allowed("DIRECTORY_IMPORTED", "directory_import", summary.id(), null)
            .withDetail(
                summary.kind()
                    + " "
                    + summary.source()
                    + ": "
                    + summary.status()
                    + ", created "
                    + summary.created()
                    + ", updated "
                    + summary.updated()
                    + ", unchanged "
                    + summary.unchanged()
                    + ", skipped "
                    + summary.skipped()
                    + ", failed "
                    + summary.failed()));
    return summary;
  }
}
