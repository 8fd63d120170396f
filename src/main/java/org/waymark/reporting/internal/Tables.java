package org.waymark.reporting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.waymark.reporting.ReportTable;
import org.waymark.shared.SmallNumbers;

/**
 * Turns counts and measures into published tables for one audience: true figures for a service's
 * own staff, or with small numbers suppressed (and secondary suppression across each table's
 * totals) for an aggregate audience.
 */
public final class Tables {

  private final SmallNumbers numbers;
  private final boolean suppressed;

  public Tables(SmallNumbers numbers, boolean suppressed) {
    this.numbers = numbers;
    this.suppressed = suppressed;
  }

  /** Whether small numbers are hidden. */
  public boolean suppressed() {
    return suppressed;
  }

  /** The threshold at and below which counts are hidden. */
  public int threshold() {
    return numbers.threshold();
  }

  /**
   * A table of counts with a totals row (and, with more than one column, a totals column).
   *
   * @param rowHeader the heading of the label column
   * @param columns the headings of the count columns
   * @param labels one label per row
   * @param counts the counts, row by row
   */
  public ReportTable counts(
      String rowHeader, List<String> columns, List<String> labels, long[][] counts, String note) {
    List<String> header = new ArrayList<>();
    header.add(rowHeader);
    header.addAll(columns);
    boolean totalColumn = columns.size() > 1;
    if (totalColumn) {
      header.add("Total");
    }
    if (labels.isEmpty()) {
      return new ReportTable(header, List.of(), null, note);
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> totals = new ArrayList<>();
    totals.add("Total");
    if (suppressed) {
      SmallNumbers.Table t = numbers.suppress(counts);
      for (int r = 0; r < labels.size(); r++) {
        List<String> row = new ArrayList<>();
        row.add(labels.get(r));
        row.addAll(t.cells().get(r));
        if (totalColumn) {
          row.add(t.rowTotals().get(r));
        }
        rows.add(row);
      }
      totals.addAll(t.columnTotals());
      if (totalColumn) {
        totals.add(t.total());
      }
    } else {
      long[] columnTotals = new long[columns.size()];
      long all = 0;
      for (int r = 0; r < labels.size(); r++) {
        List<String> row = new ArrayList<>();
        row.add(labels.get(r));
        long rowTotal = 0;
        for (int c = 0; c < columns.size(); c++) {
          row.add(format(counts[r][c]));
          rowTotal += counts[r][c];
          columnTotals[c] += counts[r][c];
        }
        if (totalColumn) {
          row.add(format(rowTotal));
        }
        all += rowTotal;
        rows.add(row);
      }
      for (long t : columnTotals) {
        totals.add(format(t));
      }
      if (totalColumn) {
        totals.add(format(all));
      }
    }
    return new ReportTable(header, rows, totals, note);
  }

  /** One count on its own as published. */
  public String count(long n) {
    return suppressed ? numbers.show(n) : format(n);
  }

  /** Whether a measure based on {@code n} people must be hidden. */
  public boolean hides(long n) {
    return suppressed && numbers.isSmall(n);
  }

  /** A measure (a mean, a median) based on {@code n} people, to one decimal place. */
  public String measure(Double value, long n) {
    if (value == null || n == 0) {
      return "-";
    }
    if (hides(n)) {
      return SmallNumbers.SUPPRESSED;
    }
    return String.format(Locale.UK, "%.1f", value);
  }

  /**
   * A share as a whole percentage. For an aggregate audience it is worked out from the published
   * (rounded) counts, and hidden when either is.
   */
  public String percent(long part, long whole) {
    if (whole == 0) {
      return "-";
    }
    if (suppressed) {
      if (numbers.isSmall(part) || numbers.isSmall(whole)) {
        return SmallNumbers.SUPPRESSED;
      }
      long p = SmallNumbers.rounded(part);
      long w = SmallNumbers.rounded(whole);
      return w == 0 ? "-" : Math.round(100.0 * p / w) + "%";
    }
    return Math.round(100.0 * part / whole) + "%";
  }

  /** A published cell back as a number for a chart; null when hidden or not a number. */
  public static Double value(String shown) {
    if (shown == null) {
      return null;
    }
    String s = shown.replace(",", "").replace("%", "").strip();
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String format(long n) {
    return String.format(Locale.UK, "%,d", n);
  }
}
