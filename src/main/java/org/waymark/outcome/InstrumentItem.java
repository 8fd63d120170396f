package org.waymark.outcome;

import java.util.List;

/**
 * One question of an instrument.
 *
 * @param id stable within the instrument, for example 'optimistic'
 * @param min for SCALE and NUMBER, the lowest answer; null for none
 * @param max for SCALE and NUMBER, the highest answer; null for none
 * @param minLabel for SCALE, what the lowest answer means, for example 'not at all'; may be null
 * @param maxLabel for SCALE, what the highest answer means; may be null
 * @param options for SINGLE_CHOICE and MULTIPLE_CHOICE (and optionally SCALE, to name each point)
 * @param hint a line of help shown under the question; may be null
 */
public record InstrumentItem(
    String id,
    String text,
    ItemType type,
    boolean required,
    Integer min,
    Integer max,
    String minLabel,
    String maxLabel,
    List<AnswerOption> options,
    String hint) {

  public InstrumentItem {
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** A question without a hint. */
  public InstrumentItem(
      String id,
      String text,
      ItemType type,
      boolean required,
      Integer min,
      Integer max,
      String minLabel,
      String maxLabel,
      List<AnswerOption> options) {
    this(id, text, type, required, min, max, minLabel, maxLabel, options, null);
  }
}
