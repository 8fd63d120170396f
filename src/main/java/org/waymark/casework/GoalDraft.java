package org.waymark.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * A goal as entered, before validation.
 *
 * @param needs codes of the {@code NEED} code list
 * @param status null means {@link GoalStatus#ACTIVE} for a new goal; required for a change
 * @param targetDate may be null
 */
public record GoalDraft(String text, List<String> needs, GoalStatus status, LocalDate targetDate) {}
