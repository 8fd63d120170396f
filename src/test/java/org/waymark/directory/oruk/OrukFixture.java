package org.waymark.directory.oruk;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Directory rows for the ORUK API tests, inserted with SQL because nothing writes the directory
 * yet. Every field the ORUK schemas describe is filled somewhere, so that validating the answers
 * means something; every name carries a {@link #token} no other data has, so assertions can be
 * narrowed to these rows in a database other tests share.
 *
 * <p>Two holders: the first holds an organization (with a parent), two taxonomies (one with a
 * parent and a child term), eight services and four locations around a fictional postcode in the
 * North Sea, far from any other test's places; the second holds one organization with one service,
 * to show the API reads across holders.
 */
final class OrukFixture {

  /** The fictional postcode at the centre of the fixture's locations. */
  static final String POSTCODE = "ZX1 1AA";

  static final double LATITUDE = 55.5;
  static final double LONGITUDE = 2.5;

  /** A well-formed postcode that is not in the postcode directory. */
  static final String UNKNOWN_POSTCODE = "ZX9 9ZZ";

  final String token;
  final UUID holder = UUID.randomUUID();
  final UUID otherHolder = UUID.randomUUID();

  final UUID parentOrganization = UUID.randomUUID();
  final UUID organization = UUID.randomUUID();
  final UUID otherOrganization = UUID.randomUUID();

  final UUID taxonomy = UUID.randomUUID();
  final UUID otherTaxonomy = UUID.randomUUID();
  final UUID wellbeing = UUID.randomUUID();
  final UUID befriending = UUID.randomUUID();
  final UUID gardening = UUID.randomUUID();

  /** About 100 m from the postcode. */
  final UUID nearLocation = UUID.randomUUID();

  /** About 2 km from the postcode. */
  final UUID midLocation = UUID.randomUUID();

  /** About 33 km from the postcode. */
  final UUID farLocation = UUID.randomUUID();

  /** Online only: no coordinates. */
  final UUID virtualLocation = UUID.randomUUID();

  /** Every field set; befriending; Mondays and Wednesdays 09:00-17:00; ages 18-65. */
  final UUID alpha = UUID.randomUUID();

  /** Gardening; Saturdays 10:00-14:00; no ages; last modified in 2020. */
  final UUID bravo = UUID.randomUUID();

  /** Wellbeing; first Tuesday of the month 13:00-15:00; ages 60-100; temporarily closed. */
  final UUID charlie = UUID.randomUUID();

  final UUID delta = UUID.randomUUID();
  final UUID echo = UUID.randomUUID();
  final UUID foxtrot = UUID.randomUUID();

  /** Only the required fields; defunct. */
  final UUID golf = UUID.randomUUID();

  /** Held by the other holder. */
  final UUID hotel = UUID.randomUUID();

  final UUID alphaAtNear = UUID.randomUUID();
  final UUID alphaOnline = UUID.randomUUID();
  final UUID bravoAtMid = UUID.randomUUID();
  final UUID charlieAtFar = UUID.randomUUID();

  private final JdbcClient jdbc;

  OrukFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.token = randomWord();
  }

  /** The service's name as inserted: the fixture's token and a word of its own. */
  String name(String word) {
    return token + " " + word;
  }

  OrukFixture insert() {
    jdbc.sql(
            """
            INSERT INTO postcode_location (postcode, latitude, longitude) VALUES (?, ?, ?)
            ON CONFLICT (postcode) DO NOTHING""")
        .params(POSTCODE, LATITUDE, LONGITUDE)
        .update();
    organizations();
    taxonomies();
    locations();
    services();
    servicesAtLocations();
    schedules();
    terms();
    return this;
  }

  private void organizations() {
    organization(holder, parentOrganization, name("Parent Council"), null, "[]");
    organization(
        holder,
        organization,
        name("Community Trust"),
        parentOrganization,
        """
        [{"id": "%s", "identifier_scheme": "GB-CHC", "identifier_type": "Charity number",
          "identifier": "1234567"}]"""
            .formatted(UUID.randomUUID()));
    organization(otherHolder, otherOrganization, name("Neighbours Group"), null, "[]");
  }

  private void organization(UUID holder, UUID id, String name, UUID parent, String identifiers) {
    jdbc.sql(
            """
            INSERT INTO directory_organization (organisation_id, id, name, description, email,
                website, logo, uri, parent_id, identifiers, source, source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), 'test', ?)""")
        .params(
            holder,
            id,
            name,
            "Runs community services in the test area.",
            "hello@example.org",
            "https://example.org",
            "https://example.org/logo.png",
            "https://example.org/organisations/" + id,
            parent,
            identifiers,
            id.toString())
        .update();
  }

  private void taxonomies() {
    taxonomy(taxonomy, name("Needs"), "https://example.org/taxonomies/needs", "1.0");
    taxonomy(otherTaxonomy, name("Activities"), null, null);
    term(wellbeing, taxonomy, null, "Wellbeing", "W");
    term(befriending, taxonomy, wellbeing, "Befriending", "W-1");
    term(gardening, otherTaxonomy, null, "Gardening", null);
  }

  private void taxonomy(UUID id, String name, String uri, String version) {
    jdbc.sql(
            """
            INSERT INTO directory_taxonomy (organisation_id, id, name, description, uri, version,
                source, source_id)
            VALUES (?, ?, ?, ?, ?, ?, 'test', ?)""")
        .params(holder, id, name, "Terms for the test area.", uri, version, id.toString())
        .update();
  }

  private void term(UUID id, UUID taxonomy, UUID parent, String word, String code) {
    jdbc.sql(
            """
            INSERT INTO directory_taxonomy_term (organisation_id, id, taxonomy_id, parent_id, code,
                name, description, term_uri, source, source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'test', ?)""")
        .params(
            holder,
            id,
            taxonomy,
            parent,
            code,
            name(word),
            word + " services.",
            "https://example.org/terms/" + id,
            id.toString())
        .update();
  }

  private void locations() {
    location(nearLocation, "physical", "Harbour Hall", LATITUDE + 0.0009, LONGITUDE);
    location(midLocation, "physical", "Lighthouse Rooms", LATITUDE + 0.018, LONGITUDE);
    location(farLocation, "physical", "Rig Centre", LATITUDE + 0.3, LONGITUDE);
    location(virtualLocation, "virtual", "Online", null, null);
  }

  private void location(UUID id, String type, String word, Double latitude, Double longitude) {
    String addresses =
        latitude == null
            ? "[]"
            : """
            [{"id": "%s", "attention": "Reception", "address_1": "1 Quay Street",
              "city": "Seaton", "region": "North Sea", "state_province": "Testshire",
              "postal_code": "%s", "country": "GB", "address_type": "physical"}]"""
                .formatted(UUID.randomUUID(), POSTCODE);
    String accessibility =
        """
        [{"id": "%s", "description": "Step-free entrance.", "details": "Ramp at the side door.",
          "url": "https://example.org/access", "accessibility": "Step-free entrance."}]"""
            .formatted(UUID.randomUUID());
    jdbc.sql(
            """
            INSERT INTO directory_location (organisation_id, id, location_type, name, description,
                latitude, longitude, postcode, external_identifier, external_identifier_type,
                addresses, accessibility, source, source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), 'test', ?)""")
        .params(
            holder,
            id,
            type,
            name(word),
            "A place for the test area.",
            latitude,
            longitude,
            latitude == null ? null : POSTCODE,
            latitude == null ? null : "100012345678",
            latitude == null ? null : "UPRN",
            addresses,
            accessibility,
            id.toString())
        .update();
  }

  private void services() {
    String details =
        """
        {"contacts": [{"id": "%s", "name": "Ann Example", "title": "Coordinator",
           "phones": [{"id": "%s", "number": "0113 496 0000", "description": "Office",
                       "languages": [{"id": "%s", "name": "English", "code": "en"}]}]}],
         "cost_options": [{"id": "%s", "valid_from": "2024-01-01", "valid_to": "2030-12-31",
           "option": "Over 60s", "amount": 2.5, "amount_description": "per session"}],
         "languages": [{"id": "%s", "name": "Welsh", "code": "cy", "note": "On request"}],
         "funding": [{"id": "%s", "source": "The test area council."}],
         "service_areas": [{"id": "%s", "name": "Seaton", "extent": "Seaton parish",
           "extent_type": "other", "uri": "https://example.org/areas/seaton",
           "service_area": "Seaton"}],
         "required_documents": [{"id": "%s", "document": "Proof of address",
           "uri": "https://example.org/documents"}]}"""
            .formatted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID());
    jdbc.sql(
            """
            INSERT INTO directory_service (organisation_id, id, directory_organization_id, name,
                description, url, email, status, fees, accreditations, minimum_age, maximum_age,
                assured_date, assurer_email, alert, details, source, source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, 18, 65, DATE '2025-06-01', ?, ?,
                    CAST(? AS jsonb), 'test', ?)""")
        .params(
            holder,
            alpha,
            organization,
            name("Alpha befriending"),
            "Weekly visits and phone calls for people who feel alone.",
            "https://example.org/alpha",
            "alpha@example.org",
            "Free; a small charge for trips.",
            "Member of the Befriending Network.",
            "assurer@example.org",
            "Closed on bank holidays.",
            details,
            alpha.toString())
        .update();
    service(holder, bravo, organization, "Bravo gardening", "active", null, null);
    jdbc.sql(
            "UPDATE directory_service SET last_modified = TIMESTAMPTZ '2020-01-01T00:00:00Z'"
                + " WHERE organisation_id = ? AND id = ?")
        .params(holder, bravo)
        .update();
    service(holder, charlie, organization, "Charlie wellbeing", "temporarily closed", 60, 100);
    service(holder, delta, null, "Delta lunch club", "active", null, null);
    service(holder, echo, null, "Echo walking group", "inactive", null, null);
    service(holder, foxtrot, null, "Foxtrot choir", "active", 5, null);
    jdbc.sql(
            """
            INSERT INTO directory_service (organisation_id, id, name, status, source, source_id)
            VALUES (?, ?, ?, 'defunct', 'test', ?)""")
        .params(holder, golf, name("Golf repair cafe"), golf.toString())
        .update();
    service(otherHolder, hotel, otherOrganization, "Hotel men's shed", "active", null, null);
  }

  private void service(
      UUID holder,
      UUID id,
      UUID organization,
      String word,
      String status,
      Integer minimumAge,
      Integer maximumAge) {
    jdbc.sql(
            """
            INSERT INTO directory_service (organisation_id, id, directory_organization_id, name,
                description, status, minimum_age, maximum_age, source, source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'test', ?)""")
        .params(
            holder,
            id,
            organization,
            name(word),
            "A community service in the test area.",
            status,
            minimumAge,
            maximumAge,
            id.toString())
        .update();
  }

  private void servicesAtLocations() {
    serviceAtLocation(alphaAtNear, alpha, nearLocation);
    serviceAtLocation(alphaOnline, alpha, virtualLocation);
    serviceAtLocation(bravoAtMid, bravo, midLocation);
    serviceAtLocation(charlieAtFar, charlie, farLocation);
  }

  private void serviceAtLocation(UUID id, UUID service, UUID location) {
    jdbc.sql(
            """
            INSERT INTO directory_service_at_location (organisation_id, id, service_id, location_id)
            VALUES (?, ?, ?, ?)""")
        .params(holder, id, service, location)
        .update();
  }

  private void schedules() {
    jdbc.sql(
            """
            INSERT INTO directory_schedule (organisation_id, id, service_id, service_at_location_id,
                valid_from, valid_to, dtstart, freq, interval, byday, bymonthday, description,
                opens_at, closes_at, schedule_link, attending_type, notes)
            VALUES (?, ?, ?, NULL, DATE '2024-01-01', DATE '2030-12-31', DATE '2024-01-01',
                    'WEEKLY', 1, 'MO,WE', NULL, 'Mondays and Wednesdays.', TIME '09:00',
                    TIME '17:00', 'https://example.org/alpha/times', 'In person or by phone',
                    'Closed on bank holidays.')""")
        .params(holder, UUID.randomUUID(), alpha)
        .update();
    schedule(alpha, alphaAtNear, "WEEKLY", "FR", null, "09:30", "12:00");
    schedule(bravo, null, "WEEKLY", "SA", null, "10:00", "14:00");
    schedule(charlie, null, "MONTHLY", "1TU", null, "13:00", "15:00");
    schedule(delta, null, "MONTHLY", null, "1,15", "12:00", "13:30");
  }

  private void schedule(
      UUID service,
      UUID serviceAtLocation,
      String freq,
      String byday,
      String bymonthday,
      String opens,
      String closes) {
    jdbc.sql(
            """
            INSERT INTO directory_schedule (organisation_id, id, service_id, service_at_location_id,
                freq, interval, byday, bymonthday, opens_at, closes_at)
            VALUES (?, ?, ?, ?, ?, 1, ?, ?, CAST(? AS time), CAST(? AS time))""")
        .params(
            holder,
            UUID.randomUUID(),
            service,
            serviceAtLocation,
            freq,
            byday,
            bymonthday,
            opens,
            closes)
        .update();
  }

  private void terms() {
    tag(alpha, befriending);
    tag(bravo, gardening);
    tag(charlie, wellbeing);
  }

  private void tag(UUID service, UUID term) {
    jdbc.sql(
            """
            INSERT INTO directory_service_term (organisation_id, service_id, taxonomy_term_id)
            VALUES (?, ?, ?)""")
        .params(holder, service, term)
        .update();
  }

  /** An instant before every fixture row's last modification except Bravo's. */
  static OffsetDateTime afterBravo() {
    return OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  }

  /** A made-up word that English stemming leaves alone and no other data contains. */
  private static String randomWord() {
    Random random = new Random();
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }
}
