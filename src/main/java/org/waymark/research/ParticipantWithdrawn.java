package org.waymark.research;

import java.util.UUID;

/** Published in the transaction that records a participant's withdrawal. */
public record ParticipantWithdrawn(
    UUID organisationId, UUID studyId, UUID participantId, Withdrawal withdrawal) {}
