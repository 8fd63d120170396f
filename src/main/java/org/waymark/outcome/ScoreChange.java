package org.waymark.outcome;

import java.math.BigDecimal;

/**
 * How one score moved from the baseline to the latest answers.
 *
 * @param change latest minus baseline
 * @param meaningful whether the change reaches the instrument's meaningful change, in the better
 *     direction; null when the instrument names no meaningful change
 * @param better whether the change is an improvement (for anxiety and loneliness, a fall); null for
 *     no change
 */
public record ScoreChange(
    String instrumentCode,
    String scoreCode,
    String label,
    BigDecimal baseline,
    BigDecimal latest,
    BigDecimal change,
    Boolean better,
    Boolean meaningful) {}
