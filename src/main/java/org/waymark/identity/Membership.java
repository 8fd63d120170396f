package org.waymark.identity;

import java.io.Serializable;
import java.util.UUID;

/** A user's role in one organisation. */
public record Membership(
    UUID organisationId, String organisationName, OrganisationType organisationType, Role role)
    implements Serializable {}
