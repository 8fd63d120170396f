package org.waymark.casework;

import java.util.List;
import java.util.UUID;

/**
 * One link worker's caseload (or the whole service's), filtered.
 *
 * @param linkWorkerId whose; null for every link worker of the service
 * @param active open cases of that link worker (or service), whatever the filter
 * @param awaitingFirstContact of those, the ones without a first contact yet
 * @param entries the cases the filter chose, oldest referral first
 */
public record Caseload(
    UUID linkWorkerId, int active, int awaitingFirstContact, List<CaseloadEntry> entries) {

  public Caseload {
    entries = List.copyOf(entries);
  }
}
