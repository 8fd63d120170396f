package org.waymark.reporting;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;

/**
 * A synthetic national dataset written straight into the modules' source tables with set-based
 * {@code INSERT ... SELECT generate_series} statements: PCN tenants grouped into ICBs, their member
 * practices and link workers, VCS organisations, postcodes mapped to LSOAs with IMD deciles,
 * practice populations, people, referrals, cases, contacts, onward referrals and wellbeing scores.
 *
 * <p>Every value comes from a hash of a row number and a seed (identifiers from {@code md5}), never
 * from a random generator. Dates are relative to the time of the run, so two runs differ only where
 * a date decides something (whether a case is still open, how many of its contacts have happened):
 * by a few rows in ten million an hour apart. Codes (referral sources, needs, contact types,
 * closure reasons) are read from the code lists. The spread is skewed: some PCNs are several times
 * busier than others, a few national VCS organisations take a large share of onward referrals,
 * older people are referred more often, some postcodes of an area more than others, and each area's
 * deprivation follows its PCN's.
 *
 * <p>Foreign key triggers are skipped while writing ({@code session_replication_role = replica},
 * the embedded database runs as its superuser) and the larger tables' secondary indexes are dropped
 * and built again afterwards; the rows satisfy every foreign key and check constraint regardless.
 *
 * <p>Sizes come from system properties: {@code pcns} (1,300), {@code icbs} (42), {@code practices}
 * per PCN (6), {@code linkWorkers} per PCN (5), {@code referrals} (1,000,000), {@code contacts}
 * (10,000,000), {@code connections} (2,000,000), {@code vcs} organisations (5,000) and {@code
 * months} of history (24).
 */
public final class NationalDataset {

  /** The sizes to generate. */
  public record Sizes(
      int pcns,
      int icbs,
      int practices,
      int linkWorkers,
      int referrals,
      long contacts,
      int connections,
      int vcs,
      int months) {

    /** The sizes given as system properties, the national defaults otherwise. */
    public static Sizes fromSystemProperties() {
      return new Sizes(
          Integer.getInteger("pcns", 1_300),
          Integer.getInteger("icbs", 42),
          Integer.getInteger("practices", 6),
          Integer.getInteger("linkWorkers", 5),
          Integer.getInteger("referrals", 1_000_000),
          Long.getLong("contacts", 10_000_000L),
          Integer.getInteger("connections", 2_000_000),
          Integer.getInteger("vcs", 5_000),
          Integer.getInteger("months", 24));
    }
  }

  /** The organisations the benchmark accounts act for. */
  public record Subjects(
      UUID pcn, String pcnName, UUID icb, String icbName, int icbPcns, UUID vcs) {}

  /** The benchmark accounts, one membership each. */
  public record Accounts(
      String manager, String commissioner, String coordinator, String password) {}

  /** Slots of the weighted PCN table: a row's PCN is the slot its hash falls in. */
  private static final int SLOTS = 131_072;

  private final DataSource dataSource;
  private final Sizes sizes;

  public NationalDataset(DataSource dataSource, Sizes sizes) {
    this.dataSource = dataSource;
    this.sizes = sizes;
  }

