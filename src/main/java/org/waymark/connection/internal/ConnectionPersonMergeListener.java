package org.waymark.connection.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.person.PersonsMerged;

/** Moves connections and signposts to the kept record when two person records merge. */
@Component
class ConnectionPersonMergeListener {

  private final ConnectionStore store;

  ConnectionPersonMergeListener(ConnectionStore store) {
    this.store = store;
  }

  @EventListener
  void on(PersonsMerged merged) {
    store.movePerson(merged.organisationId(), merged.mergedId(), merged.keptId());
  }
}
