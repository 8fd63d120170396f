package org.waymark.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * An assessment as entered, before validation.
 *
 * @param assessedOn the day of the conversation; required, not in the future
 * @param whatMatters the person's statement in their words, up to 4,000 characters; may be null
 * @param needs need domains; those with nothing recorded are left out when saved
 */
public record NewAssessment(LocalDate assessedOn, String whatMatters, List<AssessedNeed> needs) {}
