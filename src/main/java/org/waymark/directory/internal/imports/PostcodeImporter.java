package org.waymark.directory.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.directory.DirectoryImports.Kind;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.DirectoryImports.Status;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.shared.Postcode;

/**
 * Imports the ONS Postcode Directory (ONSPD) CSV, streamed in batches so the whole country (about
 * 2.7 million rows) fits in little memory. Rows without coordinates (ONSPD gives terminated and
 * non-geographic postcodes latitude 99.999999) are skipped; only the first skipped rows are listed
 * in the report, the rest are counted. When the file has the ONSPD's {@code lsoa11} and {@code
 * lsoa21} columns (or {@code lsoa11cd}, {@code lsoa21cd}), each postcode's Lower layer Super Output
 * Areas are kept too, for the reporting module's deprivation deciles; a value that is not an
 * English or Welsh LSOA code (Scottish data zones, Northern Irish super output areas, the ONSPD's
 * pseudo codes) is kept as null. A file without those columns leaves the LSOAs held as they are.
 */
@Component
class PostcodeImporter {

  static final int BATCH = 5_000;
  static final int LISTED_SKIPS = 200;

  private static final java.util.regex.Pattern LSOA =
      java.util.regex.Pattern.compile("^[EW]0[0-9]{7}$");

  /** What a row gives a postcode. The LSOAs may be null. */
  private record Place(double lat, double lon, String lsoa11, String lsoa21) {}

  private final ImportRunner runner;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  PostcodeImporter(ImportRunner runner, JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.runner = runner;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
  }

