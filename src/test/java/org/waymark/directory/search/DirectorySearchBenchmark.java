package org.waymark.directory.search;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.waymark.directory.DistanceUnit;
import org.waymark.directory.ServiceSearch;
import org.waymark.directory.internal.oruk.OpenReferralQueries;
import org.waymark.directory.internal.oruk.PageRequest;
import org.waymark.directory.internal.oruk.ServiceFilter;
import org.waymark.directory.internal.search.DirectorySearchService;
import org.waymark.directory.internal.search.SearchSqlBuilder;
import org.waymark.shared.NeedDomain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times directory searches over a large synthetic directory: a fresh embedded PostgreSQL, N
 * services (default 100,000; {@code -Dservices=1000000}) with realistic names, descriptions, needs,
 * locations in towns across England and weekly schedules, written with COPY. Prints p50 and p95 of
 * the whole search call and, beside it, of the bare SQL (EXPLAIN ANALYZE execution time).
 *
 * <p>Also times the Open Referral UK {@code /services} list (first and middle page, default page
 * size) through {@link OpenReferralQueries}, beside the execution time of the statements it runs.
 *
 * <p>Not a test: run it with {@code scripts/benchmark-directory.sh}. The goals at 100,000 services
 * on 2 cores are text search p95 ≤ 25 ms, need and distance search p95 ≤ 10 ms and one ORUK page
 * p95 ≤ 50 ms.
 */
public final class DirectorySearchBenchmark {

  private static final String[] ACTIVITIES = {
    "walking group",
    "befriending service",
    "lunch club",
    "debt advice",
    "benefits advice",
    "men's shed",
    "knit and natter",
    "community garden",
    "allotment project",
    "chair exercise",
    "dementia cafe",
    "carers support group",
    "bereavement support",
    "housing advice",
    "food bank",
    "digital skills drop-in",
    "job club",
    "volunteering hub",
    "mental health peer support",
    "tai chi class",
    "art club",
    "singing for the brain",
    "swimming sessions",
    "cooking on a budget",
    "citizens advice clinic",
    "legal advice surgery",
    "community transport",
    "parent and toddler group",
    "youth club",
    "book club",
    "repair cafe",
    "warm space",
    "recovery cafe",
    "veterans breakfast club"
  };
  private static final String[] PLACES = {
    "Riverside", "Northfield", "Oakwood", "Hillside", "Meadow", "Castle", "Market", "Abbey",
    "Springfield", "Westgate", "Eastbrook", "Greenhill", "Parkside", "Moorland", "Valley",
        "Harbour",
    "St Mary's", "Victoria", "Albert", "Kingsway"
  };
  private static final String[] SENTENCES = {
    "A friendly group that meets every week in the community centre.",
    "Volunteers offer a warm welcome, tea and a chat.",
    "We help people who feel lonely or isolated to make new friends.",
    "Free, confidential advice on debts, budgeting and benefits.",
    "Gentle exercise suitable for all abilities, including seated activities.",
    "Support for unpaid carers looking after a family member or friend.",
    "Learn to use a smartphone, tablet or computer with patient helpers.",
    "Grow fruit and vegetables together and enjoy time outdoors.",
    "A safe space to talk after the death of someone close.",
    "Help to find and keep a home, and to deal with landlords.",
    "Hot meals at low cost, and food parcels for those in need.",
    "Trained peer supporters who have lived experience of mental ill health.",
    "Transport to appointments, shops and social activities for people who cannot drive.",
    "Drop in without an appointment; referrals from link workers are welcome.",
    "Accessible venue with step-free access and a hearing loop.",
    "Sessions are run in partnership with the local council and the NHS."
  };

  /** Town centres across England, spread so that distance searches see realistic densities. */
  private static final double[][] TOWNS = {
    {53.800, -1.549}, {53.483, -2.244}, {52.486, -1.890}, {51.507, -0.128}, {53.408, -2.991},
    {54.978, -1.618}, {53.381, -1.470}, {52.954, -1.158}, {51.455, -2.588}, {52.629, 1.299},
    {50.721, -1.880}, {50.376, -4.143}, {52.406, -1.512}, {53.745, -0.336}, {54.574, -1.235},
    {52.637, -1.139}, {51.752, -1.258}, {52.205, 0.119}, {50.822, -0.137}, {53.957, -1.082},
    {53.647, -1.782}, {53.727, -1.864}, {53.990, -1.540}, {53.230, -0.540}, {52.040, -0.760},
    {51.270, 1.080}, {50.910, -1.404}, {51.380, -2.360}, {52.590, -2.130}, {54.890, -2.940}
  };

