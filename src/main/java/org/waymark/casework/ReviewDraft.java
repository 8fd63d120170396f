package org.waymark.casework;

import java.time.LocalDate;

/**
 * A review as entered, before validation.
 *
 * @param progress 0 to 10; null when not given
 */
public record ReviewDraft(LocalDate reviewedOn, String inTheirWords, Integer progress) {}
