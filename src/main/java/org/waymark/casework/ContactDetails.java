package org.waymark.casework;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A contact as entered, in UK time (Europe/London), before validation.
 *
 * <p>The rule for dates: a contact the person attended or did not attend has happened, so it cannot
 * be in the future; a contact with no outcome is a planned one and must be in the future; a
 * cancelled contact may be either. In the hour when the clocks go back, a time is read as the first
 * of the two (British Summer Time); a time skipped when the clocks go forward is refused.
 *
 * @param type a {@code CONTACT_TYPE} code; required
 * @param date the day in the UK; required
 * @param time the time of day in the UK; required
 * @param durationMinutes 1 to 600; required for an attended contact, optional otherwise
 * @param outcome null for a planned contact
 * @param notes up to 4,000 characters; may be null
 */
public record ContactDetails(
    String type,
    LocalDate date,
    LocalTime time,
    Integer durationMinutes,
    ContactOutcome outcome,
    String notes) {}
