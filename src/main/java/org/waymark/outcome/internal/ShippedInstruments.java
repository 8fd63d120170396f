package org.waymark.outcome.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.Scoring;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the instruments Waymark ships ({@code outcome/instruments/*.json}: ONS4, SWEMWBS and
 * loneliness) on start-up, each version once. A version already stored is left as it is: a
 * published version never changes, so a changed definition ships as a new version.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShippedInstruments implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ShippedInstruments.class);

  private final InstrumentStore store;
  private final JsonMapper json = JsonMapper.builder().build();

  ShippedInstruments(InstrumentStore store) {
    this.store = store;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    for (Instrument instrument : shipped()) {
      List<String> problems = Scoring.problems(instrument);
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "Shipped instrument " + instrument.code() + " is not sound: " + problems);
      }
      if (store.insert(instrument, "SHIPPED")) {
        log.info("Instrument {} version {} published", instrument.code(), instrument.version());
      }
    }
  }

  /** The definitions shipped with Waymark. */
  List<Instrument> shipped() throws IOException {
    List<Instrument> instruments = new ArrayList<>();
    for (Resource r :
        new PathMatchingResourcePatternResolver()
            .getResources("classpath:outcome/instruments/*.json")) {
      try (InputStream in = r.getInputStream()) {
        instruments.add(json.readValue(in, Instrument.class));
      }
    }
    return instruments;
  }
}
