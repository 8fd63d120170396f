package org.waymark.research;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A participant as every member of the study team sees them: pseudonymised, under their study id.
 *
 * @param studyCode site, group and number, for example S03-P-017
 * @param fromCasework whether their link worker passed them on (otherwise added by the team)
 * @param consent their latest consent; null if none is recorded
 * @param needsReconsent whether a newer version of their consent form has been approved since
 */
public record Participant(
    UUID id,
    UUID studyId,
    UUID siteId,
    UUID groupId,
    String studyCode,
    boolean fromCasework,
    ParticipantStatus status,
    LocalDate addedOn,
    LocalDate withdrawnOn,
    Withdrawal withdrawal,
    Consent consent,
    boolean needsReconsent,
    long version) {

  /** Whether the team may still contact them and collect data. */
  public boolean active() {
    return status != ParticipantStatus.WITHDRAWN && status != ParticipantStatus.DECLINED;
  }
}
