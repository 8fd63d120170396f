package org.waymark.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change to a listing: who made it and when, a one-line summary, and each changed field with
 * its old and new value (as stored; either may be null).
 *
 * @param changedBy the email address of the user, or {@code system:} and the reason
 * @param changes field name to a list of two values, old then new, in the order they were changed
 */
public record ListingChange(
    Instant changedAt, String changedBy, String change, Map<String, List<String>> changes) {

  public ListingChange {
    changes = Map.copyOf(changes);
  }
}
