package org.waymark.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.support.WaymarkIntegrationTest;

@WaymarkIntegrationTest
class InstrumentCatalogueTests {

  @Autowired Instruments instruments;
  @Autowired JdbcClient jdbc;

  @Test
  void theShippedInstrumentsArePublishedOnStartAndReadBackAsShipped() {
    assertThat(instruments.current().stream().map(Instrument::code))
        .contains("ONS4", "SWEMWBS", "LONELINESS");
    Instrument swemwbs = instruments.find("SWEMWBS", 1).orElseThrow();
    assertThat(swemwbs).isEqualTo(ShippedDefinitions.swemwbs());
    Map<String, String> answers =
        Map.of(
            "optimistic",
            "3",
            "useful",
            "3",
            "relaxed",
            "3",
            "dealing_with_problems",
            "3",
            "thinking_clearly",
            "3",
            "close_to_others",
            "3",
            "own_mind",
            "3");
    assertThat(Scoring.score(swemwbs, answers).get(1).value()).isEqualByComparingTo("19.25");
  }

  @Test
  void aPublishedVersionNeverChangesAndAChangeIsANewVersion() {
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE outcome_instrument SET title = 'Changed' WHERE code = 'ONS4'")
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("never changes");
    assertThatThrownBy(() -> instruments.publish(ShippedDefinitions.ons4()))
        .isInstanceOf(InstrumentValidationException.class)
        .hasMessageContaining("published already");

    String code = "TEST_" + Long.toString(System.nanoTime(), 36).toUpperCase();
    Instrument first =
        new Instrument(
            code,
            1,
            "A local questionnaire",
            null,
            null,
            List.of(
                new InstrumentItem(
                    "confidence",
                    "How confident do you feel?",
                    ItemType.SCALE,
                    true,
                    1,
                    5,
                    "Not at all",
                    "Very",
                    List.of())),
            List.of(
                new ScoreRule(
                    "confidence",
                    "Confidence",
                    ScoreMethod.ITEM,
                    List.of("confidence"),
                    null,
                    null,
                    null,
                    null,
                    true)));
    instruments.publish(first);
    Instrument second =
        new Instrument(
            code, 2, "A local questionnaire, revised", null, null, first.items(), first.scores());
    instruments.publish(second);
    assertThat(instruments.current(code)).contains(second);
    assertThat(instruments.find(code, 1)).contains(first);
    assertThatThrownBy(
            () ->
                instruments.publish(
                    new Instrument(code, 3, "Broken", null, null, List.of(), List.of())))
        .isInstanceOf(InstrumentValidationException.class)
        .hasMessageContaining("at least one item");
  }
}
