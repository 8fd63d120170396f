package org.waymark.outcome;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One score an instrument gives.
 *
 * @param code stable within the instrument, for example 'metric'
 * @param items for ITEM (one) and SUM, the items it is worked out from
 * @param from for LOOKUP, the code of the score it converts
 * @param table for LOOKUP, the converted value of every possible value of {@code from}
 * @param bands named ranges, in order; may be empty
 * @param meaningfulChange the smallest change from baseline treated as meaningful; null if none is
 *     established
 * @param higherIsBetter whether a rise is an improvement (false for anxiety and loneliness)
 */
public record ScoreRule(
    String code,
    String label,
    ScoreMethod method,
    List<String> items,
    String from,
    Map<Integer, BigDecimal> table,
    List<Band> bands,
    BigDecimal meaningfulChange,
    boolean higherIsBetter) {

  public ScoreRule {
    items = items == null ? List.of() : List.copyOf(items);
    table = table == null ? Map.of() : Map.copyOf(table);
    bands = bands == null ? List.of() : List.copyOf(bands);
  }
}
