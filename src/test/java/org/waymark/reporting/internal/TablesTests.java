package org.waymark.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.waymark.reporting.ReportTable;
import org.waymark.shared.SmallNumbers;

/**
 * Published tables on crafted and random data: for an aggregate audience no hidden count can be
 * worked out from the others and the totals, every shown count is a multiple of 5, and shares are
 * worked out from what is shown; for a service's own staff every count is true.
 */
class TablesTests {

  final Tables suppressed = new Tables(new SmallNumbers(7), true);
  final Tables service = new Tables(new SmallNumbers(7), false);

  @Test
  void aServiceSeesTrueCountsAndTotals() {
    ReportTable t =
        service.counts(
            "Source",
            List.of("Referrals"),
            List.of("GP", "Self"),
            new long[][] {{3}, {1234}},
            null);
    assertThat(t.rows()).containsExactly(List.of("GP", "3"), List.of("Self", "1,234"));
    assertThat(t.totals()).containsExactly("Total", "1,237");
  }

  @Test
  void oneSmallCountInAColumnTakesAnotherWithItSoTheTotalGivesNothingAway() {
    // 40 + 3 + 12 = 55: with only the 3 hidden, 55 - 40 - 10 would give it away.
    ReportTable t =
        suppressed.counts(
            "Source",
            List.of("Referrals"),
            List.of("GP", "Self", "Pharmacy"),
            new long[][] {{40}, {3}, {12}},
            null);
    assertThat(t.rows())
        .containsExactly(List.of("GP", "40"), List.of("Self", "*"), List.of("Pharmacy", "*"));
    assertThat(t.totals()).containsExactly("Total", "55");
  }

  @Test
  void aCrossTabHidesEnoughInEveryRowAndColumn() {
    // Engaged / not engaged by group: a small cell in each direction.
    long[][] counts = {{50, 2}, {30, 25}, {9, 60}};
    ReportTable t =
        suppressed.counts(
            "Group",
            List.of("Had a contact", "No contact yet"),
            List.of("A", "B", "C"),
            counts,
            null);
    assertNoLoneHiddenEntry(t);
    assertThat(t.rows().get(0).get(2)).isEqualTo("*");
  }

  @Test
  void randomTablesNeverLeaveAHiddenCountAloneInALine() {
    Random random = new Random(20261127);
    for (int run = 0; run < 500; run++) {
      int rows = 1 + random.nextInt(6);
      int columns = 1 + random.nextInt(4);
      long[][] counts = new long[rows][columns];
      List<String> labels = new ArrayList<>();
      List<String> headers = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        headers.add("c" + c);
      }
      for (int r = 0; r < rows; r++) {
        labels.add("r" + r);
        for (int c = 0; c < columns; c++) {
          counts[r][c] = random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(200);
        }
      }
      ReportTable t = suppressed.counts("Row", headers, labels, counts, null);
      assertNoLoneHiddenEntry(t);
      for (List<String> row : t.rowsWithTotals()) {
        for (String cell : row.subList(1, row.size())) {
          assertThat(cell.equals("*") || Long.parseLong(cell.replace(",", "")) % 5 == 0)
              .as(cell)
              .isTrue();
        }
      }
    }
  }

  @Test
  void sharesComeFromTheShownCountsAndHideWithThem() {
    assertThat(suppressed.percent(3, 100)).isEqualTo("*");
    assertThat(suppressed.percent(12, 7)).isEqualTo("*");
    // 12 shows as 10 and 33 as 35: the share is of what is shown.
    assertThat(suppressed.percent(12, 33)).isEqualTo("29%");
    assertThat(service.percent(12, 33)).isEqualTo("36%");
    assertThat(suppressed.measure(4.25, 6)).isEqualTo("*");
    assertThat(suppressed.measure(4.25, 8)).isEqualTo("4.3");
  }

  /**
   * Every row with its total, and every column with its total, has no hidden entry or at least two:
   * a single hidden entry could be worked out by subtraction.
   */
  static void assertNoLoneHiddenEntry(ReportTable t) {
    List<List<String>> all = t.rowsWithTotals();
    int columns = all.get(0).size();
    // With one column of counts the row total is the cell itself, so it is not shown twice.
    for (List<String> row : columns == 2 ? List.<List<String>>of() : all) {
      long hidden = row.subList(1, columns).stream().filter("*"::equals).count();
      assertThat(hidden).as("hidden in row " + row).isNotEqualTo(1);
    }
    for (int c = 1; c < columns; c++) {
      final int col = c;
      long hidden = all.stream().map(r -> r.get(col)).filter("*"::equals).count();
      assertThat(hidden).as("hidden in column " + c + " of " + all).isNotEqualTo(1);
    }
  }
}
