package org.waymark.reporting.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the English Indices of Deprivation (IoD2019 with LSOAs of 2011, IoD2025 with LSOAs of 2021)
 * from the official CSV or XLSX file: each LSOA's IMD decile and rank. Headers are matched
 * tolerantly: the LSOA column is the one whose name starts with LSOA code, the LSOA vintage is the
 * year in brackets after it, the decile column names IMD and Decile, the rank column IMD and Rank.
 * All rows of the file's vintage are replaced, in the caller's transaction, so a file that fails
 * leaves the rows held before.
 */
@Component
public class ImdImporter {

  static final int BATCH = 5_000;

  private static final Pattern LSOA = Pattern.compile("^[EW]0[0-9]{7}$");
  private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)");
  private static final Pattern IMD = Pattern.compile("\\bimd\\b");

  private final JdbcClient jdbc;

  ImdImporter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Replaces the deciles of the file's LSOA vintage. Must run in a transaction.
   *
   * @throws ReferenceFileException if the file is not an IoD file or has no valid row
   */
  public Loaded load(Path file) {
    Columns columns = new Columns();
    SkippedRows skipped = new SkippedRows();
    Set<String> seen = new HashSet<>();
    List<Object[]> batch = new ArrayList<>();
    int[] read = {0};
    int[] stored = {0};
    boolean found =
        TableReader.read(
            file,
            new TableReader.Rows() {
              @Override
              public boolean header(List<String> names) {
                if (!columns.find(names)) {
                  return false;
                }
                // The vintage is known now: its rows are replaced by the file's.
                jdbc.sql("DELETE FROM report_imd WHERE lsoa_vintage = :v")
                    .param("v", columns.vintage)
                    .update();
                return true;
              }

              @Override
              public void row(long number, List<String> values) {
                read[0]++;
                String code = cell(values, columns.lsoa).toUpperCase(Locale.ROOT);
                if (!LSOA.matcher(code).matches()) {
                  skipped.bad(number, "not an LSOA code");
                  return;
                }
                Integer decile = whole(cell(values, columns.decile));
                if (decile == null || decile < 1 || decile > 10) {
                  skipped.bad(number, "IMD decile not a whole number from 1 to 10");
                  return;
                }
                Integer rank = null;
                if (columns.rank >= 0 && !cell(values, columns.rank).isEmpty()) {
                  rank = whole(cell(values, columns.rank));
                  if (rank == null || rank < 1) {
                    skipped.bad(number, "IMD rank not a whole number from 1");
                    return;
                  }
                }
                if (!seen.add(code)) {
                  skipped.bad(number, "LSOA repeated");
                  return;
                }
                batch.add(new Object[] {code, decile, rank});
                if (batch.size() >= BATCH) {
                  stored[0] += write(columns.vintage, batch);
                }
              }
            });
    if (!found) {
      throw new ReferenceFileException(columns.problem());
    }
    stored[0] += write(columns.vintage, batch);
    if (stored[0] == 0) {
      throw new ReferenceFileException(
          "No row has an LSOA code and an IMD decile from 1 to 10"
              + (skipped.total() > 0 ? ": " + skipped.summary() : ""));
    }
    String message =
        "LSOAs of "
            + columns.vintage
            + ": "
            + stored[0]
            + (stored[0] == 1 ? " decile" : " deciles")
            + " stored, replacing those held before; "
            + skipped.summary();
    return new Loaded(read[0], stored[0], skipped.total(), message, Set.of());
  }

  private int write(String vintage, List<Object[]> batch) {
    if (batch.isEmpty()) {
      return 0;
    }
    String[] codes = batch.stream().map(r -> (String) r[0]).toArray(String[]::new);
    Integer[] deciles = batch.stream().map(r -> (Integer) r[1]).toArray(Integer[]::new);
    Integer[] ranks = batch.stream().map(r -> (Integer) r[2]).toArray(Integer[]::new);
    int n =
        jdbc.sql(
                """
                INSERT INTO report_imd (lsoa_vintage, lsoa_code, imd_decile, imd_rank)
                SELECT :v, c, d, r FROM unnest(CAST(:codes AS text[]), CAST(:deciles AS int[]),
                  CAST(:ranks AS int[])) AS t(c, d, r)
                """)
            .param("v", vintage)
            .param("codes", codes)
            .param("deciles", deciles)
            .param("ranks", ranks)
            .update();
    batch.clear();
    return n;
  }

  private static String cell(List<String> values, int index) {
    return index < values.size() ? values.get(index) : "";
  }

  /** A whole number, allowing thousands separators and a zero fraction (3.0); else null. */
  static Integer whole(String text) {
    String t = text.replace(",", "").strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(t).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** Where the wanted columns are, found from the header. */
  private static final class Columns {
    int lsoa = -1;
    int decile = -1;
    int rank = -1;
    String vintage;
    String otherYear;

    boolean find(List<String> names) {
      int l = -1;
      int d = -1;
      int r = -1;
      String year = null;
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (l < 0 && n.startsWith("lsoa code")) {
          l = i;
          Matcher m = YEAR.matcher(n);
          year = m.find() ? m.group(1) : null;
        } else if (d < 0 && IMD.matcher(n).find() && n.contains("decile")) {
          d = i;
        } else if (r < 0 && IMD.matcher(n).find() && n.contains("rank")) {
          r = i;
        }
      }
      if (l < 0 || d < 0) {
        return false;
      }
      if (!"2011".equals(year) && !"2021".equals(year)) {
        otherYear = year == null ? "" : year;
        return false;
      }
      lsoa = l;
      decile = d;
      rank = r;
      vintage = year;
      return true;
    }

    String problem() {
      if (otherYear != null) {
        return otherYear.isEmpty()
            ? "The LSOA code column does not say which LSOAs it holds: its name should end with"
                + " the year in brackets, LSOA code (2011) or LSOA code (2021)"
            : "The LSOA code column holds LSOAs of "
                + otherYear
                + ": only LSOAs of 2011 (IoD2019) and 2021 (IoD2025) can be imported";
      }
      return "The file has no LSOA code column and IMD decile column: is it the English"
          + " Indices of Deprivation file with the IMD deciles (for example File 1 or File 7)?";
    }
  }
}
