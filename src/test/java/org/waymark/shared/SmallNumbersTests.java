package org.waymark.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small-number suppression for public outputs: 1 to 7 hidden, the rest rounded to the nearest 5,
 * and no hidden count recoverable from a row or column total.
 */
class SmallNumbersTests {

  final SmallNumbers seven = new SmallNumbers(SmallNumbers.DEFAULT_THRESHOLD);

  @Test
  void hidesCountsFromOneToSevenAndShowsZero() {
    for (int n = 1; n <= 7; n++) {
      assertThat(seven.show(n)).as("count %d", n).isEqualTo("*");
    }
    assertThat(seven.show(0)).isEqualTo("0");
    assertThat(seven.show(8)).isEqualTo("10");
  }

  @Test
  void roundsOtherCountsToTheNearestFive() {
    assertThat(SmallNumbers.rounded(8)).isEqualTo(10);
    assertThat(SmallNumbers.rounded(10)).isEqualTo(10);
    assertThat(SmallNumbers.rounded(12)).isEqualTo(10);
    assertThat(SmallNumbers.rounded(13)).isEqualTo(15);
    assertThat(SmallNumbers.rounded(17)).isEqualTo(15);
    assertThat(SmallNumbers.rounded(18)).isEqualTo(20);
    assertThat(SmallNumbers.rounded(1234)).isEqualTo(1235);
    assertThat(seven.show(22)).isEqualTo("20");
    assertThat(seven.show(23)).isEqualTo("25");
  }

  @Test
  void theThresholdIsConfigurable() {
    SmallNumbers ten = new SmallNumbers(10);
    assertThat(ten.show(9)).isEqualTo("*");
    assertThat(ten.show(10)).isEqualTo("*");
    assertThat(ten.show(11)).isEqualTo("10");
    SmallNumbers none = new SmallNumbers(0);
    assertThat(none.show(1)).isEqualTo("0");
    assertThat(none.show(3)).isEqualTo("5");
    assertThatThrownBy(() -> new SmallNumbers(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTableWithoutSmallNumbersIsOnlyRounded() {
    SmallNumbers.Table t = seven.suppress(new long[][] {{12, 23}, {40, 9}});
    assertThat(t.cells()).containsExactly(List.of("10", "25"), List.of("40", "10"));
    assertThat(t.rowTotals()).containsExactly("35", "50");
    assertThat(t.columnTotals()).containsExactly("50", "30");
    assertThat(t.total()).isEqualTo("85");
  }

  @Test
  void aSmallCellAloneInItsRowHidesAnotherInTheRowAndInTheColumn() {
    // 3 alone in its row and column: the row total minus 20 would reveal it.
    SmallNumbers.Table t = seven.suppress(new long[][] {{3, 20, 30}, {25, 40, 50}, {35, 45, 60}});
    assertThat(t.cell(0, 0)).isEqualTo("*");
    // The smallest other cell of its row, and of its column, are hidden too.
    assertThat(t.cell(0, 1)).isEqualTo("*");
    assertThat(t.cell(1, 0)).isEqualTo("*");
    // And the cell that completes the rectangle, so no row or column has one hidden cell.
    assertThat(t.cell(1, 1)).isEqualTo("*");
    assertNoLoneHiddenEntry(t);
    assertThat(t.total()).isEqualTo("310");
  }

  @Test
  void aSmallTotalIsHiddenAndProtectedToo() {
    // Row 0 totals 5: the total is small, and so are its cells.
    SmallNumbers.Table t = seven.suppress(new long[][] {{2, 3}, {20, 30}, {25, 35}});
    assertThat(t.rowTotals().get(0)).isEqualTo("*");
    assertThat(t.cells().get(0)).containsExactly("*", "*");
    assertNoLoneHiddenEntry(t);
  }

  @Test
  void aRowWhoseOtherCellsAreZeroHasItsTotalHidden() {
    // The other cell is zero, so the row total equals the small cell and is hidden with it.
    SmallNumbers.Table t = seven.suppress(new long[][] {{0, 5}, {20, 30}});
    assertThat(t.cell(0, 1)).isEqualTo("*");
    assertThat(t.rowTotals().get(0)).isEqualTo("*");
    assertNoLoneHiddenEntry(t);
  }

  @Test
  void zerosAreShownAndNeverCountAsSmall() {
    SmallNumbers.Table t = seven.suppress(new long[][] {{0, 0}, {10, 20}});
    assertThat(t.cells()).containsExactly(List.of("0", "0"), List.of("10", "20"));
    assertThat(t.rowTotals()).containsExactly("0", "30");
  }

  @Test
  void everyTableLeavesNoRowOrColumnWithExactlyOneHiddenEntry() {
    java.util.Random random = new java.util.Random(42);
    for (int run = 0; run < 500; run++) {
      int rows = 1 + random.nextInt(5);
      int columns = 1 + random.nextInt(5);
      long[][] counts = new long[rows][columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          counts[r][c] = random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(60);
        }
      }
      SmallNumbers.Table t = seven.suppress(counts);
      assertNoLoneHiddenEntry(t);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          if (counts[r][c] >= 1 && counts[r][c] <= 7) {
            assertThat(t.cell(r, c)).isEqualTo("*");
          } else if (!t.cell(r, c).equals("*")) {
            assertThat(Long.parseLong(t.cell(r, c)) % 5).isZero();
            assertThat(Math.abs(Long.parseLong(t.cell(r, c)) - counts[r][c]))
                .isLessThanOrEqualTo(2);
          }
        }
      }
    }
  }

  @Test
  void refusesEmptyRaggedOrNegativeTables() {
    assertThatThrownBy(() -> seven.suppress(new long[0][0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> seven.suppress(new long[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> seven.suppress(new long[][] {{-1}}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Each row and column, with its total, has no hidden entry or at least two. */
  static void assertNoLoneHiddenEntry(SmallNumbers.Table t) {
    int rows = t.cells().size();
    int columns = t.columnTotals().size();
    for (int r = 0; r < rows; r++) {
      List<String> line = new ArrayList<>(t.cells().get(r));
      line.add(t.rowTotals().get(r));
      assertThat(line.stream().filter("*"::equals).count())
          .as("row %d: %s", r, line)
          .isNotEqualTo(1);
    }
    List<String> totals = new ArrayList<>(t.columnTotals());
    totals.add(t.total());
    assertThat(totals.stream().filter("*"::equals).count()).as("totals row").isNotEqualTo(1);
    for (int c = 0; c < columns; c++) {
      List<String> line = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        line.add(t.cell(r, c));
      }
      line.add(t.columnTotals().get(c));
      assertThat(line.stream().filter("*"::equals).count())
          .as("column %d: %s", c, line)
          .isNotEqualTo(1);
    }
    List<String> rowTotals = new ArrayList<>(t.rowTotals());
    rowTotals.add(t.total());
    assertThat(rowTotals.stream().filter("*"::equals).count()).as("totals column").isNotEqualTo(1);
  }
}
