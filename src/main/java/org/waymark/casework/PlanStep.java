package org.waymark.casework;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A step towards a goal.
 *
 * @param ownerName who takes it, only when {@code owner} is {@link StepOwner#SOMEONE_ELSE}; else
 *     null
 * @param targetDate may be null
 * @param version an edit must name it; a stale edit is refused
 */
public record PlanStep(
    UUID id,
    UUID goalId,
    String text,
    StepOwner owner,
    String ownerName,
    LocalDate targetDate,
    StepStatus status,
    long version) {

  /** Who takes the step, as shown: the name for someone else, else the owner's label. */
  public String ownerLabel() {
    return owner == StepOwner.SOMEONE_ELSE ? ownerName : owner.label();
  }
}
