package org.waymark.research;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A study, as its team sees it.
 *
 * @param organisationId the organisation that runs the study (the tenant)
 * @param shortName a short name for lists and study ids, for example CONNECT
 * @param version a change must name it, so that a stale change is refused
 */
public record Study(
    UUID id,
    UUID organisationId,
    String title,
    String shortName,
    String summary,
    String funder,
    String grantNumber,
    String sponsor,
    String ethicsReference,
    String contactEmail,
    String contactPhone,
    LocalDate startsOn,
    LocalDate endsOn,
    long version) {}
