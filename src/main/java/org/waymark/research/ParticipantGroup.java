package org.waymark.research;

import java.util.UUID;

/**
 * A kind of participant, for example patients or VCS staff.
 *
 * @param code one to three capital letters, used in participants' study ids, for example P
 */
public record ParticipantGroup(UUID id, String code, String name) {}