  /** Writes the dataset, printing how long each step took and how many rows it wrote. */
  public void generate() throws SQLException {
    long all = System.nanoTime();
    System.out.printf(Locale.UK, "Generating %s%n", sizes);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      s.execute("SET synchronous_commit = off");
      s.execute("SET work_mem = '256MB'");
      s.execute("SET maintenance_work_mem = '1GB'");
      s.execute("SET temp_buffers = '512MB'");
      s.execute("SET session_replication_role = replica");
      functions(s);
      step(s, "code list weights", this::codeLists);
      step(s, "organisations, link workers, commissioning", this::organisations);
      step(s, "postcodes, LSOAs and IMD deciles", this::postcodes);
      step(s, "practice populations", this::populations);
      withoutIndexes(s, "person", () -> step(s, "people", this::people));
      step(s, "referral plan (temporary)", this::plan);
      withoutIndexes(s, "referral", () -> step(s, "referrals", this::referrals));
      step(s, "referral status changes", this::referralHistory);
      withoutIndexes(s, "casework_case", () -> step(s, "cases", this::cases));
      withoutIndexes(s, "casework_contact", () -> step(s, "contacts", this::contacts));
      withoutIndexes(s, "connection", () -> step(s, "connections", this::connections));
      step(s, "connection history", this::connectionHistory);
      withoutIndexes(s, "outcome_response", () -> step(s, "outcome responses", this::outcomes));
      s.execute("RESET session_replication_role");
    }
    System.out.printf(Locale.UK, "Dataset generated in %.1f s%n", (System.nanoTime() - all) / 1e9);
  }

  /** Prints each source table's row count and size. */
  public void printCounts() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String table :
          List.of(
              "organisation",
              "user_account",
              "membership",
              "report_commissioning",
              "postcode_location",
              "report_imd",
              "report_practice_population",
              "person",
              "referral",
              "referral_status_change",
              "casework_case",
              "casework_contact",
              "connection",
              "connection_history",
              "outcome_response")) {
        try (ResultSet r =
            s.executeQuery(
                "SELECT count(*), pg_size_pretty(pg_total_relation_size('"
                    + table
                    + "')) FROM "
                    + table)) {
          r.next();
          System.out.printf(
              Locale.UK, "  %-28s %,12d rows %10s%n", table, r.getLong(1), r.getString(2));
        }
      }
      for (String[] mix :
          new String[][] {
            {"referral", "status"},
            {"casework_case", "status"},
            {"casework_contact", "coalesce(outcome, 'PLANNED')"},
            {"connection", "status"},
            {"outcome_response", "instrument_code || ' ' || occasion"},
            {"person", "coalesce(split_part(ethnicity, '_', 1), 'NOT_ASKED')"}
          }) {
        try (ResultSet r =
            s.executeQuery(
                "SELECT string_agg(v || ' ' || pct || '%', ', ' ORDER BY n DESC) FROM (SELECT v, n,"
                    + " round(100.0 * n / sum(n) OVER (), 1) AS pct FROM (SELECT "
                    + mix[1]
                    + " AS v, count(*) AS n FROM "
                    + mix[0]
                    + " GROUP BY 1) a) x")) {
          r.next();
          System.out.printf(Locale.UK, "  %s by %s: %s%n", mix[0], mix[1], r.getString(1));
        }
      }
    }
  }

  /**
   * Picks the benchmark's organisations: the ICB of median size by referrals, its PCN of median
   * size and the VCS organisation that receives the most onward referrals.
   */
  public Subjects subjects() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      UUID icb;
      String icbName;
      int icbPcns;
      try (ResultSet r =
          s.executeQuery(
              """
              WITH icb AS (
                SELECT k.organisation_id, count(DISTINCT k.pcn_id) AS pcns, count(r.id) AS referrals
                FROM report_commissioning k
                LEFT JOIN referral r ON r.organisation_id = k.pcn_id
                GROUP BY k.organisation_id)
              SELECT i.organisation_id, o.name, i.pcns FROM icb i
              JOIN organisation o ON o.id = i.organisation_id
              ORDER BY i.referrals, i.organisation_id
              OFFSET (SELECT count(*) / 2 FROM icb) LIMIT 1
              """)) {
        r.next();
        icb = r.getObject(1, UUID.class);
        icbName = r.getString(2);
        icbPcns = r.getInt(3);
      }
      UUID pcn;
      String pcnName;
      try (ResultSet r =
          s.executeQuery(
              """
              WITH pcn AS (
                SELECT k.pcn_id, count(r.id) AS referrals FROM report_commissioning k
                LEFT JOIN referral r ON r.organisation_id = k.pcn_id
                WHERE k.organisation_id = '%s' GROUP BY k.pcn_id)
              SELECT p.pcn_id, o.name FROM pcn p JOIN organisation o ON o.id = p.pcn_id
              ORDER BY p.referrals, p.pcn_id OFFSET (SELECT count(*) / 2 FROM pcn) LIMIT 1
              """
                  .formatted(icb))) {
        r.next();
        pcn = r.getObject(1, UUID.class);
        pcnName = r.getString(2);
      }
      UUID vcs;
      try (ResultSet r =
          s.executeQuery(
              """
              SELECT service_holder_id FROM connection GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
              """)) {
        r.next();
        vcs = r.getObject(1, UUID.class);
      }
      return new Subjects(pcn, pcnName, icb, icbName, icbPcns, vcs);
    }
  }

  /**
   * Makes the three benchmark accounts, each with a single membership: the PCN's service manager,
   * the ICB's commissioner and the VCS organisation's coordinator.
   */
  public static Accounts accounts(IdentityManagement identity, Subjects subjects) {
    String password = "a-long-benchmark-password-for-waymark";
    Accounts a =
        new Accounts(
            "manager@national.waymark.test",
            "commissioner@national.waymark.test",
            "coordinator@national.waymark.test",
            password);
    member(
        identity, a.manager(), "Benchmark Manager", password, subjects.pcn(), Role.SERVICE_MANAGER);
    member(
        identity,
        a.commissioner(),
        "Benchmark Commissioner",
        password,
        subjects.icb(),
        Role.COMMISSIONER);
    member(
        identity,
        a.coordinator(),
        "Benchmark Coordinator",
        password,
        subjects.vcs(),
        Role.VCS_COORDINATOR);
    return a;
  }

  private static void member(
      IdentityManagement identity,
      String email,
      String name,
      String password,
      UUID organisationId,
      Role role) {
    UserAccount u = identity.createUser(email, name, password);
    identity.addMembership(u.id(), organisationId, role);
  }

  @FunctionalInterface
  private interface Sql {
    long run(Statement s) throws SQLException;
  }

  @FunctionalInterface
  private interface Body {
    void run() throws SQLException;
  }

  private static void step(Statement s, String name, Sql sql) throws SQLException {
    long t = System.nanoTime();
    long rows = sql.run(s);
    System.out.printf(
        Locale.UK, "  %-44s %,12d rows %8.1f s%n", name, rows, (System.nanoTime() - t) / 1e9);
  }

  /**
   * Runs the body with the table's secondary indexes dropped, then builds them again (one sort each
   * instead of millions of random insertions). Indexes behind constraints stay.
   */
  private static void withoutIndexes(Statement s, String table, Body body) throws SQLException {
    List<String[]> indexes = new ArrayList<>();
    try (ResultSet r =
        s.executeQuery(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = '%s'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname
                                AND k.conrelid = '%s'::regclass)
            """
                .formatted(table, table))) {
      while (r.next()) {
        indexes.add(new String[] {r.getString(1), r.getString(2)});
      }
    }
    for (String[] i : indexes) {
      s.execute("DROP INDEX " + i[0]);
    }
    body.run();
    long t = System.nanoTime();
    for (String[] i : indexes) {
      s.execute(i[1]);
    }
    System.out.printf(
        Locale.UK,
        "  %-44s %12s      %8.1f s%n",
        indexes.size() + " indexes of " + table + " built",
        "",
        (System.nanoTime() - t) / 1e9);
  }

  private static String num(double x) {
    return String.format(Locale.ROOT, "%.6f", x);
  }

  private static void functions(Statement s) throws SQLException {
    // A uniform number in [0, 1) from a row number and a seed.
    s.execute(
        """
        CREATE FUNCTION pg_temp.u(g bigint, seed int) RETURNS float8
          LANGUAGE sql IMMUTABLE PARALLEL SAFE
          AS $$ SELECT (hashint8extended(g, seed) & 9007199254740991)::float8 / 9007199254740992.0 $$
        """);
    // Roughly normal (mean 0, standard deviation about 1) from three uniforms.
    s.execute(
        """
        CREATE FUNCTION pg_temp.z(g bigint, seed int) RETURNS float8
          LANGUAGE sql IMMUTABLE PARALLEL SAFE
          AS $$ SELECT (pg_temp.u(g, seed) + pg_temp.u(g, seed + 1000) + pg_temp.u(g, seed + 2000) - 1.5) * 2 $$
        """);
    s.execute(
        """
        CREATE FUNCTION pg_temp.id(key text) RETURNS uuid
          LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT md5(key)::uuid $$
        """);
    // The PCN of a hashed row: weighted slots.
    s.execute(
        """
        CREATE FUNCTION pg_temp.slot(g bigint) RETURNS int
          LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (hashint8extended(g, 7) & %d)::int $$
        """
            .formatted(SLOTS - 1));
  }

  /**
   * Weighted picks from the code lists: each active code repeated by its weight (1 for a code the
   * generator does not know), so a uniform number indexes it.
   */
  private long codeLists(Statement s) throws SQLException {
    s.execute(
        """
        CREATE TEMP TABLE bench_weight (list text, code text, weight int);
        INSERT INTO bench_weight VALUES
          ('NEED', 'LONELINESS', 22), ('NEED', 'MENTAL_WELLBEING', 20), ('NEED', 'MONEY', 12),
          ('NEED', 'HOUSING', 8), ('NEED', 'PHYSICAL_ACTIVITY', 7), ('NEED', 'LONG_TERM_CONDITION', 6),
          ('NEED', 'CARER_SUPPORT', 4), ('NEED', 'FOOD', 4), ('NEED', 'EMPLOYMENT', 4),
          ('NEED', 'BEREAVEMENT', 4), ('NEED', 'TRANSPORT', 2), ('NEED', 'DIGITAL_INCLUSION', 2),
          ('NEED', 'LEGAL_ADVICE', 1), ('NEED', 'SUBSTANCE_USE', 1), ('NEED', 'SAFETY', 1),
          ('NEED', 'OTHER', 2),
          ('REFERRAL_SOURCE', 'GP', 45), ('REFERRAL_SOURCE', 'PRACTICE_NURSE', 10),
          ('REFERRAL_SOURCE', 'OTHER_PRACTICE_STAFF', 8), ('REFERRAL_SOURCE', 'COMMUNITY_PHARMACIST', 2),
          ('REFERRAL_SOURCE', 'HOSPITAL', 4), ('REFERRAL_SOURCE', 'MENTAL_HEALTH_SERVICE', 5),
          ('REFERRAL_SOURCE', 'SOCIAL_CARE', 5), ('REFERRAL_SOURCE', 'HOUSING_PROVIDER', 2),
          ('REFERRAL_SOURCE', 'EMERGENCY_SERVICES', 1), ('REFERRAL_SOURCE', 'VCS', 4),
          ('REFERRAL_SOURCE', 'SELF', 0), ('REFERRAL_SOURCE', 'FAMILY_OR_CARER', 2),
          ('REFERRAL_SOURCE', 'OTHER', 2),
          ('CONTACT_TYPE', 'FACE_TO_FACE_PRACTICE', 30), ('CONTACT_TYPE', 'PHONE', 35),
          ('CONTACT_TYPE', 'HOME_VISIT', 10), ('CONTACT_TYPE', 'COMMUNITY_VENUE', 10),
          ('CONTACT_TYPE', 'VIDEO', 5), ('CONTACT_TYPE', 'TEXT_OR_EMAIL', 7),
          ('CONTACT_TYPE', 'GROUP_SESSION', 3),
          ('CLOSURE_REASON', 'GOALS_MET', 55), ('CLOSURE_REASON', 'PERSON_CHOSE_TO_STOP', 12),
          ('CLOSURE_REASON', 'DID_NOT_ENGAGE', 15), ('CLOSURE_REASON', 'MOVED_AWAY', 3),
          ('CLOSURE_REASON', 'REFERRED_ELSEWHERE', 10), ('CLOSURE_REASON', 'DIED', 1),
          ('CLOSURE_REASON', 'OTHER', 4);
        CREATE TEMP TABLE bench_pick AS
        SELECT e.list, array_agg(e.code ORDER BY e.position, e.code) AS codes
        FROM code_list_entry e
        LEFT JOIN bench_weight w ON w.list = e.list AND w.code = e.code
        CROSS JOIN LATERAL generate_series(1, coalesce(w.weight, 1)) n
        WHERE e.active AND e.organisation_id = '00000000-0000-0000-0000-000000000000'
        GROUP BY e.list;
        CREATE TEMP TABLE bench_label AS
        SELECT jsonb_object_agg(code, label) AS labels FROM code_list_entry
        WHERE list = 'NEED' AND organisation_id = '00000000-0000-0000-0000-000000000000';
        CREATE TEMP TABLE bench_ethnicity AS
        SELECT array_agg(code ORDER BY ord) AS codes FROM (VALUES
          (1, 'WHITE_BRITISH', 700), (2, 'WHITE_IRISH', 10), (3, 'WHITE_GYPSY_OR_IRISH_TRAVELLER', 2),
          (4, 'WHITE_ROMA', 2), (5, 'WHITE_OTHER', 50), (6, 'ASIAN_INDIAN', 30),
          (7, 'ASIAN_PAKISTANI', 30), (8, 'ASIAN_BANGLADESHI', 12), (9, 'ASIAN_CHINESE', 7),
          (10, 'ASIAN_OTHER', 15), (11, 'BLACK_AFRICAN', 25), (12, 'BLACK_CARIBBEAN', 12),
          (13, 'BLACK_OTHER', 5), (14, 'MIXED_WHITE_AND_ASIAN', 5),
          (15, 'MIXED_WHITE_AND_BLACK_AFRICAN', 4), (16, 'MIXED_WHITE_AND_BLACK_CARIBBEAN', 6),
          (17, 'MIXED_OTHER', 5), (18, 'OTHER_ARAB', 6), (19, 'OTHER_ANY', 12),
          (20, 'PREFER_NOT_TO_SAY', 30)) v(ord, code, weight),
          generate_series(1, weight);
        """);
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM bench_pick")) {
      r.next();
      if (r.getInt(1) != 4) {
        throw new IllegalStateException("Expected four code lists, found " + r.getInt(1));
      }
    }
    return 4;
  }

  private long organisations(Statement s) throws SQLException {
    int p = sizes.pcns();
    int i = sizes.icbs();
    if (p > 6_760) {
      throw new IllegalArgumentException("At most 6,760 PCNs (two letters and a digit each)");
    }
    long rows = 0;
    s.execute(
        """
        CREATE TEMP TABLE bench_pcn AS
        SELECT p, pg_temp.id('pcn:' || p) AS id, p %% %2$d AS icb,
          -- Busyness: up to about five times the quietest, some regions busier.
          (0.35 + 1.3 * pg_temp.u(p, 1) ^ 2) * (0.8 + 0.4 * pg_temp.u(p %% %2$d, 2)) AS weight,
          -- Affluence of the area, 0 the most deprived.
          pg_temp.u(p, 3) AS affluence,
          chr(65 + p %% 26) || chr(65 + (p / 26) %% 26) || ((p / 676) %% 10)::text AS area
        FROM generate_series(0, %1$d - 1) p;
        ALTER TABLE bench_pcn ADD PRIMARY KEY (p);
        CREATE TEMP TABLE bench_slot AS
        SELECT sl AS s, w.p FROM (
          SELECT p, (sum(weight) OVER (ORDER BY p) - weight) / sum(weight) OVER () AS lo,
            sum(weight) OVER (ORDER BY p) / sum(weight) OVER () AS hi
          FROM bench_pcn) w,
          generate_series(ceil(w.lo * %3$d - 0.5)::int, ceil(w.hi * %3$d - 0.5)::int - 1) sl;
        ALTER TABLE bench_slot ADD PRIMARY KEY (s);
        ANALYZE bench_pcn;
        ANALYZE bench_slot;
        """
            .formatted(p, i, SLOTS));
    rows +=
        s.executeUpdate(
            """
            INSERT INTO organisation (id, type, name, ods_code, postcode)
            SELECT pg_temp.id('icb:' || k), 'ICB', 'NHS Benchmark ' || k + 1 || ' Integrated Care Board',
              'QX' || lpad(k::text, 3, '0'), NULL
            FROM generate_series(0, %d - 1) k
            """
                .formatted(i));
    rows +=
        s.executeUpdate(
            """
            INSERT INTO organisation (id, type, name, ods_code, postcode)
            SELECT id, 'PCN', 'Benchmark ' || area || ' Primary Care Network',
              'U' || lpad((p + 1)::text, 5, '0'), area || ' 1AA'
            FROM bench_pcn
            """);
    rows +=
        s.executeUpdate(
            """
            INSERT INTO organisation (id, type, name, ods_code, parent_id, postcode)
            SELECT pg_temp.id('practice:' || c.p || ':' || k), 'GP_PRACTICE',
              'Benchmark ' || c.area || ' Surgery ' || k + 1,
              'Y' || lpad((c.p * %1$d + k)::text, 5, '0'), c.id, c.area || ' ' || k + 1 || 'AB'
            FROM bench_pcn c, generate_series(0, %1$d - 1) k
            """
                .formatted(sizes.practices()));
    rows +=
        s.executeUpdate(
            """
            INSERT INTO organisation (id, type, name)
            SELECT pg_temp.id('vcs:' || h), 'VCS',
              CASE WHEN h < 50 THEN 'Benchmark National Charity ' || h + 1
                   ELSE 'Benchmark Community Organisation ' || h + 1 END
            FROM generate_series(0, %d - 1) h
            """
                .formatted(sizes.vcs()));
    rows +=
        s.executeUpdate(
            """
            INSERT INTO user_account (id, email, display_name)
            SELECT pg_temp.id('lw:' || c.p || ':' || w),
              'link.worker.' || c.p || '.' || w || '@national.waymark.test',
              (ARRAY['Amira', 'Ben', 'Chloe', 'Dev', 'Ellie', 'Femi', 'Grace', 'Harry', 'Isla',
                     'Jamal', 'Kate', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya'])[1 + (c.p + w) %% 16]
              || ' ' ||
              (ARRAY['Adams', 'Begum', 'Clarke', 'Davies', 'Evans', 'Khan', 'Hughes', 'Jones',
                     'Kaur', 'Lewis', 'Morgan', 'Nowak', 'Okafor', 'Patel', 'Smith', 'Taylor'])[1 + (c.p * 7 + w * 3) %% 16]
            FROM bench_pcn c, generate_series(0, %d - 1) w
            """
                .formatted(sizes.linkWorkers()));
    rows +=
        s.executeUpdate(
            """
            INSERT INTO membership (organisation_id, user_id, role)
            SELECT c.id, pg_temp.id('lw:' || c.p || ':' || w), 'LINK_WORKER'
            FROM bench_pcn c, generate_series(0, %d - 1) w
            """
                .formatted(sizes.linkWorkers()));
    rows +=
        s.executeUpdate(
            """
            INSERT INTO report_commissioning (organisation_id, pcn_id)
            SELECT pg_temp.id('icb:' || icb), id FROM bench_pcn
            """);
    return rows;
  }

  /**
   * 120 postcodes per PCN in 20 LSOAs; one in twenty has no 2021 LSOA (only its 2011 one), and the
   * deprivation of an LSOA follows its PCN's area with some spread.
   */
  private long postcodes(Statement s) throws SQLException {
    long rows =
        s.executeUpdate(
            """
            INSERT INTO postcode_location (postcode, latitude, longitude, lsoa11, lsoa21)
            SELECT c.area || ' ' || (k % 10) || chr(65 + (k / 10) % 26) || chr(65 + (k / 260) % 26),
              50.6 + 4.0 * pg_temp.u(c.p, 4) + 0.05 * pg_temp.u(c.p * 1000 + k, 5),
              -3.5 + 4.0 * pg_temp.u(c.p, 6) + 0.05 * pg_temp.u(c.p * 1000 + k, 8),
              'E01' || lpad((c.p * 20 + k % 20)::text, 6, '0'),
              CASE WHEN pg_temp.u(c.p * 1000 + k, 9) < 0.05 THEN NULL
                   ELSE 'E01' || lpad((c.p * 20 + k % 20)::text, 6, '0') END
            FROM bench_pcn c, generate_series(0, 119) k
            """);
    rows +=
        s.executeUpdate(
            """
            INSERT INTO report_imd (lsoa_vintage, lsoa_code, imd_decile, imd_rank)
            SELECT v, 'E01' || lpad((c.p * 20 + l)::text, 6, '0'),
              least(10, 1 + floor(10 * (0.65 * c.affluence + 0.35 * pg_temp.u(c.p * 20 + l, 10))))::int,
              1 + floor(32844 * (0.65 * c.affluence + 0.35 * pg_temp.u(c.p * 20 + l, 10)))::int
            FROM bench_pcn c, generate_series(0, 19) l, (VALUES ('2011'), ('2021')) vs(v)
            """);
    return rows;
  }

  private long populations(Statement s) throws SQLException {
    return s.executeUpdate(
        """
        INSERT INTO report_practice_population (organisation_id, practice_id, month, registered)
        SELECT c.id, pg_temp.id('practice:' || c.p || ':' || k), m.month,
          round((3000 + 15000 * pg_temp.u(c.p * 100 + k, 11) ^ 1.5) * c.weight
                * (1 + 0.002 * m.n))::int
        FROM bench_pcn c, generate_series(0, %d - 1) k,
          (SELECT n, (date_trunc('month', now() AT TIME ZONE 'Europe/London')
                      - make_interval(months => %d - n))::date AS month
           FROM generate_series(0, %d) n) m
        """
            .formatted(sizes.practices(), sizes.months(), sizes.months()));
  }

  /** People: one in ten referrals is someone referred before, so there are fewer people. */
  private int peopleCount() {
    return (int) Math.max(1, Math.round(sizes.referrals() / 1.1));
  }

  private long people(Statement s) throws SQLException {
    return s.executeUpdate(
        """
        INSERT INTO person (organisation_id, id, given_name, family_name, date_of_birth, sex,
          ethnicity, postcode, registered_practice_id, created_at, updated_at)
        SELECT c.id, pg_temp.id('person:' || g),
          (ARRAY['Aaliyah', 'Abdul', 'Ada', 'Alan', 'Alice', 'Amir', 'Ann', 'Arthur', 'Barbara', 'Brian',
                 'Carol', 'Chen', 'Christine', 'Colin', 'David', 'Deborah', 'Derek', 'Dorothy', 'Elaine',
                 'Emeka', 'Fatima', 'Frank', 'Gareth', 'Gillian', 'Graham', 'Hannah', 'Hassan', 'Irene',
                 'Jack', 'Janet', 'Joan', 'John', 'Kevin', 'Linda', 'Margaret', 'Mohammed', 'Nia',
                 'Patricia', 'Peter', 'Zoë'])[1 + floor(40 * pg_temp.u(g, 12))::int],
          (ARRAY['Ahmed', 'Ali', 'Allen', 'Baker', 'Bell', 'Brown', 'Campbell', 'Chowdhury', 'Cooper',
                 'Davies', 'Edwards', 'Evans', 'Green', 'Hall', 'Harris', 'Hill', 'Hussain', 'Jackson',
                 'Johnson', 'Jones', 'King', 'Kowalski', 'Lee', 'Martin', 'Mensah', 'Mitchell', 'Moore',
                 'Murphy', 'O''Brien', 'Patel', 'Roberts', 'Robinson', 'Scott', 'Singh', 'Smith',
                 'Thomas', 'Thompson', 'Walker', 'White', 'Wilson'])[1 + floor(40 * pg_temp.u(g, 13))::int],
          ((now() AT TIME ZONE 'Europe/London')::date
            - (365.25 * CASE WHEN pg_temp.u(g, 14) < 0.03 THEN 11 + 7 * pg_temp.u(g, 15)
                             ELSE 18 + 78 * (pg_temp.u(g, 15) + pg_temp.u(g, 16)) / 2 END)::int),
          CASE WHEN pg_temp.u(g, 17) < 0.59 THEN 'FEMALE'
               WHEN pg_temp.u(g, 17) < 0.99 THEN 'MALE' ELSE 'NOT_KNOWN' END,
          CASE WHEN pg_temp.u(g, 18) < 0.08 THEN NULL
               ELSE e.codes[1 + floor(cardinality(e.codes) * pg_temp.u(g, 19))::int] END,
          CASE WHEN pg_temp.u(g, 20) < 0.04 THEN NULL
               ELSE c.area || ' ' || (k %% 10) || chr(65 + (k / 10) %% 26) || chr(65 + (k / 260) %% 26) END,
          pg_temp.id('practice:' || c.p || ':' || floor(%d * pg_temp.u(g, 21) ^ 1.3)::int),
          now() - interval '1 day' * 800 * pg_temp.u(g, 22),
          now() - interval '1 day' * 800 * pg_temp.u(g, 22)
        FROM generate_series(1, %d) g
        JOIN bench_slot sl ON sl.s = pg_temp.slot(g)
        JOIN bench_pcn c ON c.p = sl.p
        CROSS JOIN bench_ethnicity e
        -- Some postcodes of the area are home to more of the people referred than others.
        CROSS JOIN LATERAL (SELECT floor(120 * pg_temp.u(g, 23) ^ 1.4)::int AS k) pk
        """
            .formatted(sizes.practices(), peopleCount()));
  }

  /**
   * Every referral's story in a temporary table: who, when, what for, whether a case was opened,
   * when it was first contacted and closed, and how many contacts and onward referrals it had.
   */
  private long plan(Statement s) throws SQLException {
    double days = sizes.months() * 30.44;
    long rows =
        s.executeUpdate(
            """
            CREATE TEMP TABLE bench_ref AS
            WITH base AS (
              SELECT g, pg, c.p, c.id AS org,
                now() - interval '1 day' * %1$s * pg_temp.u(g, 30) ^ 1.25 AS received_at,
                CASE WHEN pg_temp.u(g, 31) < 0.15 THEN 'SELF_REFERRAL' WHEN pg_temp.u(g, 31) < 0.25 THEN 'API'
                     WHEN pg_temp.u(g, 31) < 0.30 THEN 'CSV_IMPORT' ELSE 'WEB_FORM' END AS channel,
                n.codes[1 + floor(cardinality(n.codes) * pg_temp.u(g, 32))::int] AS n1,
                n.codes[1 + floor(cardinality(n.codes) * pg_temp.u(g, 33))::int] AS n2,
                n.codes[1 + floor(cardinality(n.codes) * pg_temp.u(g, 34))::int] AS n3,
                src.codes[1 + floor(cardinality(src.codes) * pg_temp.u(g, 35))::int] AS src,
                cl.codes[1 + floor(cardinality(cl.codes) * pg_temp.u(g, 36))::int] AS closure,
                floor(%2$d * pg_temp.u(g, 37) ^ 1.2)::int AS w
              FROM (SELECT g, CASE WHEN g <= %3$d THEN g ELSE 1 + (hashint8extended(g, 38) & 2147483647) %% %3$d END AS pg
                    FROM generate_series(1, %4$d) g) r
              JOIN bench_slot sl ON sl.s = pg_temp.slot(pg)
              JOIN bench_pcn c ON c.p = sl.p
              CROSS JOIN (SELECT codes FROM bench_pick WHERE list = 'NEED') n
              CROSS JOIN (SELECT codes FROM bench_pick WHERE list = 'REFERRAL_SOURCE') src
              CROSS JOIN (SELECT codes FROM bench_pick WHERE list = 'CLOSURE_REASON') cl),
            decided AS (
              SELECT b.*,
                ARRAY[n1] || CASE WHEN pg_temp.u(g, 39) < 0.45 AND n2 <> n1 THEN ARRAY[n2] ELSE '{}' END
                  || CASE WHEN pg_temp.u(g, 40) < 0.15 AND n3 <> n1 AND n3 <> n2 THEN ARRAY[n3] ELSE '{}' END
                  AS needs,
                CASE WHEN channel = 'SELF_REFERRAL' THEN 'SELF' ELSE src END AS source,
                CASE
                  WHEN received_at > now() - interval '5 days' AND pg_temp.u(g, 41) < 0.7 THEN 'RECEIVED'
                  WHEN received_at > now() - interval '5 days' AND pg_temp.u(g, 41) < 0.8 THEN 'INFORMATION_REQUESTED'
                  WHEN received_at > now() - interval '30 days' AND pg_temp.u(g, 41) > 0.97 THEN 'INFORMATION_REQUESTED'
                  WHEN pg_temp.u(g, 42) < 0.80 THEN 'ACCEPTED'
                  ELSE 'DECLINED' END AS decision,
                greatest(received_at, least(now() - interval '1 hour', received_at + interval '1 day' * (0.3 + 6 * pg_temp.u(g, 43) ^ 2))) AS decided_at,
                30 + 150 * pg_temp.u(g, 44) AS planned_days
              FROM base b)
            SELECT d.*,
              d.decided_at AS opened_at,
              CASE WHEN d.decision = 'ACCEPTED'
                     AND d.decided_at + interval '1 day' * (1 + 20 * pg_temp.u(g, 45) ^ 2) < now()
                   THEN d.decided_at + interval '1 day' * (1 + 20 * pg_temp.u(g, 45) ^ 2) END AS first_contact_at,
              CASE WHEN d.decision = 'ACCEPTED' AND pg_temp.u(g, 46) < 0.95
                     AND d.decided_at + interval '1 day' * d.planned_days < now()
                   THEN d.decided_at + interval '1 day' * d.planned_days END AS closed_at
            FROM decided d
            """
                .formatted(num(days), sizes.linkWorkers(), peopleCount(), sizes.referrals()));
    s.execute(
        """
        -- A closed case was contacted; an open one's contacts and onward referrals are in
        -- proportion to how far through its planned length it is.
        UPDATE bench_ref SET closed_at = NULL WHERE first_contact_at IS NULL;
        ALTER TABLE bench_ref ADD COLUMN factor float8;
        UPDATE bench_ref SET factor = CASE
          WHEN first_contact_at IS NULL THEN 0
          WHEN closed_at IS NOT NULL THEN 1
          ELSE least(1, extract(epoch FROM now() - opened_at) / 86400 / planned_days) END;
        ANALYZE bench_ref;
        """);
    return rows;
  }

  private long referrals(Statement s) throws SQLException {
    return s.executeUpdate(
        """
        INSERT INTO referral (organisation_id, id, reference, person_id, person_as_referred, channel,
          source, needs, reason, consent_to_share, consent_to_contact, urgency, referrer_name,
          referrer_organisation, status, received_at, status_changed_at, decline_reason, signposting,
          discharge_summary, discharged_at)
        SELECT org, pg_temp.id('referral:' || g),
          'WM-' || substr(upper(lpad(to_hex(g), 8, '0')), 1, 4) || '-' || substr(upper(lpad(to_hex(g), 8, '0')), 5, 4),
          pg_temp.id('person:' || pg),
          (SELECT jsonb_build_object('givenName', p.given_name, 'familyName', p.family_name,
              'dateOfBirth', p.date_of_birth, 'sex', p.sex, 'ethnicity', p.ethnicity,
              'postcode', p.postcode, 'registeredPracticeId', p.registered_practice_id,
              'interpreterNeeded', false, 'phoneConsent', false, 'smsConsent', false,
              'emailConsent', false, 'deceased', false)
           FROM person p WHERE p.organisation_id = org AND p.id = pg_temp.id('person:' || pg)),
          channel, source, needs, 'Referred for social prescribing support', true, true,
          CASE WHEN pg_temp.u(g, 47) < 0.05 THEN 'URGENT' ELSE 'ROUTINE' END,
          CASE WHEN channel <> 'SELF_REFERRAL' THEN 'Referrer ' || g % 997 END,
          CASE WHEN channel <> 'SELF_REFERRAL' THEN 'Benchmark referrer organisation' END,
          CASE WHEN decision <> 'ACCEPTED' THEN decision
               WHEN closed_at IS NOT NULL THEN 'CLOSED' ELSE 'ACCEPTED' END,
          received_at,
          CASE WHEN decision = 'RECEIVED' THEN received_at ELSE coalesce(closed_at, decided_at) END,
          CASE WHEN decision = 'DECLINED' THEN 'Better met by another service' END,
          CASE WHEN decision = 'DECLINED' THEN 'Signposted to local services' END,
          CASE WHEN closed_at IS NOT NULL THEN 'Discharged: ' || closure END,
          closed_at
        FROM bench_ref
        """);
  }

  private long referralHistory(Statement s) throws SQLException {
    return s.executeUpdate(
        """
        INSERT INTO referral_status_change (organisation_id, referral_id, from_status, to_status, changed_at)
        SELECT org, pg_temp.id('referral:' || g),
          CASE k WHEN 1 THEN NULL WHEN 2 THEN 'RECEIVED' ELSE 'ACCEPTED' END,
          CASE k WHEN 1 THEN 'RECEIVED' WHEN 2 THEN decision ELSE 'CLOSED' END,
          CASE k WHEN 1 THEN received_at WHEN 2 THEN decided_at ELSE closed_at END
        FROM bench_ref,
          generate_series(1, CASE WHEN decision = 'RECEIVED' THEN 1 WHEN closed_at IS NULL THEN 2 ELSE 3 END) k
        """);
  }

  private long cases(Statement s) throws SQLException {
    return s.executeUpdate(
        """
        INSERT INTO casework_case (organisation_id, id, referral_id, person_id, link_worker_id, status,
          opened_at, first_contact_at, closed_at, closure_reason, referred_at, needs)
        SELECT org, pg_temp.id('case:' || g), pg_temp.id('referral:' || g), pg_temp.id('person:' || pg),
          pg_temp.id('lw:' || p || ':' || w),
          CASE WHEN closed_at IS NULL THEN 'OPEN' ELSE 'CLOSED' END,
          opened_at, first_contact_at, closed_at, CASE WHEN closed_at IS NOT NULL THEN closure END,
          received_at, needs
        FROM bench_ref WHERE decision = 'ACCEPTED'
        """);
  }

  /** The mean of a case's share, so that the total comes out near the size asked for. */
  private double perCase(Statement s, double total) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT sum(factor) FROM bench_ref")) {
      r.next();
      return total / Math.max(1, r.getDouble(1));
    }
  }

  /**
   * Contacts spread evenly (with some jitter) from the first contact to the close, or for an open
   * case to two weeks from now: the ones still ahead are planned (no outcome yet).
   */
  private long contacts(Statement s) throws SQLException {
    double mean = perCase(s, sizes.contacts());
    return s.executeUpdate(
        """
        INSERT INTO casework_contact (organisation_id, id, case_id, contact_type, contact_at,
          duration_minutes, outcome, notes, recorded_by, recorded_at)
        SELECT org, pg_temp.id('contact:' || g || ':' || k), pg_temp.id('case:' || g), ct, at,
          CASE WHEN outcome = 'ATTENDED' THEN 15 + 5 * floor(16 * pg_temp.u(g * 100 + k, 50))::int END,
          outcome,
          CASE WHEN outcome = 'ATTENDED' THEN (ARRAY[
            'Talked through what matters to them and agreed next steps.',
            'Reviewed progress with the support plan; feeling more settled.',
            'Went together to the community group; will try it again next week.',
            'Discussed money worries and booked a benefits check.',
            'Checked in by phone; no new concerns.'])[1 + floor(5 * pg_temp.u(g * 100 + k, 51))::int] END,
          lw, CASE WHEN at > now() THEN now() - interval '1 day' * pg_temp.u(g * 100 + k, 52)
                   ELSE at + interval '2 hours' END
        FROM (
          SELECT r.org, r.g, k, r.lw, t.codes[1 + floor(cardinality(t.codes) * pg_temp.u(r.g * 100 + k, 53))::int] AS ct,
            r.at,
            CASE WHEN r.at > now() THEN NULL
                 WHEN k = 1 OR pg_temp.u(r.g * 100 + k, 54) < 0.78 THEN 'ATTENDED'
                 WHEN pg_temp.u(r.g * 100 + k, 54) < 0.90 THEN 'DID_NOT_ATTEND'
                 WHEN pg_temp.u(r.g * 100 + k, 54) < 0.96 THEN 'CANCELLED_BY_PERSON'
                 ELSE 'CANCELLED_BY_SERVICE' END AS outcome
          FROM (
            SELECT b.org, b.g, k, pg_temp.id('lw:' || b.p || ':' || b.w) AS lw,
              CASE WHEN k = 1 THEN b.first_contact_at
                   ELSE b.first_contact_at + (b.ending - b.first_contact_at)
                        * ((k - 1 + 0.8 * pg_temp.u(b.g * 100 + k, 55)) / b.n) END AS at
            FROM (
              SELECT f.*, coalesce(closed_at, now() + interval '14 days') AS ending,
                greatest(1, round((0.25 + 1.5 * pg_temp.u(g, 56)) * %s * factor))::int AS n
              FROM bench_ref f WHERE factor > 0) b,
              generate_series(1, b.n) k) r
          CROSS JOIN (SELECT codes FROM bench_pick WHERE list = 'CONTACT_TYPE') t) x
        """
            .formatted(num(mean)));
  }

  /**
   * Onward referrals during the case, most to the VCS organisations of the PCN's own ICB, one in
   * five to a few national charities; the state depends on how long ago it was sent.
   */
  private long connections(Statement s) throws SQLException {
    double mean = perCase(s, sizes.connections());
    int v = sizes.vcs();
    int i = sizes.icbs();
    int national = Math.min(50, v);
    int perIcb = Math.max(1, v / i);
    return s.executeUpdate(
        """
        INSERT INTO connection (organisation_id, id, case_id, referral_id, person_id, requested_by,
          service_id, service_holder_id, service_name, service_org_name, method, status,
          status_reason, shared_name, shared_contact, shared_needs, shared_need_labels,
          shared_consent, requested_at, answer_due_on, answered_at, first_session_on,
          sessions_attended, ended_at, status_changed_at)
        SELECT org, pg_temp.id('connection:' || g || ':' || k), pg_temp.id('case:' || g),
          pg_temp.id('referral:' || g), pg_temp.id('person:' || pg), lw,
          pg_temp.id('service:' || h || ':' || sv), pg_temp.id('vcs:' || h),
          (ARRAY['Befriending', 'Debt and benefits advice', 'Walking group', 'Community café',
                 'Carers'' support group', 'Bereavement support', 'Men''s shed', 'Digital skills',
                 'Housing advice', 'Food club', 'Arts for wellbeing', 'Volunteering'])[1 + (h * 5 + sv) %% 12],
          CASE WHEN h < 50 THEN 'Benchmark National Charity ' || h + 1
               ELSE 'Benchmark Community Organisation ' || h + 1 END,
          CASE WHEN u1 < 0.85 THEN 'WAYMARK' WHEN u1 < 0.95 THEN 'EMAIL' ELSE 'OTHER' END,
          status,
          CASE status
            WHEN 'REJECTED' THEN (ARRAY['AT_CAPACITY', 'NOT_ELIGIBLE', 'OUTSIDE_AREA', 'SERVICE_UNAVAILABLE',
                                        'UNABLE_TO_CONTACT', 'PERSON_DECLINED'])[1 + floor(6 * u2)::int]
            WHEN 'CANCELLED' THEN (ARRAY['NO_LONGER_NEEDED', 'NO_LONGER_NEEDED', 'SENT_IN_ERROR',
                                         'PERSON_DECLINED'])[1 + floor(4 * u2)::int]
            WHEN 'ON_HOLD' THEN (ARRAY['WAITING_LIST', 'WAITING_LIST', 'PERSON_UNWELL',
                                       'SERVICE_UNAVAILABLE'])[1 + floor(4 * u2)::int]
            WHEN 'FAILED' THEN (ARRAY['DID_NOT_ATTEND', 'DID_NOT_ATTEND', 'UNABLE_TO_CONTACT',
                                      'PERSON_DECLINED', 'NOT_ELIGIBLE'])[1 + floor(5 * u2)::int]
          END,
          'Person ' || pg, 'Mobile 07700 900' || lpad((pg %% 1000)::text, 3, '0'),
          needs, ARRAY(SELECT l.labels ->> nd FROM unnest(needs) nd),
          'Agreed that these details are shared',
          requested_at, (requested_at AT TIME ZONE 'Europe/London')::date + 14,
          answered_at,
          CASE WHEN status IN ('IN_PROGRESS', 'COMPLETED') OR (status = 'FAILED' AND u2 >= 0.4)
               THEN least((now() AT TIME ZONE 'Europe/London')::date,
                          (answered_at AT TIME ZONE 'Europe/London')::date + 7) END,
          CASE WHEN status = 'COMPLETED' THEN 1 + floor(10 * u3)::int
               WHEN status = 'IN_PROGRESS' THEN 1 + floor(5 * u3)::int ELSE 0 END,
          ended_at,
          coalesce(ended_at, answered_at, requested_at)
        FROM (
          SELECT y.*,
            CASE WHEN status IN ('COMPLETED', 'FAILED')
                   THEN least(now() - interval '1 minute', answered_at + interval '1 day' * (20 + 100 * u3))
                 WHEN status = 'REJECTED' THEN answered_at
                 WHEN status = 'CANCELLED'
                   THEN least(now() - interval '1 minute', coalesce(answered_at, requested_at) + interval '2 days')
            END AS ended_at
          FROM (
            SELECT x.*,
              CASE WHEN status = 'REQUESTED' OR (status = 'CANCELLED' AND u4 < 0.5) THEN NULL
                   ELSE least(now() - interval '2 minutes',
                              requested_at + interval '1 day' * (0.2 + 14 * u4 ^ 2.5)) END AS answered_at
            FROM (
              SELECT w.*,
                CASE
                  WHEN age < 10 THEN CASE WHEN u0 < 0.45 THEN 'REQUESTED' WHEN u0 < 0.70 THEN 'ACCEPTED'
                    WHEN u0 < 0.85 THEN 'IN_PROGRESS' WHEN u0 < 0.93 THEN 'REJECTED'
                    WHEN u0 < 0.97 THEN 'CANCELLED' ELSE 'ON_HOLD' END
                  WHEN age < 90 AND is_open THEN CASE WHEN u0 < 0.05 THEN 'REQUESTED' WHEN u0 < 0.15 THEN 'ACCEPTED'
                    WHEN u0 < 0.50 THEN 'IN_PROGRESS' WHEN u0 < 0.55 THEN 'ON_HOLD'
                    WHEN u0 < 0.80 THEN 'COMPLETED' WHEN u0 < 0.88 THEN 'FAILED'
                    WHEN u0 < 0.96 THEN 'REJECTED' ELSE 'CANCELLED' END
                  ELSE CASE WHEN u0 < 0.60 THEN 'COMPLETED' WHEN u0 < 0.72 THEN 'FAILED'
                    WHEN u0 < 0.86 THEN 'REJECTED' WHEN u0 < 0.94 THEN 'CANCELLED'
                    WHEN u0 < 0.98 THEN 'IN_PROGRESS' WHEN u0 < 0.99 THEN 'ON_HOLD' ELSE 'ACCEPTED' END
                END AS status
              FROM (
                SELECT v.*, extract(epoch FROM now() - requested_at) / 86400 AS age,
                  sv0 %% (1 + h %% 4) AS sv
                FROM (
                  SELECT b.org, b.g, b.pg, k, b.needs, b.closed_at IS NULL AS is_open,
                    pg_temp.id('lw:' || b.p || ':' || b.w) AS lw,
                    least(now() - interval '1 hour',
                          b.first_contact_at + (coalesce(b.closed_at, now()) - b.first_contact_at)
                            * ((k - 1 + pg_temp.u(b.g * 100 + k, 60)) / b.n)) AS requested_at,
                    CASE WHEN pg_temp.u(b.g * 100 + k, 61) < 0.2
                         THEN floor(%2$d * pg_temp.u(b.g * 100 + k, 62) ^ 2)::int
                         ELSE least(%4$d - 1, c.icb + %3$d * floor(%5$d * pg_temp.u(b.g * 100 + k, 62) ^ 2)::int)
                    END AS h,
                    floor(4 * pg_temp.u(b.g * 100 + k, 63))::int AS sv0,
                    pg_temp.u(b.g * 100 + k, 64) AS u0, pg_temp.u(b.g * 100 + k, 65) AS u1,
                    pg_temp.u(b.g * 100 + k, 66) AS u2, pg_temp.u(b.g * 100 + k, 67) AS u3,
                    pg_temp.u(b.g * 100 + k, 68) AS u4
                  FROM (
                    SELECT f.*, floor(pg_temp.u(g, 69) * (2 * %1$s * factor + 1))::int AS n
                    FROM bench_ref f WHERE factor > 0) b
                  JOIN bench_pcn c ON c.p = b.p,
                  generate_series(1, b.n) k) v) w) x) y) z
        CROSS JOIN bench_label l
        """
            .formatted(num(mean), national, i, v, perIcb));
  }

  private long connectionHistory(Statement s) throws SQLException {
    return s.executeUpdate(
        """
        INSERT INTO connection_history (organisation_id, connection_id, position, status, status_reason,
          side, changed_by, changed_at)
        SELECT organisation_id, id, k,
          CASE k WHEN 1 THEN 'REQUESTED' ELSE status END,
          CASE k WHEN 1 THEN NULL ELSE status_reason END,
          CASE WHEN k = 1 OR status = 'CANCELLED' THEN 'REQUESTER' ELSE 'PERFORMER' END,
          CASE WHEN k = 1 OR status = 'CANCELLED' THEN requested_by END,
          CASE k WHEN 1 THEN requested_at ELSE status_changed_at END
        FROM connection, generate_series(1, CASE WHEN status = 'REQUESTED' THEN 1 ELSE 2 END) k
        """);
  }

  /**
   * Scores: SWEMWBS at the start for most cases, ONS4 for many, the loneliness scale mostly for
   * those referred for loneliness; a review midway for some, at discharge for most closed cases and
   * three months later for some. Scores improve on average, by a different amount for each person.
   */
  private long outcomes(Statement s) throws SQLException {
    return s.executeUpdate(
        """
        INSERT INTO outcome_response (organisation_id, id, case_id, person_id, instrument_code,
          instrument_version, occasion, completed_on, answers, scores, completed_by, recorded_by,
          recorded_at)
        SELECT org, pg_temp.id('response:' || g || ':' || code || ':' || occasion), pg_temp.id('case:' || g),
          pg_temp.id('person:' || pg), code, 1, occasion, completed_on,
          CASE code
            WHEN 'SWEMWBS' THEN jsonb_build_object(
              'optimistic', (a1 / 7 + CASE WHEN a1 % 7 > 0 THEN 1 ELSE 0 END)::text,
              'useful', (a1 / 7 + CASE WHEN a1 % 7 > 1 THEN 1 ELSE 0 END)::text,
              'relaxed', (a1 / 7 + CASE WHEN a1 % 7 > 2 THEN 1 ELSE 0 END)::text,
              'dealing_with_problems', (a1 / 7 + CASE WHEN a1 % 7 > 3 THEN 1 ELSE 0 END)::text,
              'thinking_clearly', (a1 / 7 + CASE WHEN a1 % 7 > 4 THEN 1 ELSE 0 END)::text,
              'close_to_others', (a1 / 7 + CASE WHEN a1 % 7 > 5 THEN 1 ELSE 0 END)::text,
              'own_mind', (a1 / 7)::text)
            WHEN 'ONS4' THEN jsonb_build_object('life_satisfaction', a1::text, 'worthwhile', a2::text,
              'happiness', a3::text, 'anxiety', a4::text)
            ELSE jsonb_build_object(
              'lack_companionship', (a1 / 3 + CASE WHEN a1 % 3 > 0 THEN 1 ELSE 0 END)::text,
              'left_out', (a1 / 3 + CASE WHEN a1 % 3 > 1 THEN 1 ELSE 0 END)::text,
              'isolated', (a1 / 3)::text,
              'how_often_lonely', CASE WHEN a1 >= 8 THEN 'OFTEN_OR_ALWAYS' WHEN a1 >= 6 THEN 'SOME_OF_THE_TIME'
                                       WHEN a1 >= 4 THEN 'OCCASIONALLY' ELSE 'HARDLY_EVER' END)
          END,
          CASE code
            WHEN 'SWEMWBS' THEN jsonb_build_array(
              jsonb_build_object('code', 'raw', 'label', 'Raw score', 'value', a1, 'band', NULL),
              jsonb_build_object('code', 'metric', 'label', 'Metric score', 'value',
                (ARRAY[7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43,
                       17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02,
                       27.03, 28.13, 29.31, 30.70, 32.55, 35.00])[a1 - 6], 'band', NULL))
            WHEN 'ONS4' THEN jsonb_build_array(
              jsonb_build_object('code', 'life_satisfaction', 'label', 'Life satisfaction', 'value', a1,
                'band', CASE WHEN a1 <= 4 THEN 'Low' WHEN a1 <= 6 THEN 'Medium' WHEN a1 <= 8 THEN 'High' ELSE 'Very high' END),
              jsonb_build_object('code', 'worthwhile', 'label', 'Worthwhile', 'value', a2,
                'band', CASE WHEN a2 <= 4 THEN 'Low' WHEN a2 <= 6 THEN 'Medium' WHEN a2 <= 8 THEN 'High' ELSE 'Very high' END),
              jsonb_build_object('code', 'happiness', 'label', 'Happiness', 'value', a3,
                'band', CASE WHEN a3 <= 4 THEN 'Low' WHEN a3 <= 6 THEN 'Medium' WHEN a3 <= 8 THEN 'High' ELSE 'Very high' END),
              jsonb_build_object('code', 'anxiety', 'label', 'Anxiety', 'value', a4,
                'band', CASE WHEN a4 <= 1 THEN 'Very low' WHEN a4 <= 3 THEN 'Low' WHEN a4 <= 5 THEN 'Medium' ELSE 'High' END))
            ELSE jsonb_build_array(
              jsonb_build_object('code', 'ucla', 'label', 'UCLA loneliness score', 'value', a1,
                'band', CASE WHEN a1 <= 5 THEN 'Not often lonely' ELSE 'Lonely' END))
          END,
          CASE WHEN self THEN 'SELF' ELSE 'WITH_LINK_WORKER' END,
          CASE WHEN NOT self THEN lw END,
          completed_on + time '10:30' + interval '1 minute' * floor(300 * pg_temp.u(g, 90))
        FROM (
          SELECT q.*,
            CASE code
              WHEN 'SWEMWBS' THEN greatest(7, least(35, round(19 + 4 * zb + m * (3 + 3 * zd))))::int
              WHEN 'ONS4' THEN greatest(0, least(10, round(5 + 2 * zb + m * (1.5 + 1.5 * zd))))::int
              ELSE greatest(3, least(9, round(7 + 1.3 * zb - m * (1.2 + zd))))::int END AS a1,
            greatest(0, least(10, round(5.6 + 2 * zb + m * (1.2 + 1.5 * zd) + pg_temp.z(g, 91))))::int AS a2,
            greatest(0, least(10, round(5 + 2 * zb + m * (1.5 + 1.5 * zd) + pg_temp.z(g, 92))))::int AS a3,
            greatest(0, least(10, round(5.5 - 2 * zb - m * (1.5 + 1.5 * zd) + pg_temp.z(g, 93))))::int AS a4
          FROM (
            SELECT f.org, f.g, f.pg, pg_temp.id('lw:' || f.p || ':' || f.w) AS lw, i.code, o.occasion,
              CASE o.occasion
                WHEN 'BASELINE' THEN (f.first_contact_at AT TIME ZONE 'Europe/London')::date
                WHEN 'REVIEW' THEN ((f.first_contact_at + (coalesce(f.closed_at, now()) - f.first_contact_at) / 2)
                                    AT TIME ZONE 'Europe/London')::date
                WHEN 'DISCHARGE' THEN (f.closed_at AT TIME ZONE 'Europe/London')::date
                ELSE (f.closed_at AT TIME ZONE 'Europe/London')::date + 91 END AS completed_on,
              o.m, pg_temp.z(f.g, 94 + i.k) AS zb, pg_temp.z(f.g, 98 + i.k) + 0.3 * pg_temp.z(f.g * 10 + o.k, 99) AS zd,
              pg_temp.u(f.g * 10 + o.k, 100) < 0.15 AS self
            FROM bench_ref f
            CROSS JOIN (VALUES ('SWEMWBS', 0), ('ONS4', 1), ('LONELINESS', 2)) i(code, k)
            CROSS JOIN (VALUES ('BASELINE', 0, 0.0), ('REVIEW', 1, 0.5), ('DISCHARGE', 2, 1.0),
                               ('FOLLOW_UP', 3, 0.8)) o(occasion, k, m)
            WHERE f.first_contact_at IS NOT NULL
              AND CASE i.code
                    WHEN 'SWEMWBS' THEN pg_temp.u(f.g, 101) < 0.85
                    WHEN 'ONS4' THEN pg_temp.u(f.g, 102) < 0.60
                    ELSE pg_temp.u(f.g, 103) < CASE WHEN 'LONELINESS' = ANY(f.needs) THEN 0.7 ELSE 0.1 END END
              AND CASE o.occasion
                    WHEN 'BASELINE' THEN true
                    WHEN 'REVIEW' THEN pg_temp.u(f.g, 104) < 0.3
                      AND coalesce(f.closed_at, now()) - f.first_contact_at > interval '60 days'
                    WHEN 'DISCHARGE' THEN f.closed_at IS NOT NULL AND pg_temp.u(f.g, 105) < 0.6
                    ELSE f.closed_at IS NOT NULL AND f.closed_at + interval '91 days' < now()
                      AND pg_temp.u(f.g, 105) < 0.6 AND pg_temp.u(f.g, 106) < 0.45 END) q) r
        """);
  }
}
