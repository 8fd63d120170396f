package org.waymark.research;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A version of a study's consent form.
 *
 * @param groupId the participant group it is for; null for every group
 * @param items what the form asks, item by item
 * @param essential the items without which a person cannot take part
 */
public record ConsentDocument(
    UUID id,
    UUID groupId,
    String versionLabel,
    LocalDate approvedOn,
    List<ConsentItem> items,
    List<ConsentItem> essential) {

  public ConsentDocument {
    items = List.copyOf(items);
    essential = List.copyOf(essential);
  }

  /** Whether the form is for participants of this group. */
  public boolean appliesTo(UUID group) {
    return groupId == null || groupId.equals(group);
  }
}
