package org.waymark.reporting;

import java.util.List;

/**
 * A table as published on a dashboard and in its exports: every cell already as shown (counts
 * suppressed and rounded for an aggregate audience, true counts otherwise).
 *
 * @param header the column headings, the first for the row labels
 * @param rows each row's cells, the first its label
 * @param totals the totals row (the first cell its label), or null when totals mean nothing
 * @param note what a reader must know to read it right, or null
 */
public record ReportTable(
    List<String> header, List<List<String>> rows, List<String> totals, String note) {

  public ReportTable {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    totals = totals == null ? null : List.copyOf(totals);
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("A row must have a cell for each column");
      }
    }
  }

  /** Whether there is nothing to show. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The rows with the totals last, for exports. */
  public List<List<String>> rowsWithTotals() {
    if (totals == null) {
      return rows;
    }
    List<List<String>> all = new java.util.ArrayList<>(rows);
    all.add(totals);
    return all;
  }
}
