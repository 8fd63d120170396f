package org.waymark.outcome;

import java.math.BigDecimal;

/** A named range of a score, both ends included, for example 7 to 8 'high'. */
public record Band(BigDecimal min, BigDecimal max, String label) {

  public boolean contains(BigDecimal value) {
    return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
  }
}