  Summary importCsv(UUID holder, String source, InputStream in, String startedBy) {
    ImportRunner.Run run = runner.start(holder, Kind.POSTCODES, source, startedBy);
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    int[] listed = {0};
    // Postcodes are written a batch at a time, each batch committed: a file that breaks part of the
    // way keeps the batches before, and the report says so.
    long[] kept = {0};
    long[] lastRow = {0};
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, String> columns = columns(parser.getHeaderNames());
      if (columns == null) {
        return run.finish(
            Status.FAILED, "The file has no pcds, lat and long columns: is it the ONSPD CSV?");
      }
      boolean hasLsoa11 = columns.containsKey("lsoa11");
      boolean hasLsoa21 = columns.containsKey("lsoa21");
      Map<String, Place> batch = new LinkedHashMap<>();
      for (CSVRecord row : parser) {
        lastRow[0] = row.getRecordNumber();
        String problem = null;
        String postcode = value(row, columns.get("pcds"));
        double lat = 0;
        double lon = 0;
        if (postcode == null || !Postcode.isValid(postcode)) {
          problem = "Not a UK postcode";
        } else {
          try {
            lat = Double.parseDouble(value(row, columns.get("lat")));
            lon = Double.parseDouble(value(row, columns.get("long")));
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
              problem = "No coordinates (the directory gives none for this postcode)";
            }
          } catch (NumberFormatException | NullPointerException e) {
            problem = "No coordinates (lat and long are not numbers)";
          }
        }
        if (problem != null) {
          if (listed[0]++ < LISTED_SKIPS) {
            run.line(postcode, "row " + row.getRecordNumber(), Outcome.SKIPPED, problem);
          } else {
            run.count(Outcome.SKIPPED, 1);
          }
          continue;
        }
        Place place =
            new Place(lat, lon, lsoa(row, columns.get("lsoa11")), lsoa(row, columns.get("lsoa21")));
        if (batch.put(Postcode.normalise(postcode), place) != null) {
          // The same postcode twice in one batch: the later row wins, the earlier is not counted.
          run.count(Outcome.SKIPPED, 1);
        }
        if (batch.size() >= BATCH) {
          kept[0] += write(run, batch, hasLsoa11, hasLsoa21);
        }
      }
      write(run, batch, hasLsoa11, hasLsoa21);
    } catch (IOException | UncheckedIOException e) {
      return run.finish(
          Status.FAILED, "The file could not be read as CSV" + stopped(lastRow[0], kept[0]));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return run.finish(
          Status.FAILED,
          "The file could not be read as CSV: " + e.getMessage() + stopped(lastRow[0], kept[0]));
    }
    int geocoded = geocode();
    String more =
        listed[0] > LISTED_SKIPS
            ? "; only the first " + LISTED_SKIPS + " skipped rows are listed"
            : "";
    return run.finish(
        Status.SUCCEEDED,
        "Postcodes are counted, not listed" + more + "; " + geocoded + " locations geocoded");
  }

  /** Where a file that broke stopped, and what was kept of it. */
  private static String stopped(long lastRow, long kept) {
    String where = lastRow == 0 ? "" : " after row " + lastRow;
    return kept == 0
        ? where + "; nothing was kept"
        : where
            + "; the "
            + kept
            + " postcodes before were kept, and importing the whole file again completes it";
  }

  /**
   * The ONSPD's column names, or the obvious alternatives, and the LSOA columns when there are any;
   * null if the postcode or a coordinate column is missing.
   */
  private static Map<String, String> columns(List<String> headers) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String h : headers) {
      String n = h.strip().toLowerCase(Locale.ROOT);
      switch (n) {
        case "pcds", "postcode" -> found.putIfAbsent("pcds", h);
        case "lat", "latitude" -> found.putIfAbsent("lat", h);
        case "long", "lng", "longitude" -> found.putIfAbsent("long", h);
        case "lsoa11", "lsoa11cd" -> found.putIfAbsent("lsoa11", h);
        case "lsoa21", "lsoa21cd" -> found.putIfAbsent("lsoa21", h);
        default -> {}
      }
    }
    return found.containsKey("pcds") && found.containsKey("lat") && found.containsKey("long")
        ? found
        : null;
  }

  /** An English or Welsh LSOA code from the column, or null. */
  private static String lsoa(CSVRecord row, String column) {
    if (column == null) {
      return null;
    }
    String v = value(row, column);
    if (v == null) {
      return null;
    }
    v = v.toUpperCase(Locale.ROOT);
    return LSOA.matcher(v).matches() ? v : null;
  }

  private static String value(CSVRecord row, String column) {
    return row.isSet(column) ? row.get(column).strip() : null;
  }

  /** Writes the batch in a transaction of its own; returns how many postcodes it held. */
  private int write(
      ImportRunner.Run run, Map<String, Place> batch, boolean hasLsoa11, boolean hasLsoa21) {
    if (batch.isEmpty()) {
      return 0;
    }
    int size = batch.size();
    String[] postcodes = batch.keySet().toArray(String[]::new);
    Double[] lats = batch.values().stream().map(Place::lat).toArray(Double[]::new);
    Double[] lons = batch.values().stream().map(Place::lon).toArray(Double[]::new);
    String[] lsoa11 = batch.values().stream().map(Place::lsoa11).toArray(String[]::new);
    String[] lsoa21 = batch.values().stream().map(Place::lsoa21).toArray(String[]::new);
    // A file without an LSOA column leaves the LSOAs already held; one with it replaces them.
    List<Boolean> inserted =
        transactions.execute(
            status ->
                jdbc.sql(
                        """
                        INSERT INTO postcode_location AS p
                          (postcode, latitude, longitude, lsoa11, lsoa21)
                        SELECT * FROM unnest(CAST(:postcodes AS text[]),
                          CAST(:lats AS float8[]), CAST(:lons AS float8[]),
                          CAST(:lsoa11 AS text[]), CAST(:lsoa21 AS text[]))
                        ON CONFLICT (postcode) DO UPDATE SET latitude = EXCLUDED.latitude,
                          longitude = EXCLUDED.longitude,
                          lsoa11 = CASE WHEN :has11 THEN EXCLUDED.lsoa11 ELSE p.lsoa11 END,
                          lsoa21 = CASE WHEN :has21 THEN EXCLUDED.lsoa21 ELSE p.lsoa21 END
                        WHERE (p.latitude, p.longitude,
                            CASE WHEN :has11 THEN EXCLUDED.lsoa11 ELSE p.lsoa11 END,
                            CASE WHEN :has21 THEN EXCLUDED.lsoa21 ELSE p.lsoa21 END)
                          IS DISTINCT FROM (EXCLUDED.latitude, EXCLUDED.longitude,
                            p.lsoa11, p.lsoa21)
                        RETURNING (p.xmax = 0)
                        """)
                    .param("postcodes", postcodes)
                    .param("lats", lats)
                    .param("lons", lons)
                    .param("lsoa11", lsoa11)
                    .param("lsoa21", lsoa21)
                    .param("has11", hasLsoa11)
                    .param("has21", hasLsoa21)
                    .query(Boolean.class)
                    .list());
    int created = (int) inserted.stream().filter(Boolean::booleanValue).count();
    run.count(Outcome.CREATED, created);
    run.count(Outcome.UPDATED, inserted.size() - created);
    run.count(Outcome.UNCHANGED, batch.size() - inserted.size());
    batch.clear();
    return size;
  }

  /**
   * Gives locations without coordinates of their own their postcode's, and follows the directory
   * where a postcode's coordinates changed. Returns how many locations changed.
   */
  int geocode() {
    return jdbc.sql(
            """
            UPDATE directory_location l SET latitude = p.latitude, longitude = p.longitude,
              geocoded_from_postcode = TRUE, last_modified = now()
            FROM postcode_location p
            WHERE p.postcode = l.postcode
              AND (l.latitude IS NULL
                OR (l.geocoded_from_postcode
                  AND (l.latitude, l.longitude) IS DISTINCT FROM (p.latitude, p.longitude)))
            """)
        .update();
  }
}
