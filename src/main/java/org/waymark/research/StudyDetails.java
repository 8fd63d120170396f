package org.waymark.research;

import java.time.LocalDate;

/** What a study's team enters about it; blank optional fields are stored as absent. */
public record StudyDetails(
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
    LocalDate endsOn) {}
