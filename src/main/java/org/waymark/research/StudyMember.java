package org.waymark.research;

import java.util.UUID;

/**
 * A member of a study team.
 *
 * @param profile a few sentences about them for the study update; may be null
 */
public record StudyMember(
    UUID userId, String name, String email, StudyRole role, String jobTitle, String profile) {}
