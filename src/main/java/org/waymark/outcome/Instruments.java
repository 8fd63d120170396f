package org.waymark.outcome;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.outcome.internal.InstrumentStore;

/**
 * The outcome module's catalogue of instruments: every published version, read by the pages that
 * give them and by reporting. Instruments are published information, not about any person.
 */
@Service
public class Instruments {

  private final InstrumentStore store;

  Instruments(InstrumentStore store) {
    this.store = store;
  }

  /** The newest version of each instrument, by title. */
  @Transactional(readOnly = true)
  public List<Instrument> current() {
    return store.current();
  }

  /** The newest version of one instrument; empty if there is none. */
  @Transactional(readOnly = true)
  public Optional<Instrument> current(String code) {
    return store.current().stream().filter(i -> i.code().equals(code)).findFirst();
  }

  /** Every published version of every instrument, by code and version. */
  @Transactional(readOnly = true)
  public List<InstrumentVersion> versions() {
    return store.versions();
  }

  /** One version exactly, as it was published; empty if there is none. */
  @Transactional(readOnly = true)
  public Optional<Instrument> find(String code, int version) {
    return store.find(code, version);
  }

  /**
   * Publishes a new version: checked, then stored for good.
   *
   * @throws InstrumentValidationException if the definition breaks a rule, or that version exists
   */
  @Transactional
  public Instrument publish(Instrument instrument) {
    List<String> problems = Scoring.problems(instrument);
    if (!problems.isEmpty()) {
      throw new InstrumentValidationException(problems);
    }
    if (!store.insert(instrument, "ADMINISTRATOR")) {
      throw new InstrumentValidationException(
          List.of(
              "Version "
                  + instrument.version()
                  + " of "
                  + instrument.code()
                  + " is published already: make a new version"));
    }
    return instrument;
  }
}
