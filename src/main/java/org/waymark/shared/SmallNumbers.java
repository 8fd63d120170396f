package org.waymark.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small-number suppression for aggregate tables published to commissioners and the public, after
 * NHS Digital's method for hospital statistics: counts from 1 to the threshold (7 by default) are
 * shown as an asterisk, every other count is rounded to the nearest 5, and further cells are
 * suppressed where a row or column total, with the other cells shown, would give a suppressed cell
 * away. Zero is shown as 0. Pure: no state beyond the threshold, safe to share.
 */
public final class SmallNumbers {

  /** What a suppressed count is shown as. */
  public static final String SUPPRESSED = "*";

  /** The threshold used unless configured otherwise. */
  public static final int DEFAULT_THRESHOLD = 7;

  private final int threshold;

  /**
   * Suppression at a threshold.
   *
   * @param threshold the largest count that is suppressed; 0 suppresses nothing (only rounds)
   * @throws IllegalArgumentException if the threshold is negative
   */
  public SmallNumbers(int threshold) {
    if (threshold < 0) {
      throw new IllegalArgumentException("The suppression threshold must not be negative");
    }
    this.threshold = threshold;
  }

  /** The largest count that is suppressed. */
  public int threshold() {
    return threshold;
  }

  /** Whether a count on its own must be suppressed (from 1 to the threshold). */
  public boolean isSmall(long count) {
    return count >= 1 && count <= threshold;
  }

  /** A count rounded to the nearest 5 (halves never occur for whole numbers). */
  public static long rounded(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("A count must not be negative");
    }
    return Math.round(count / 5.0) * 5;
  }

  /** One count on its own as published: an asterisk for 1 to the threshold, else rounded. */
  public String show(long count) {
    return isSmall(count) ? SUPPRESSED : Long.toString(rounded(count));
  }

  /**
   * A table of counts as published, with row, column and grand totals.
   *
   * @param cells the cells, row by row, as shown
   * @param rowTotals each row's total as shown
   * @param columnTotals each column's total as shown
   * @param total the grand total as shown
   */
  public record Table(
      List<List<String>> cells, List<String> rowTotals, List<String> columnTotals, String total) {

    public Table {
      cells = cells.stream().map(List::copyOf).toList();
      rowTotals = List.copyOf(rowTotals);
      columnTotals = List.copyOf(columnTotals);
    }

    /** The cell at a row and column, as shown. */
    public String cell(int row, int column) {
      return cells.get(row).get(column);
    }
  }

  /**
   * Suppresses a table of counts with its totals. Primary suppression hides every count (cell or
   * total) from 1 to the threshold. Secondary suppression then treats each row and each column,
   * with its total, as a sum: wherever exactly one of its entries is hidden, it could be worked out
   * from the others, so the smallest other entry that is not zero (a cell before its total) is
   * hidden too, or a zero cell when there is none; this repeats until no row or column has exactly
   * one hidden entry. Shown counts are rounded to the nearest 5 from their true values.
   *
   * @param counts the counts, row by row; every row as long as the first, none negative
   * @throws IllegalArgumentException if the table is empty, ragged or has a negative count
   */
  public Table suppress(long[][] counts) {
    int rows = counts.length;
    if (rows == 0 || counts[0].length == 0) {
      throw new IllegalArgumentException("A table needs at least one row and one column");
    }
    int columns = counts[0].length;
    // The table extended by a column of row totals and a row of column totals.
    long[][] all = new long[rows + 1][columns + 1];
    for (int r = 0; r < rows; r++) {
      if (counts[r].length != columns) {
        throw new IllegalArgumentException("Every row must have " + columns + " columns");
      }
      for (int c = 0; c < columns; c++) {
        if (counts[r][c] < 0) {
          throw new IllegalArgumentException("A count must not be negative");
        }
        all[r][c] = counts[r][c];
        all[r][columns] += counts[r][c];
        all[rows][c] += counts[r][c];
        all[rows][columns] += counts[r][c];
      }
    }
    boolean[][] hidden = new boolean[rows + 1][columns + 1];
    for (int r = 0; r <= rows; r++) {
      for (int c = 0; c <= columns; c++) {
        hidden[r][c] = isSmall(all[r][c]);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r <= rows; r++) {
        changed |= protect(all, hidden, line(r, true, rows, columns));
      }
      for (int c = 0; c <= columns; c++) {
        changed |= protect(all, hidden, line(c, false, rows, columns));
      }
    }
    List<List<String>> cells = new ArrayList<>();
    List<String> rowTotals = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        row.add(shown(all[r][c], hidden[r][c]));
      }
      cells.add(row);
      rowTotals.add(shown(all[r][columns], hidden[r][columns]));
    }
    List<String> columnTotals = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      columnTotals.add(shown(all[rows][c], hidden[rows][c]));
    }
    return new Table(
        cells, rowTotals, columnTotals, shown(all[rows][columns], hidden[rows][columns]));
  }

  /** The positions of one row (or column) of the extended table, its total last. */
  private static int[][] line(int index, boolean isRow, int rows, int columns) {
    int length = (isRow ? columns : rows) + 1;
    int[][] positions = new int[length][];
    for (int i = 0; i < length; i++) {
      positions[i] = isRow ? new int[] {index, i} : new int[] {i, index};
    }
    return positions;
  }

  /** Hides one more entry of the line if exactly one is hidden; whether anything changed. */
  private static boolean protect(long[][] all, boolean[][] hidden, int[][] line) {
    long hiddenCount = Arrays.stream(line).filter(p -> hidden[p[0]][p[1]]).count();
    if (hiddenCount != 1) {
      return false;
    }
    int[] choice = null;
    for (int[] p : line) {
      if (hidden[p[0]][p[1]]) {
        continue;
      }
      long value = all[p[0]][p[1]];
      if (choice == null) {
        choice = p;
        continue;
      }
      long best = all[choice[0]][choice[1]];
      // Prefer the smallest entry that is not zero; a hidden zero protects nothing.
      boolean better = best == 0 ? value > 0 : value > 0 && value < best;
      if (better) {
        choice = p;
      }
    }
    hidden[choice[0]][choice[1]] = true;
    return true;
  }

  private static String shown(long count, boolean hidden) {
    return hidden ? SUPPRESSED : Long.toString(rounded(count));
  }
}
