package org.waymark.casework;

import java.util.List;
import java.util.UUID;

/**
 * The change in a person's outcome measures, for the discharge summary. Implemented by the module
 * that holds outcomes.
 */
public interface CaseOutcomes {

  /**
   * One line per score given more than once on the case opened from this referral, for example
   * 'SWEMWBS metric score: 19.25 to 25.03 (+5.78), better, a meaningful change'; empty if none.
   */
  List<String> forDischargeSummary(UUID organisationId, UUID referralId);
}
