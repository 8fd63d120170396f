package org.waymark.directory.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.shared.NeedDomain;

/**
 * Directory rows for tests, written with SQL as an importer would leave them. Each instance is its
 * own holder (tenant) with a made-up word ({@link #tag}) in every service's name and a spot in the
 * Atlantic of its own for postcodes and locations, so its rows never match another test's searches
 * in the shared database.
 */
public final class DirectoryFixtures {

  private final JdbcClient jdbc;

  /** The holder every row belongs to. */
  public final UUID holder = UUID.randomUUID();

  /** A word no other test uses; searching for it finds this instance's services only. */
  public final String tag;

  /** A made-up place far from any real one, where this instance's postcodes and locations are. */
  private static final java.util.concurrent.atomic.AtomicInteger FIXTURES =
      new java.util.concurrent.atomic.AtomicInteger();

  public final double baseLatitude;

  public final double baseLongitude;

  private final UUID organization;

  public DirectoryFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder t = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      t.append((char) ('a' + r.nextInt(26)));
    }
    this.tag = t.toString();
    // Each fixture of this run gets its own patch of the southern hemisphere, 3 degrees (over 300
    // km)
    // from any other and far from the demo data, so distance searches see only their own services.
    int n = FIXTURES.getAndIncrement();
    this.baseLatitude = -60 + (n % 15) * 3;
    this.baseLongitude = -170 + ((n / 15) % 110) * 3;
    this.organization = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO directory_organization (organisation_id, id, name, source, source_id)"
                + " VALUES (?, ?, ?, 'test', ?)")
        .params(holder, organization, "Fixture Trust " + tag, organization.toString())
        .update();
  }

  /**
   * A postcode of the postcode directory at a distance north of this instance's base point.
   *
   * @return the postcode, unique to this instance, in its normal form
   */
  public String postcode(double kmNorth) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String pc =
        "Z"
            + (char) ('A' + r.nextInt(26))
            + r.nextInt(10)
            + (char) ('A' + r.nextInt(26))
            + " "
            + r.nextInt(10)
            + (char) ('A' + r.nextInt(26))
            + (char) ('A' + r.nextInt(26));
    jdbc.sql("INSERT INTO postcode_location (postcode, latitude, longitude) VALUES (?, ?, ?)")
        .params(pc, latitudeNorth(kmNorth), baseLongitude)
        .update();
    return pc;
  }

  /** The latitude this far north of the base point. */
  public double latitudeNorth(double km) {
    return baseLatitude + km / 111.195;
  }

  /** Starts a service whose name is the given words followed by {@link #tag}. */
  public Service service(String name) {
    return new Service(name + " " + tag);
  }

  /** A service being described; {@link #insert()} writes it. */
  public final class Service {
    private final UUID id = UUID.randomUUID();
    private final String name;
    private String description = "";
    private String taxonomyText = "";
    private Integer minimumAge;
    private Integer maximumAge;
    private Boolean free;
    private AcceptingReferrals accepting = AcceptingReferrals.YES;
    private String status = "active";
    private Instant lastVerifiedAt;
    private String lastVerifiedBy;
    private String details = "{}";
    private final List<String[]> needs = new ArrayList<>();
    private final List<double[]> places = new ArrayList<>();
    private final List<Object[]> schedules = new ArrayList<>();
    private final List<UUID> terms = new ArrayList<>();

    private Service(String name) {
      this.name = name;
    }

    public Service description(String text) {
      this.description = text;
      return this;
    }

    public Service taxonomyText(String text) {
      this.taxonomyText = text;
      return this;
    }

    public Service ages(Integer min, Integer max) {
      this.minimumAge = min;
      this.maximumAge = max;
      return this;
    }

    public Service free(Boolean value) {
      this.free = value;
      return this;
    }

    public Service accepting(AcceptingReferrals value) {
      this.accepting = value;
      return this;
    }

    public Service status(String value) {
      this.status = value;
      return this;
    }

    public Service verified(Instant at, String by) {
      this.lastVerifiedAt = at;
      this.lastVerifiedBy = by;
      return this;
    }

    /** The ORUK nested collections as JSON, for example {@code {"languages":[...]}}. */
    public Service details(String json) {
      this.details = json;
      return this;
    }

    public Service need(NeedDomain need, String status) {
      needs.add(new String[] {need.name(), status, "fixture"});
      return this;
    }

    /** A location this far north of the base point. */
    public Service kmNorth(double km) {
      places.add(new double[] {latitudeNorth(km), baseLongitude});
      return this;
    }

    public Service term(UUID termId) {
      terms.add(termId);
      return this;
    }

    /** A weekly schedule, for example {@code weekly("TU", "10:00", "12:00", null, null)}. */
    public Service weekly(String byday, String opens, String closes, LocalDate from, LocalDate to) {
      schedules.add(new Object[] {"WEEKLY", byday, null, opens, closes, from, to});
      return this;
    }

    /** A monthly schedule on days of the month ("1,15") or days ("2TU", "-1FR"). */
    public Service monthly(String byday, String bymonthday, String opens, String closes) {
      schedules.add(new Object[] {"MONTHLY", byday, bymonthday, opens, closes, null, null});
      return this;
    }

    /** Writes the service with its needs, locations, schedules and terms; returns its id. */
    public UUID insert() {
      jdbc.sql(
              """
              INSERT INTO directory_service (organisation_id, id, directory_organization_id, name, description,
                minimum_age, maximum_age, free_of_charge, accepting_referrals, status, taxonomy_text,
                last_verified_at, last_verified_by, details, source, source_id)
              VALUES (:holder, :id, :org, :name, :description, :min, :max, :free, :accepting, :status,
                :taxonomy, :verifiedAt, :verifiedBy, CAST(:details AS jsonb), 'test', :sourceId)
              """)
          .param("holder", holder)
          .param("id", id)
          .param("org", organization)
          .param("name", name)
          .param("description", description)
          .param("min", minimumAge)
          .param("max", maximumAge)
          .param("free", free)
          .param("accepting", accepting.name())
          .param("status", status)
          .param("taxonomy", taxonomyText)
          .param(
              "verifiedAt", lastVerifiedAt == null ? null : java.sql.Timestamp.from(lastVerifiedAt))
          .param("verifiedBy", lastVerifiedBy)
          .param("details", details)
          .param("sourceId", id.toString())
          .update();
      for (String[] n : needs) {
        jdbc.sql(
                "INSERT INTO directory_service_need (organisation_id, service_id, need, status, reason)"
                    + " VALUES (?, ?, ?, ?, ?)")
            .params(holder, id, n[0], n[1], n[2])
            .update();
      }
      for (double[] place : places) {
        UUID location = UUID.randomUUID();
        jdbc.sql(
                """
                INSERT INTO directory_location (organisation_id, id, name, latitude, longitude, postcode,
                  addresses, accessibility, source, source_id)
                VALUES (?, ?, ?, ?, ?, 'ZZ1 1ZZ',
                  jsonb_build_array(jsonb_build_object('id', ?::text, 'address_1', '1 Fixture Street',
                    'city', 'Testham', 'state_province', 'Testshire', 'postal_code', 'ZZ1 1ZZ',
                    'country', 'GB', 'address_type', 'physical')),
                  jsonb_build_array(jsonb_build_object('id', ?::text, 'description', 'Step-free entrance')),
                  'test', ?)
                """)
            .params(
                holder,
                location,
                "Hall of " + name,
                place[0],
                place[1],
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                location.toString())
            .update();
        jdbc.sql(
                "INSERT INTO directory_service_at_location (organisation_id, id, service_id, location_id)"
                    + " VALUES (?, ?, ?, ?)")
            .params(holder, UUID.randomUUID(), id, location)
            .update();
      }
      for (Object[] s : schedules) {
        jdbc.sql(
                """
                INSERT INTO directory_schedule (organisation_id, id, service_id, freq, byday, bymonthday,
                  opens_at, closes_at, valid_from, valid_to)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            .params(
                holder,
                UUID.randomUUID(),
                id,
                s[0],
                s[1],
                s[2],
                s[3] == null ? null : LocalTime.parse((String) s[3]),
                s[4] == null ? null : LocalTime.parse((String) s[4]),
                s[5],
                s[6])
            .update();
      }
      for (UUID term : terms) {
        jdbc.sql(
                "INSERT INTO directory_service_term (organisation_id, service_id, taxonomy_term_id)"
                    + " VALUES (?, ?, ?)")
            .params(holder, id, term)
            .update();
      }
      return id;
    }
  }

  /** A taxonomy term, under a parent term or at the top (parent null). */
  public UUID term(String name, UUID parent) {
    UUID taxonomy = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO directory_taxonomy (organisation_id, id, name, source, source_id)"
                + " VALUES (?, ?, ?, 'test', ?)")
        .params(holder, taxonomy, "Fixture taxonomy", taxonomy.toString())
        .update();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO directory_taxonomy_term (organisation_id, id, taxonomy_id, parent_id, name,"
                + " source, source_id) VALUES (?, ?, ?, ?, ?, 'test', ?)")
        .params(holder, id, taxonomy, parent, name, id.toString())
        .update();
    return id;
  }

  /** The tag in upper case, to show that searching ignores case. */
  public String tagUpper() {
    return tag.toUpperCase(Locale.ROOT);
  }
}
