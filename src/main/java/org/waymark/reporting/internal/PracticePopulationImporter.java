package org.waymark.reporting.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads NHS England's monthly Patients Registered at a GP Practice file (gp-reg-pat-prac-all.csv):
 * for each whole practice (TYPE GP, SEX ALL, AGE ALL) that Waymark knows by its ODS code and that
 * belongs to a PCN, the number registered in the month of the extract, kept under the practice's
 * PCN. Rows for practices elsewhere are counted, not listed. Runs in the caller's transaction.
 */
@Component
public class PracticePopulationImporter {

  static final int BATCH = 5_000;

  private static final DateTimeFormatter NHS_DATE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("ddMMMuuuu")
          .toFormatter(Locale.ENGLISH)
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private final JdbcClient jdbc;

  PracticePopulationImporter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A GP practice in Waymark and its PCN. */
  public record Practice(UUID id, UUID pcnId) {}

  /**
   * Stores the file's figures for the given practices. Must run in a transaction.
   *
   * @param practices the practices Waymark knows, by ODS code in capitals
   * @throws ReferenceFileException if the file is not the publication or has no usable row
   */
  public Loaded load(Path file, Map<String, Practice> practices) {
    Map<String, Integer> columns = new HashMap<>();
    SkippedRows skipped = new SkippedRows();
    // Practice and month to the row's figure; a later row for the same ones wins.
    Map<List<Object>, Integer> figures = new LinkedHashMap<>();
    Set<LocalDate> months = new TreeSet<>();
    int[] read = {0};
    int[] dataRows = {0};
    boolean found =
        TableReader.read(
            file,
            new TableReader.Rows() {
              @Override
              public boolean header(List<String> names) {
                for (int i = 0; i < names.size(); i++) {
                  columns.putIfAbsent(names.get(i).toUpperCase(Locale.ROOT), i);
                }
                return columns.containsKey("CODE")
                    && columns.containsKey("EXTRACT_DATE")
                    && columns.containsKey("NUMBER_OF_PATIENTS");
              }

              @Override
              public void row(long number, List<String> values) {
                read[0]++;
                if (!is(values, "TYPE", "GP")
                    || !is(values, "SEX", "ALL")
                    || !is(values, "AGE", "ALL")) {
                  skipped.count("not a whole practice (TYPE GP, SEX ALL, AGE ALL)");
                  return;
                }
                dataRows[0]++;
                String code = cell(values, "CODE").toUpperCase(Locale.ROOT);
                LocalDate month = month(cell(values, "EXTRACT_DATE"));
                if (month == null) {
                  skipped.bad(number, "EXTRACT_DATE not a date such as 01NOV2026 or 2026-11-01");
                  return;
                }
                Integer registered = ImdImporter.whole(cell(values, "NUMBER_OF_PATIENTS"));
                if (registered == null || registered < 0) {
                  skipped.bad(number, "NUMBER_OF_PATIENTS not a whole number");
                  return;
                }
                Practice practice = practices.get(code);
                if (practice == null) {
                  skipped.count("for practices not in Waymark or in no PCN");
                  return;
                }
                if (figures.put(List.of(practice.id(), month), registered) != null) {
                  skipped.bad(number, "practice and month repeated (the later row is kept)");
                }
                months.add(month);
              }

              private boolean is(List<String> values, String column, String expected) {
                return !columns.containsKey(column)
                    || cell(values, column).equalsIgnoreCase(expected);
              }

              private String cell(List<String> values, String column) {
                int i = columns.get(column);
                return i < values.size() ? values.get(i) : "";
              }
            });
    if (!found) {
      throw new ReferenceFileException(
          "The file has no CODE, EXTRACT_DATE and NUMBER_OF_PATIENTS columns: is it NHS"
              + " England's Patients Registered at a GP Practice file (gp-reg-pat-prac-all.csv)?");
    }
    if (dataRows[0] == 0) {
      throw new ReferenceFileException(
          "The file has no row for a whole practice (TYPE GP, SEX ALL and AGE ALL): is it the"
              + " file of all practices, gp-reg-pat-prac-all.csv?");
    }
    Map<UUID, UUID> pcnOf = new HashMap<>();
    practices.values().forEach(p -> pcnOf.put(p.id(), p.pcnId()));
    Set<UUID> tenants = new LinkedHashSet<>();
    List<Object[]> batch = new ArrayList<>();
    int stored = 0;
    for (Map.Entry<List<Object>, Integer> e : figures.entrySet()) {
      UUID practice = (UUID) e.getKey().get(0);
      UUID pcn = pcnOf.get(practice);
      tenants.add(pcn);
      batch.add(new Object[] {pcn, practice, e.getKey().get(1), e.getValue()});
      if (batch.size() >= BATCH) {
        stored += write(batch);
      }
    }
    stored += write(batch);
    String message =
        stored
            + (stored == 1 ? " practice figure" : " practice figures")
            + " stored"
            + (months.isEmpty()
                ? ""
                : " for "
                    + String.join(
                        ", ",
                        months.stream()
                            .map(
                                m ->
                                    m.format(
                                        DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH)))
                            .toList()))
            + "; "
            + skipped.summary();
    return new Loaded(read[0], stored, skipped.total(), message, tenants);
  }

  private int write(List<Object[]> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    UUID[] pcns = batch.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new);
    UUID[] practices = batch.stream().map(r -> (UUID) r[1]).toArray(UUID[]::new);
    String[] months = batch.stream().map(r -> r[2].toString()).toArray(String[]::new);
    Integer[] registered = batch.stream().map(r -> (Integer) r[3]).toArray(Integer[]::new);
    // A practice that moved to another PCN keeps one figure a month: the one under its PCN now.
    jdbc.sql(
            """
            DELETE FROM report_practice_population p
            USING unnest(CAST(:pcns AS uuid[]), CAST(:practices AS uuid[]),
              CAST(:months AS date[])) AS n(pcn, practice, month)
            WHERE p.practice_id = n.practice AND p.month = n.month AND p.organisation_id <> n.pcn
            """)
        .param("pcns", pcns)
        .param("practices", practices)
        .param("months", months)
        .update();
    int n =
        jdbc.sql(
                """
                INSERT INTO report_practice_population
                  (organisation_id, practice_id, month, registered)
                SELECT * FROM unnest(CAST(:pcns AS uuid[]), CAST(:practices AS uuid[]),
                  CAST(:months AS date[]), CAST(:registered AS int[]))
                ON CONFLICT (organisation_id, practice_id, month) DO UPDATE
                  SET registered = EXCLUDED.registered, imported_at = now()
                """)
            .param("pcns", pcns)
            .param("practices", practices)
            .param("months", months)
            .param("registered", registered)
            .update();
    batch.clear();
    return n;
  }

  /** The first day of the month of an extract date such as 01NOV2026 or 2026-11-01; else null. */
  static LocalDate month(String text) {
    String t = text.strip();
    for (DateTimeFormatter f : List.of(NHS_DATE, DateTimeFormatter.ISO_LOCAL_DATE)) {
      try {
        return LocalDate.parse(t, f).withDayOfMonth(1);
      } catch (DateTimeParseException e) {
        // the other form
      }
    }
    return null;
  }
}
