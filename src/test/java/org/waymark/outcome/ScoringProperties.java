package org.waymark.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a person answers (all, some or none of the items), the scores worked out again from the
 * answers as stored are the scores first given, and they follow the instrument's own rules.
 */
class ScoringProperties {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<Instrument> SHIPPED =
      List.of(
          ShippedDefinitions.ons4(), ShippedDefinitions.swemwbs(), ShippedDefinitions.loneliness());

  record Given(Instrument instrument, Map<String, String> answers) {}

  @Provide
  Arbitrary<Given> answered() {
    return Arbitraries.of(SHIPPED).flatMap(this::answersTo);
  }

  private Arbitrary<Given> answersTo(Instrument instrument) {
    List<Arbitrary<String>> perItem =
        instrument.items().stream()
            .map(
                item -> {
                  Arbitrary<String> value =
                      switch (item.type()) {
                        case SCALE ->
                            Arbitraries.integers()
                                .between(item.min(), item.max())
                                .map(String::valueOf);
                        default ->
                            Arbitraries.of(
                                item.options().stream().map(AnswerOption::value).toList());
                      };
                  // Some items left unanswered, as in a partly completed questionnaire.
                  return value.injectNull(0.2);
                })
            .toList();
    return Combinators.combine(perItem)
        .as(
            values -> {
              Map<String, String> answers = new HashMap<>();
              for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                  answers.put(instrument.items().get(i).id(), values.get(i));
                }
              }
              return new Given(instrument, answers);
            });
  }

  @Property(tries = 500)
  void scoresAreRecomputableFromTheStoredAnswers(@ForAll("answered") Given given) {
    List<Score> first = Scoring.score(given.instrument(), given.answers());
    Map<String, String> stored =
        JSON.readValue(
            JSON.writeValueAsString(given.answers()), new TypeReference<Map<String, String>>() {});
    Instrument reloaded =
        JSON.readValue(JSON.writeValueAsString(given.instrument()), Instrument.class);
    assertThat(Scoring.score(reloaded, stored)).isEqualTo(first);
  }

  @Property(tries = 500)
  void sumsAddTheirItemsAndLookupsFollowTheirTable(@ForAll("answered") Given given) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (Score s : Scoring.score(given.instrument(), given.answers())) {
      values.put(s.code(), s.value());
      ScoreRule rule = given.instrument().score(s.code()).orElseThrow();
      boolean complete = rule.items().stream().allMatch(given.answers()::containsKey);
      switch (rule.method()) {
        case SUM -> {
          if (complete) {
            BigDecimal sum =
                rule.items().stream()
                    .map(id -> new BigDecimal(given.answers().get(id)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(s.value()).isEqualByComparingTo(sum);
          } else {
            assertThat(s.value()).isNull();
          }
        }
        case LOOKUP -> {
          BigDecimal from = values.get(rule.from());
          if (from == null) {
            assertThat(s.value()).isNull();
          } else {
            assertThat(s.value()).isEqualByComparingTo(rule.table().get(from.intValueExact()));
          }
        }
        case ITEM -> assertThat(s.value() == null).isEqualTo(!complete);
      }
      if (s.value() != null && !rule.bands().isEmpty()) {
        assertThat(s.band()).isNotNull();
      }
    }
  }
}
