package org.waymark.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Scores as pages and summaries write them. */
public final class OutcomeText {

  private OutcomeText() {}

  /** A whole number as it is ('7'), any other to two places ('19.25'). */
  public static String number(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() <= 0 ? s.toPlainString() : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** A change with its sign, for example '+5.78' or '-2'. */
  public static String change(BigDecimal v) {
    return (v.signum() > 0 ? "+" : "") + number(v);
  }

  /**
   * Whether a change is better or worse, and meaningful, in words, for example 'Better, a
   * meaningful change'.
   */
  public static String verdict(ScoreChange x) {
    if (x.better() == null) {
      return "No change";
    }
    String verdict = x.better() ? "Better" : "Worse";
    if (x.meaningful() != null) {
      verdict += x.meaningful() ? ", a meaningful change" : ", less than a meaningful change";
    }
    return verdict;
  }
}
