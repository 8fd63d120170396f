package org.waymark.reporting.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows an import left out: counted by reason, with the first few named by row number, so a
 * national file with thousands of rows for practices elsewhere gives a short summary.
 */
final class SkippedRows {

  static final int LISTED = 5;

  private final Map<String, Integer> byReason = new LinkedHashMap<>();
  private final List<String> listed = new ArrayList<>();
  private int total;
  private int bad;

  /** Counts a row left out for a reason that is listed by row number (a bad row). */
  void bad(long row, String reason) {
    count(reason);
    bad++;
    if (listed.size() < LISTED) {
      listed.add("row " + row + ": " + reason);
    }
  }

  /** Counts a row left out for a reason that is only summarised. */
  void count(String reason) {
    byReason.merge(reason, 1, Integer::sum);
    total++;
  }

  int total() {
    return total;
  }

  /** For example: 3 rows skipped (2 not an LSOA code; 1 LSOA repeated). row 4: not an LSOA code. */
  String summary() {
    if (total == 0) {
      return "no rows skipped";
    }
    StringBuilder b = new StringBuilder();
    b.append(total).append(total == 1 ? " row" : " rows").append(" skipped (");
    List<String> reasons = new ArrayList<>();
    byReason.forEach((reason, n) -> reasons.add(n + " " + reason));
    b.append(String.join("; ", reasons)).append(')');
    if (!listed.isEmpty()) {
      b.append(". ").append(String.join("; ", listed));
      if (bad > listed.size()) {
        b.append("; only the first ").append(LISTED).append(" bad rows are named");
      }
    }
    return b.toString();
  }
}
