package org.waymark.outcome;

import java.util.List;
import java.util.Optional;

/**
 * A questionnaire as data: its items, answer options and scores. A published version never changes;
 * a change makes a new version.
 *
 * @param code stable across versions, for example 'SWEMWBS'
 * @param licence who owns it and on what terms it may be used; may be null
 */
public record Instrument(
    String code,
    int version,
    String title,
    String instructions,
    String licence,
    List<InstrumentItem> items,
    List<ScoreRule> scores) {

  public Instrument {
    items = List.copyOf(items);
    scores = scores == null ? List.of() : List.copyOf(scores);
  }

  public Optional<InstrumentItem> item(String id) {
    return items.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public Optional<ScoreRule> score(String code) {
    return scores.stream().filter(s -> s.code().equals(code)).findFirst();
  }
}
