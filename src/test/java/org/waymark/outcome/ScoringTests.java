package org.waymark.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTests {

  /** SWEMWBS raw to metric, from the Warwick conversion table (DOMAIN.md). */
  @ParameterizedTest(name = "raw {0} is metric {1}")
  @CsvSource({
    "7, 7.00", "8, 9.51", "9, 11.25", "10, 12.40", "11, 13.33", "12, 14.08", "13, 14.75",
    "14, 15.32", "15, 15.84", "16, 16.36", "17, 16.88", "18, 17.43", "19, 17.98", "20, 18.59",
    "21, 19.25", "22, 19.98", "23, 20.73", "24, 21.54", "25, 22.35", "26, 23.21", "27, 24.11",
    "28, 25.03", "29, 26.02", "30, 27.03", "31, 28.13", "32, 29.31", "33, 30.70", "34, 32.55",
    "35, 35.00"
  })
  void swemwbsConvertsEveryRawScoreThroughTheTable(int raw, BigDecimal metric) {
    Instrument swemwbs = ShippedDefinitions.swemwbs();
    Map<String, String> answers = new HashMap<>();
    int left = raw;
    List<InstrumentItem> items = swemwbs.items();
    for (int i = 0; i < items.size(); i++) {
      int remainingItems = items.size() - i - 1;
      int value = Math.min(5, left - remainingItems);
      answers.put(items.get(i).id(), Integer.toString(value));
      left -= value;
    }
    Map<String, Score> scores = byCode(Scoring.score(swemwbs, answers));
    assertThat(scores.get("raw").value()).isEqualByComparingTo(BigDecimal.valueOf(raw));
    assertThat(scores.get("metric").value()).isEqualByComparingTo(metric);
  }

  @ParameterizedTest(name = "{0} is {1} for the first three, {2} for anxiety")
  @CsvSource({
    "0, Low, Very low",
    "1, Low, Very low",
    "2, Low, Low",
    "3, Low, Low",
    "4, Low, Medium",
    "5, Medium, Medium",
    "6, Medium, High",
    "7, High, High",
    "8, High, High",
    "9, Very high, High",
    "10, Very high, High"
  })
  void ons4BandsEachAnswer(int answer, String band, String anxietyBand) {
    Instrument ons4 = ShippedDefinitions.ons4();
    Map<String, String> answers = new HashMap<>();
    ons4.items().forEach(i -> answers.put(i.id(), Integer.toString(answer)));
    Map<String, Score> scores = byCode(Scoring.score(ons4, answers));
    assertThat(scores.get("life_satisfaction").band()).isEqualTo(band);
    assertThat(scores.get("worthwhile").band()).isEqualTo(band);
    assertThat(scores.get("happiness").band()).isEqualTo(band);
    assertThat(scores.get("anxiety").band()).isEqualTo(anxietyBand);
    assertThat(scores.get("anxiety").value()).isEqualByComparingTo(BigDecimal.valueOf(answer));
  }

  @Test
  void uclaSumsThreeItemsAndTheDirectQuestionIsRecordedNotScored() {
    Instrument loneliness = ShippedDefinitions.loneliness();
    Map<String, Score> low =
        byCode(
            Scoring.score(
                loneliness,
                Map.of(
                    "lack_companionship", "1",
                    "left_out", "2",
                    "isolated", "2",
                    "how_often_lonely", "OCCASIONALLY")));
    assertThat(low.get("ucla").value()).isEqualByComparingTo("5");
    assertThat(low.get("ucla").band()).isEqualTo("Not often lonely");
    Map<String, Score> high =
        byCode(
            Scoring.score(
                loneliness, Map.of("lack_companionship", "3", "left_out", "2", "isolated", "1")));
    assertThat(high.get("ucla").band()).isEqualTo("Lonely");
    assertThat(high).containsOnlyKeys("ucla");
  }

  @Test
  void everyShippedInstrumentIsSoundAndNamesItsLicence() {
    for (Instrument i :
        List.of(
            ShippedDefinitions.ons4(),
            ShippedDefinitions.swemwbs(),
            ShippedDefinitions.loneliness())) {
      assertThat(Scoring.problems(i)).as(i.code()).isEmpty();
      assertThat(i.licence()).as(i.code()).isNotBlank();
      assertThat(i.version()).isEqualTo(1);
    }
  }

  @Test
  void aScoreWithAnItemMissingHasNoValueAndAnswersOutsideTheItemAreRefused() {
    Instrument swemwbs = ShippedDefinitions.swemwbs();
    Map<String, String> partial = Map.of("optimistic", "4", "useful", "3");
    Map<String, Score> scores = byCode(Scoring.score(swemwbs, partial));
    assertThat(scores.get("raw").value()).isNull();
    assertThat(scores.get("metric").value()).isNull();
    assertThat(Scoring.unanswered(swemwbs, partial)).hasSize(5).doesNotContain("optimistic");
    assertThatThrownBy(() -> Scoring.score(swemwbs, Map.of("optimistic", "6")))
        .isInstanceOf(InstrumentValidationException.class);
    assertThatThrownBy(() -> Scoring.score(ShippedDefinitions.ons4(), Map.of("anxiety", "4.5")))
        .isInstanceOf(InstrumentValidationException.class);
    assertThatThrownBy(() -> Scoring.score(swemwbs, Map.of("no_such_item", "1")))
        .isInstanceOf(InstrumentValidationException.class);
  }

  @Test
  void aDefinitionWithGapsOrContradictionsCannotBePublished() {
    Instrument swemwbs = ShippedDefinitions.swemwbs();
    ScoreRule metric = swemwbs.score("metric").orElseThrow();
    Map<Integer, BigDecimal> gap = new HashMap<>(metric.table());
    gap.remove(20);
    ScoreRule broken =
        new ScoreRule(
            "metric",
            "Metric",
            ScoreMethod.LOOKUP,
            List.of(),
            "raw",
            gap,
            List.of(
                new Band(BigDecimal.ZERO, BigDecimal.TEN, "a"),
                new Band(BigDecimal.valueOf(5), BigDecimal.valueOf(20), "b")),
            null,
            true);
    List<InstrumentItem> items = new ArrayList<>(swemwbs.items());
    items.add(items.get(0));
    Instrument bad =
        new Instrument(
            "swemwbs",
            0,
            " ",
            null,
            null,
            items,
            List.of(swemwbs.score("raw").orElseThrow(), broken));
    assertThat(Scoring.problems(bad))
        .anyMatch(p -> p.contains("code"))
        .anyMatch(p -> p.contains("version"))
        .anyMatch(p -> p.contains("title"))
        .anyMatch(p -> p.contains("unique"))
        .anyMatch(p -> p.contains("no value for 20"))
        .anyMatch(p -> p.contains("overlap"));
  }

  static Map<String, Score> byCode(List<Score> scores) {
    Map<String, Score> m = new HashMap<>();
    scores.forEach(s -> m.put(s.code(), s));
    return m;
  }
}
