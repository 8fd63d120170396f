package org.waymark.research;

import java.util.UUID;

/**
 * A place where a study works, for example a PCN.
 *
 * @param code short and unique in the study, used in participants' study ids, for example S03
 * @param siteOrganisationId the organisation in Waymark the site is, if any
 */
public record Site(UUID id, String code, String name, UUID siteOrganisationId) {}