  private DirectorySearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    int services = Integer.getInteger("services", 100_000);
    int runs = Integer.getInteger("runs", 300);
    String external = System.getProperty("database.url");
    if (external != null) {
      // An existing, empty database (for example Debian's PostgreSQL); it is left filled
      // afterwards.
      var ds = new org.springframework.jdbc.datasource.DriverManagerDataSource(external);
      run(ds, external, services, runs);
      return;
    }
    Path dir = Files.createTempDirectory("waymark-directory-benchmark-");
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dir)
            .setCleanDataDirectory(true)
            .setRegisterShutdownHook(false)
            .setServerConfig("shared_buffers", "256MB")
            .setServerConfig("work_mem", "16MB")
            .start()) {
      run(pg.getPostgresDatabase(), pg.getJdbcUrl("postgres", "postgres"), services, runs);
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void run(javax.sql.DataSource admin, String url, int services, int runs)
      throws Exception {
    Flyway.configure()
        .dataSource(admin)
        .locations("classpath:db/migration/directory")
        .table("flyway_history_directory")
        .load()
        .migrate();
    long started = System.nanoTime();
    List<String> postcodes;
    try (Connection c = admin.getConnection()) {
      postcodes = generate(c, services, new Random(20261127));
      c.createStatement().execute("VACUUM ANALYZE");
    }
    System.out.printf(
        Locale.UK,
        "%,d services generated and analysed in %.1f s%n",
        services,
        (System.nanoTime() - started) / 1e9);

    SingleConnectionDataSource ds = new SingleConnectionDataSource(url, true);
    ds.setAutoCommit(true);
    JdbcClient jdbc = JdbcClient.create(ds);
    DirectorySearchService search =
        new DirectorySearchService(jdbc, new DataSourceTransactionManager(ds), Optional.empty());
    Random r = new Random(7);
    NeedDomain[] needs = NeedDomain.values();

    measure(
        "text search",
        25,
        runs,
        search,
        jdbc,
        i -> ServiceSearch.everything().withText(textQuery(r)));
    measure(
        "need + distance search",
        10,
        runs,
        search,
        jdbc,
        i ->
            ServiceSearch.everything()
                .withNeeds(Set.of(needs[r.nextInt(needs.length - 1)]))
                .near(postcodes.get(r.nextInt(postcodes.size())), 5.0, DistanceUnit.MILES));
    measure(
        "text + need + distance + open now",
        null,
        runs,
        search,
        jdbc,
        i ->
            ServiceSearch.everything()
                .withText(textQuery(r))
                .withNeeds(Set.of(needs[r.nextInt(needs.length - 1)]))
                .near(postcodes.get(r.nextInt(postcodes.size())), 10.0, DistanceUnit.MILES)
                .openNow(true));
    OpenReferralQueries oruk = new OpenReferralQueries(jdbc, JsonMapper.builder().build());
    ServiceFilter none =
        new ServiceFilter(null, null, null, null, null, null, null, null, null, null, null);
    int middle = Math.max(1, services / PageRequest.DEFAULT_PER_PAGE / 2);
    measureOruk("ORUK /services first page", 50, runs, oruk, jdbc, none, 1);
    measureOruk("ORUK /services page " + middle, 50, runs, oruk, jdbc, none, middle);
    ds.destroy();
  }

  /** A query a link worker might type: one or two words, one in ten misspelt. */
  private static String textQuery(Random r) {
    String activity = ACTIVITIES[r.nextInt(ACTIVITIES.length)];
    String[] words = activity.split(" ");
    String q = r.nextBoolean() ? words[0] : activity;
    if (r.nextInt(10) == 0 && q.length() > 5) {
      int i = 1 + r.nextInt(q.length() - 3);
      q = q.substring(0, i) + q.charAt(i + 1) + q.charAt(i) + q.substring(i + 2);
    }
    return q;
  }

  private static void measure(
      String name,
      Integer goalMs,
      int runs,
      DirectorySearchService search,
      JdbcClient jdbc,
      IntFunction<ServiceSearch> queries) {
    for (int i = 0; i < Math.min(50, runs); i++) {
      search.search(queries.apply(i)); // warm the caches and the JIT
    }
    double[] call = new double[runs];
    double[] sql = new double[runs];
    long found = 0;
    for (int i = 0; i < runs; i++) {
      ServiceSearch q = queries.apply(i);
      long t = System.nanoTime();
      found += search.search(q).total();
      call[i] = (System.nanoTime() - t) / 1e6;
      sql[i] = executionTime(jdbc, search.statementFor(q));
    }
    report(name, goalMs, call, sql, found / runs, "matches");
  }

  /** One page of the ORUK services list, as the API's controller asks for it. */
  private static void measureOruk(
      String name,
      int goalMs,
      int runs,
      OpenReferralQueries oruk,
      JdbcClient jdbc,
      ServiceFilter filter,
      int pageNumber) {
    PageRequest page = new PageRequest(pageNumber, PageRequest.DEFAULT_PER_PAGE);
    for (int i = 0; i < Math.min(50, runs); i++) {
      oruk.services(filter, page);
    }
    double[] call = new double[runs];
    double[] sql = new double[runs];
    long items = 0;
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      items += ((Number) oruk.services(filter, page).get("total_items")).longValue();
      call[i] = (System.nanoTime() - t) / 1e6;
      for (OpenReferralQueries.Sql s : oruk.servicesStatements(filter, page)) {
        sql[i] += executionTime(jdbc, s.sql(), s.params());
      }
    }
    report(name, goalMs, call, sql, items / runs, "items");
  }

  private static void report(
      String name, Integer goalMs, double[] call, double[] sql, long found, String what) {
    Arrays.sort(call);
    Arrays.sort(sql);
    System.out.printf(
        Locale.UK,
        "%-36s call p50 %6.2f ms  p95 %6.2f ms | SQL p50 %6.2f ms  p95 %6.2f ms | %,d %s"
            + " on average%s%n",
        name,
        pct(call, 50),
        pct(call, 95),
        pct(sql, 50),
        pct(sql, 95),
        found,
        what,
        goalMs == null
            ? ""
            : " | goal p95 ≤ " + goalMs + " ms: " + (pct(call, 95) <= goalMs ? "met" : "NOT MET"));
  }

  private static double executionTime(JdbcClient jdbc, SearchSqlBuilder.Statement s) {
    return executionTime(jdbc, s.sql(), s.params());
  }

  private static double executionTime(
      JdbcClient jdbc, String sql, java.util.Map<String, Object> params) {
    jdbc.sql("SET pg_trgm.word_similarity_threshold = 0.5").update();
    String plan =
        String.join(
            "\n",
            jdbc.sql("EXPLAIN (ANALYZE, TIMING OFF) " + sql)
                .params(params)
                .query(String.class)
                .list());
    int at = plan.indexOf("Execution Time: ");
    return Double.parseDouble(plan.substring(at + 16, plan.indexOf(" ms", at)));
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** Writes the directory with COPY; returns the postcodes loaded, to search from. */
  private static List<String> generate(Connection c, int n, Random r)
      throws SQLException, IOException {
    var copy = c.unwrap(PGConnection.class).getCopyAPI();
    UUID holder = UUID.randomUUID();
    int orgCount = Math.max(1, n / 20);
    UUID[] orgs = new UUID[orgCount];
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < orgCount; i++) {
      orgs[i] = UUID.randomUUID();
      b.append(holder)
          .append('\t')
          .append(orgs[i])
          .append('\t')
          .append(PLACES[r.nextInt(PLACES.length)])
          .append(" Community Trust ")
          .append(i)
          .append("\tbenchmark\t")
          .append(i)
          .append('\n');
    }
    copy.copyIn(
        "COPY directory_organization (organisation_id, id, name, source, source_id) FROM STDIN",
        new StringReader(b.toString()));

    List<String> postcodes = new ArrayList<>();
    b.setLength(0);
    for (int i = 0; i < 5000; i++) {
      double[] town = TOWNS[r.nextInt(TOWNS.length)];
      String pc =
          String.format(
              Locale.ROOT,
              "B%c%d %d%c%c",
              (char) ('A' + i % 26),
              i / 26 % 100,
              i % 10,
              (char) ('A' + i / 10 % 26),
              (char) ('A' + i / 260 % 26));
      if (postcodes.contains(pc)) {
        continue;
      }
      postcodes.add(pc);
      b.append(pc)
          .append('\t')
          .append(town[0] + r.nextGaussian() * 0.06)
          .append('\t')
          .append(town[1] + r.nextGaussian() * 0.09)
          .append('\n');
    }
    copy.copyIn(
        "COPY postcode_location (postcode, latitude, longitude) FROM STDIN",
        new StringReader(b.toString()));

    String[] days = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    NeedDomain[] needs = NeedDomain.values();
    int batch = 20_000;
    for (int start = 0; start < n; start += batch) {
      StringBuilder svc = new StringBuilder();
      StringBuilder need = new StringBuilder();
      StringBuilder loc = new StringBuilder();
      StringBuilder sal = new StringBuilder();
      StringBuilder sch = new StringBuilder();
      for (int i = start; i < Math.min(n, start + batch); i++) {
        UUID id = UUID.randomUUID();
        String activity = ACTIVITIES[r.nextInt(ACTIVITIES.length)];
        String name = PLACES[r.nextInt(PLACES.length)] + " " + activity;
        StringBuilder description = new StringBuilder();
        for (int s = 0, k = 2 + r.nextInt(4); s < k; s++) {
          description.append(SENTENCES[r.nextInt(SENTENCES.length)]).append(' ');
        }
        Integer min =
            r.nextInt(4) == 0
                ? Integer.valueOf(18)
                : r.nextInt(10) == 0 ? Integer.valueOf(50) : null;
        Integer max = r.nextInt(20) == 0 ? 25 : null;
        if (min != null && max != null && min > max) {
          max = null;
        }
        String accepting = r.nextInt(10) == 0 ? "PAUSED" : r.nextInt(20) == 0 ? "NO" : "YES";
        svc.append(holder)
            .append('\t')
            .append(id)
            .append('\t')
            .append(orgs[r.nextInt(orgCount)])
            .append('\t')
            .append(name)
            .append('\t')
            .append(description.toString().strip())
            .append('\t')
            .append(min == null ? "\\N" : min)
            .append('\t')
            .append(max == null ? "\\N" : max)
            .append('\t')
            .append(r.nextInt(3) > 0)
            .append('\t')
            .append(accepting)
            .append('\t')
            .append(activity)
            .append("\tbenchmark\t")
            .append(id)
            .append('\n');
        int needCount = 1 + r.nextInt(3);
        List<NeedDomain> chosen = new ArrayList<>();
        while (chosen.size() < needCount) {
          NeedDomain d = needs[r.nextInt(needs.length - 1)];
          if (!chosen.contains(d)) {
            chosen.add(d);
            need.append(holder)
                .append('\t')
                .append(id)
                .append('\t')
                .append(d.name())
                .append('\t')
                .append(r.nextInt(4) == 0 ? "SUGGESTED" : "CONFIRMED")
                .append('\n');
          }
        }
        if (r.nextInt(20) > 0) {
          UUID location = UUID.randomUUID();
          double[] town = TOWNS[r.nextInt(TOWNS.length)];
          loc.append(holder)
              .append('\t')
              .append(location)
              .append('\t')
              .append(town[0] + r.nextGaussian() * 0.08)
              .append('\t')
              .append(town[1] + r.nextGaussian() * 0.12)
              .append("\tbenchmark\t")
              .append(location)
              .append('\n');
          sal.append(holder)
              .append('\t')
              .append(UUID.randomUUID())
              .append('\t')
              .append(id)
              .append('\t')
              .append(location)
              .append('\n');
        }
        int opens = 8 + r.nextInt(10);
        sch.append(holder)
            .append('\t')
            .append(UUID.randomUUID())
            .append('\t')
            .append(id)
            .append("\tWEEKLY\t")
            .append(days[r.nextInt(7)])
            .append(r.nextBoolean() ? "," + days[r.nextInt(7)] : "")
            .append('\t')
            .append(String.format(Locale.ROOT, "%02d:00\t%02d:00", opens, opens + 1 + r.nextInt(4)))
            .append('\n');
      }
      copy.copyIn(
          "COPY directory_service (organisation_id, id, directory_organization_id, name, description,"
              + " minimum_age, maximum_age, free_of_charge, accepting_referrals, taxonomy_text, source,"
              + " source_id) FROM STDIN",
          new StringReader(svc.toString()));
      copy.copyIn(
          "COPY directory_service_need (organisation_id, service_id, need, status) FROM STDIN",
          new StringReader(need.toString()));
      copy.copyIn(
          "COPY directory_location (organisation_id, id, latitude, longitude, source, source_id)"
              + " FROM STDIN",
          new StringReader(loc.toString()));
      copy.copyIn(
          "COPY directory_service_at_location (organisation_id, id, service_id, location_id)"
              + " FROM STDIN",
          new StringReader(sal.toString()));
      copy.copyIn(
          "COPY directory_schedule (organisation_id, id, service_id, freq, byday, opens_at, closes_at)"
              + " FROM STDIN",
          new StringReader(sch.toString()));
    }
    return postcodes;
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not remove " + dir + ": " + e.getMessage());
    }
  }
}
