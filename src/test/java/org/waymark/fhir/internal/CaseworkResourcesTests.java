package org.waymark.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class CaseworkResourcesTests {

  @Test
  void aNumberAnswerIsAnIntegerOnlyWhenItIsWholeAndFitsOne() {
    assertThat(CaseworkResources.number("7")).isInstanceOf(IntegerType.class);
    assertThat(CaseworkResources.number("7.0")).isInstanceOf(IntegerType.class);
    assertThat(CaseworkResources.number("7.5")).isInstanceOf(DecimalType.class);
    assertThat(CaseworkResources.number("12345678901234")).isInstanceOf(DecimalType.class);
    assertThat(CaseworkResources.number("about seven")).isInstanceOf(StringType.class);
  }

  @Test
  void anObservationIdNamesItsResponseAndScoreOrNothing() {
    java.util.UUID response = java.util.UUID.randomUUID();
    assertThat(CaseworkResources.observationId(CaseworkResources.observationId(response, 2)))
        .contains(new CaseworkResources.ObservationId(response, 2));
    assertThat(CaseworkResources.observationId("not-an-id")).isEmpty();
    assertThat(CaseworkResources.observationId(response + "-s1234")).isEmpty();
  }
}
