package org.waymark.casework;

import java.time.LocalDate;

/**
 * A step as entered, before validation.
 *
 * @param ownerName required when {@code owner} is {@link StepOwner#SOMEONE_ELSE}, ignored otherwise
 * @param status null means {@link StepStatus#NOT_STARTED} for a new step; required for a change
 * @param targetDate may be null
 */
public record StepDraft(
    String text, StepOwner owner, String ownerName, LocalDate targetDate, StepStatus status) {}
