package org.waymark.directory.internal.imports;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One imported service with what comes with it, in the ORUK 3.0 model whatever the source's shape.
 * Every source id is the record's id in its source; Waymark ids are derived from them.
 */
final class ImportModel {

  private ImportModel() {}

  /** What a mapper made of one source record: a service to write, or a reason to skip it. */
  sealed interface Item permits Service, Skip, Failure {
    String sourceId();

    String name();
  }

  /** A record that is deliberately not imported, with the reason the report shows. */
  record Skip(String sourceId, String name, String reason) implements Item {}

  /** A record that could not be read. */
  record Failure(String sourceId, String name, String reason) implements Item {}

  record Organization(
      String sourceId,
      String name,
      String description,
      String email,
      String website,
      String logo,
      String uri,
      String parentSourceId,
      ArrayNode identifiers) {}

  record Taxonomy(String sourceId, String name, String description, String uri, String version) {}

  /**
   * @param taxonomy the taxonomy the term belongs to, if the source says; may be null
   */
  record Term(
      String sourceId,
      String name,
      String description,
      String code,
      String termUri,
      String parentSourceId,
      Taxonomy taxonomy) {}

  record Location(
      String sourceId,
      String type,
      String name,
      String description,
      Double latitude,
      Double longitude,
      String postcode,
      String externalIdentifier,
      String externalIdentifierType,
      ArrayNode addresses,
      ArrayNode accessibility) {}

  /**
   * @param serviceAtLocationSourceId the service at a location it applies to; null for the whole
   *     service
   */
  record Schedule(
      String sourceId,
      String serviceAtLocationSourceId,
      LocalDate validFrom,
      LocalDate validTo,
      LocalDate dtstart,
      String freq,
      Integer interval,
      String byday,
      String bymonthday,
      String description,
      LocalTime opensAt,
      LocalTime closesAt,
      String scheduleLink,
      String attendingType,
      String notes) {}

  record ServiceAtLocation(String sourceId, Location location) {}

  /**
   * Waymark's own fields, when the source carries them (Waymark's demo files do; other sources do
   * not, and then an import leaves what curators set alone).
   */
  record WaymarkFields(
      String acceptingReferrals,
      String referralMethod,
      String referralEmail,
      String referralFormUrl,
      Integer capacity,
      Integer answerDays) {}

  /**
   * @param details contacts (with phones), phones, cost options, languages, funding, service areas
   *     and required documents, in ORUK shape
   * @param notes what the mapper adjusted, for the report
   */
  record Service(
      String sourceId,
      String name,
      String description,
      String url,
      String email,
      String status,
      String fees,
      String accreditations,
      Integer minimumAge,
      Integer maximumAge,
      LocalDate assuredDate,
      String assurerEmail,
      String alert,
      ObjectNode details,
      Boolean freeOfCharge,
      Organization organization,
      List<ServiceAtLocation> serviceAtLocations,
      List<Schedule> schedules,
      List<Term> terms,
      WaymarkFields waymark,
      List<String> notes)
      implements Item {}
}
