package org.waymark.outcome;

import java.math.BigDecimal;

/**
 * A score worked out from a set of answers.
 *
 * @param value null when an item it needs was not answered
 * @param band the band the value falls in; null if none or no value
 */
public record Score(String code, String label, BigDecimal value, String band) {}
