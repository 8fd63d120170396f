package org.waymark.casework.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.person.PersonsMerged;

/** Moves cases to the kept record when two person records merge, in the merge's transaction. */
@Component
class CasePersonMergeListener {

  private final CaseStore cases;

  CasePersonMergeListener(CaseStore cases) {
    this.cases = cases;
  }

  @EventListener
  void on(PersonsMerged merged) {
    cases.movePerson(merged.organisationId(), merged.mergedId(), merged.keptId());
  }
}
