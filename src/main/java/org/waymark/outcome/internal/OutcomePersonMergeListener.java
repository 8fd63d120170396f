package org.waymark.outcome.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.person.PersonsMerged;

/**
 * Moves outcome answers and questionnaire links to the kept record when two person records merge.
 */
@Component
class OutcomePersonMergeListener {

  private final ResponseStore store;
  private final SelfCompletionLinkStore links;

  OutcomePersonMergeListener(ResponseStore store, SelfCompletionLinkStore links) {
    this.store = store;
    this.links = links;
  }

  @EventListener
  void on(PersonsMerged merged) {
    store.movePerson(merged.organisationId(), merged.mergedId(), merged.keptId());
    links.movePerson(merged.organisationId(), merged.mergedId(), merged.keptId());
  }
}
