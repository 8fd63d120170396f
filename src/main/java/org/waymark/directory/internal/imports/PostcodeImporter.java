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
 * in the report, the rest are counted.
 */
@Component
class PostcodeImporter {

  static final int BATCH = 5_000;
  static final int LISTED_SKIPS = 200;

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
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, String> columns = columns(parser.getHeaderNames());
      if (columns == null) {
        return run.finish(
            Status.FAILED, "The file has no pcds, lat and long columns: is it the ONSPD CSV?");
      }
      Map<String, double[]> batch = new LinkedHashMap<>();
      for (CSVRecord row : parser) {
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
        if (batch.put(Postcode.normalise(postcode), new double[] {lat, lon}) != null) {
          // The same postcode twice in one batch: the later row wins, the earlier is not counted.
          run.count(Outcome.SKIPPED, 1);
        }
        if (batch.size() >= BATCH) {
          write(run, batch);
        }
      }
      write(run, batch);
    } catch (IOException | UncheckedIOException e) {
      return run.finish(Status.FAILED, "The file could not be read as CSV");
    } catch (IllegalArgumentException | IllegalStateException e) {
      return run.finish(Status.FAILED, "The file could not be read as CSV: " + e.getMessage());
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

  /** The ONSPD's column names, or the obvious alternatives; null if any is missing. */
  private static Map<String, String> columns(List<String> headers) {
    Map<String, String> found = new LinkedHashMap<>();
    for (String h : headers) {
      String n = h.strip().toLowerCase(Locale.ROOT);
      switch (n) {
        case "pcds", "postcode" -> found.putIfAbsent("pcds", h);
        case "lat", "latitude" -> found.putIfAbsent("lat", h);
        case "long", "lng", "longitude" -> found.putIfAbsent("long", h);
        default -> {}
      }
    }
    return found.size() == 3 ? found : null;
  }

  private static String value(CSVRecord row, String column) {
    return row.isSet(column) ? row.get(column).strip() : null;
  }

  private void write(ImportRunner.Run run, Map<String, double[]> batch) {
    if (batch.isEmpty()) {
      return;
    }
    String[] postcodes = batch.keySet().toArray(String[]::new);
    Double[] lats = batch.values().stream().map(v -> v[0]).toArray(Double[]::new);
    Double[] lons = batch.values().stream().map(v -> v[1]).toArray(Double[]::new);
    List<Boolean> inserted =
        transactions.execute(
            status ->
                jdbc.sql(
                        """
                        INSERT INTO postcode_location AS p (postcode, latitude, longitude)
                        SELECT * FROM unnest(CAST(:postcodes AS text[]),
                          CAST(:lats AS float8[]), CAST(:lons AS float8[]))
                        ON CONFLICT (postcode) DO UPDATE SET latitude = EXCLUDED.latitude,
                          longitude = EXCLUDED.longitude
                        WHERE (p.latitude, p.longitude)
                          IS DISTINCT FROM (EXCLUDED.latitude, EXCLUDED.longitude)
                        RETURNING (p.xmax = 0)
                        """)
                    .param("postcodes", postcodes)
                    .param("lats", lats)
                    .param("lons", lons)
                    .query(Boolean.class)
                    .list());
    int created = (int) inserted.stream().filter(Boolean::booleanValue).count();
    run.count(Outcome.CREATED, created);
    run.count(Outcome.UPDATED, inserted.size() - created);
    run.count(Outcome.UNCHANGED, batch.size() - inserted.size());
    batch.clear();
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
