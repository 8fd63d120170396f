package org.waymark.notification.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.person.PersonsMerged;

/**
 * Moves outbox messages to the kept record when two person records merge, in the merge's
 * transaction.
 */
@Component
class NotificationPersonMergeListener {

  private final OutboxStore outbox;

  NotificationPersonMergeListener(OutboxStore outbox) {
    this.outbox = outbox;
  }

  @EventListener
  void on(PersonsMerged merged) {
    outbox.movePerson(merged.organisationId(), merged.mergedId(), merged.keptId());
  }
}
