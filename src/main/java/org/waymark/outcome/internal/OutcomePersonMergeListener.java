package org.waymark.outcome.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.person.PersonsMerged;

/** Moves outcome answers to the kept record when two person records merge. */
@Component
class OutcomePersonMergeListener {

  private final ResponseStore store;

  OutcomePersonMergeListener(ResponseStore store) {
    this.store = store;
  }

  @EventListener
  void on(PersonsMerged merged) {
    store.movePerson(merged.organisationId(), merged.mergedId(), merged.keptId());
  }
}
