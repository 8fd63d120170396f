package org.waymark.research;

import java.util.UUID;

/**
 * Who a participant is, for the study's data managers only.
 *
 * @param personId the person record they were passed on from; null if added by the team
 * @param caseId the case they were passed on from; null if added by the team
 */
public record ParticipantIdentity(
    String name,
    String email,
    String phone,
    String jobTitle,
    String contactNote,
    UUID personId,
    UUID caseId) {}
