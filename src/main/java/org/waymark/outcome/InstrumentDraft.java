package org.waymark.outcome;

import java.time.Instant;
import java.util.UUID;

/**
 * A questionnaire being built by an administrator, not yet published. It holds the whole definition
 * as it will be published, with the instrument version it will become.
 *
 * @param instrument the definition so far; it may break the rules of {@link Scoring#problems} until
 *     it is published
 * @param version the draft's edit count, for optimistic locking: every change names the version it
 *     was made from (not the instrument version, which is {@code instrument().version()})
 */
public record InstrumentDraft(UUID id, Instrument instrument, long version, Instant updatedAt) {

  /** The instrument code, stable across versions. */
  public String code() {
    return instrument.code();
  }
}
