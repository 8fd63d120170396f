package org.waymark.followup;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.person.Sex;
import org.waymark.support.BenchmarkApplication;
import org.waymark.support.WebSession;

/**
 * Times the follow-up lists of a large service: the whole application in-process on a random port,
 * with its own embedded PostgreSQL in a fresh temporary folder and no demo data. One PCN of 10 link
 * workers has {@code -Dpeople} people (default 10,000), registered through the person module, each
 * with two follow-ups (9 to 12 months after referral, 3 months after closure) counted from days
 * spread over the last 15 months, so that some are due, overdue, missed, upcoming or done; {@code
 * -Dothers} more follow-ups (default 190,000) belong to 19 other services. Follow-ups are written
 * with one {@code INSERT ... SELECT} straight into the {@code follow_up} table.
 *
 * <p>Prints p50, p95 and max over HTTP of the due and overdue lists of a link worker and of the
 * service's manager (and the missed list), beside the execution times ({@code EXPLAIN ANALYZE}) of
 * the list and count statements, and the plan of each.
 *
 * <p>Not a test: run it with {@code scripts/benchmark-followups.sh}.
 */
public final class FollowUpsBenchmark {

  private static final String PASSWORD = "a-long-benchmark-password-for-waymark";
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private FollowUpsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int people = Integer.getInteger("people", 10_000);
    int others = Integer.getInteger("others", 190_000);
    int runs = Integer.getInteger("runs", 100);
    int warmUp = Integer.getInteger("warmUp", 30);
    BenchmarkApplication.run(
        "followups", (app, port) -> run(app, port, people, others, runs, warmUp));
  }

  private static void run(
      ConfigurableApplicationContext app, int port, int people, int others, int runs, int warmUp) {
    IdentityManagement identity = app.getBean(IdentityManagement.class);
    PersonManagement persons = app.getBean(PersonManagement.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);

    long t = System.nanoTime();
    Organisation pcn =
        identity.createOrganisation(
            OrganisationType.PCN, "Benchmark Valley PCN", "U99002", null, "LS1 4AP");
    List<UUID> workers = new ArrayList<>();
    UserAccount linkWorker =
        account(identity, "linkworker@benchmark.waymark.test", pcn.id(), Role.LINK_WORKER);
    workers.add(linkWorker.id());
    for (int i = 1; i < 10; i++) {
      workers.add(
          account(identity, "lw" + i + "@benchmark.waymark.test", pcn.id(), Role.LINK_WORKER).id());
    }
    account(identity, "manager@benchmark.waymark.test", pcn.id(), Role.SERVICE_MANAGER);
    List<UUID> ids = new ArrayList<>(people);
    for (int i = 0; i < people; i++) {
      ids.add(
          persons
              .registerBySystem(
                  pcn.id(),
                  PersonDetails.builder()
                      .name("Person" + i, "Benchmark")
                      .dateOfBirth(LocalDate.of(1940 + i % 60, 1 + i % 12, 1 + i % 28))
                      .sex(i % 2 == 0 ? Sex.FEMALE : Sex.MALE)
                      .build(),
                  "benchmark")
              .id());
    }
    System.out.printf(
        Locale.UK,
        "A PCN, 11 accounts and %d people made in %.1f s%n",
        people,
        (System.nanoTime() - t) / 1e9);

    t = System.nanoTime();
    generate(jdbc, pcn.id(), ids, workers, others);
    jdbc.sql("VACUUM ANALYZE follow_up").update();
    LocalDate today = LocalDate.now(LONDON);
    Map<String, Object> counts =
        jdbc.sql(
                """
                SELECT count(*) AS total,
                  count(*) FILTER (WHERE organisation_id = :pcn) AS service,
                  count(*) FILTER (WHERE organisation_id = :pcn AND status = 'OPEN'
                    AND opens_on <= :today AND target_on >= :today) AS due,
                  count(*) FILTER (WHERE organisation_id = :pcn AND status = 'OPEN'
                    AND target_on < :today AND closes_on >= :today) AS overdue,
                  count(*) FILTER (WHERE organisation_id = :pcn AND status = 'OPEN'
                    AND closes_on < :today) AS missed,
                  count(*) FILTER (WHERE organisation_id = :pcn AND link_worker_id = :lw
                    AND status = 'OPEN' AND opens_on <= :today AND target_on >= :today) AS lw_due
                FROM follow_up
                """)
            .param("pcn", pcn.id())
            .param("lw", linkWorker.id())
            .param("today", java.sql.Date.valueOf(today))
            .query()
            .singleRow();
    System.out.printf(
        Locale.UK,
        "%s follow-ups written and analysed in %.1f s; the service has %s (%s due, %s overdue,"
            + " %s missed); the link worker has %s due%n%n",
        counts.get("total"),
        (System.nanoTime() - t) / 1e9,
        counts.get("service"),
        counts.get("due"),
        counts.get("overdue"),
        counts.get("missed"),
        counts.get("lw_due"));

    WebSession worker = signIn(port, "linkworker@benchmark.waymark.test");
    WebSession manager = signIn(port, "manager@benchmark.waymark.test");

    Map<String, Object> service =
        Map.of(
            "org",
            pcn.id(),
            "today",
            java.sql.Date.valueOf(today),
            "until",
            java.sql.Date.valueOf(today.plusDays(28)));
    Map<String, Object> own = new LinkedHashMap<>(service);
    own.put("worker", linkWorker.id());
    String byWorker = " AND link_worker_id = :worker";
    Map<String, Row> rows = new LinkedHashMap<>();
    rows.put(
        "/follow-ups (link worker, due)",
        new Row(worker, "/follow-ups?show=due", LIST.formatted(byWorker, DUE), own));
    rows.put(
        "/follow-ups (link worker, overdue)",
        new Row(worker, "/follow-ups?show=overdue", LIST.formatted(byWorker, OVERDUE), own));
    rows.put(
        "/follow-ups (manager, due)",
        new Row(manager, "/follow-ups?show=due", LIST.formatted("", DUE), service));
    rows.put(
        "/follow-ups (manager, overdue)",
        new Row(manager, "/follow-ups?show=overdue", LIST.formatted("", OVERDUE), service));
    rows.put(
        "/follow-ups (manager, missed)",
        new Row(manager, "/follow-ups?show=missed", LIST.formatted("", MISSED), service));
    rows.put(
        "/follow-ups (manager, overdue, page 5)",
        new Row(
            manager,
            "/follow-ups?show=overdue&page=4",
            LIST.formatted("", OVERDUE).replace("OFFSET 0", "OFFSET 100"),
            service));
    rows.put("counts (link worker)", new Row(null, null, COUNTS.formatted(byWorker), own));
    rows.put("counts (manager)", new Row(null, null, COUNTS.formatted(""), service));

    System.out.println("Plans (EXPLAIN ANALYZE, BUFFERS):");
    rows.forEach(
        (name, row) -> {
          System.out.println("-- " + name);
          jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + row.sql())
              .params(row.params())
              .query(String.class)
              .list()
              .forEach(line -> System.out.println("   " + line));
        });
    System.out.println();

    System.out.printf(
        Locale.UK,
        "%-40s %8s %8s %8s | %8s %8s  (ms; %d runs after %d warm-up)%n",
        "page",
        "p50",
        "p95",
        "max",
        "SQL p50",
        "SQL p95",
        runs,
        warmUp);
    rows.forEach(
        (name, row) -> {
          Sample page = new Sample();
          Sample sql = new Sample();
          for (int i = -warmUp; i < runs; i++) {
            if (row.session() != null) {
              long start = System.nanoTime();
              WebSession.Page p = row.session().get(row.path());
              double ms = (System.nanoTime() - start) / 1e6;
              if (p.status() != 200) {
                throw new IllegalStateException(row.path() + " answered " + p.status());
              }
              if (i >= 0) {
                page.add(ms);
              }
            }
            if (i >= 0) {
              sql.add(explain(jdbc, row.sql(), row.params()));
            }
          }
          System.out.printf(
              Locale.UK,
              "%-40s %8.1f %8.1f %8.1f | %8.2f %8.2f%n",
              name,
              page.pct(50),
              page.pct(95),
              page.max(),
              sql.pct(50),
              sql.pct(95));
        });
  }

  private static final String DUE =
      "status = 'OPEN' AND opens_on <= :today AND target_on >= :today";
  private static final String OVERDUE =
      "status = 'OPEN' AND target_on < :today AND closes_on >= :today";
  private static final String MISSED = "status = 'OPEN' AND closes_on < :today";

  /** The list statement of {@code FollowUpStore.page}, first page. */
  private static final String LIST =
      """
      SELECT organisation_id, id, case_id, person_id, link_worker_id, name, counts_from,
        counted_from, opens_on, target_on, closes_on, status, attempts, last_attempt_at, ended_at,
        version
      FROM follow_up WHERE organisation_id = :org%s AND %s
      ORDER BY target_on, id LIMIT 25 OFFSET 0
      """;

  /** The counts statement of {@code FollowUpStore.counts}. */
  private static final String COUNTS =
      """
      SELECT count(*) FILTER (WHERE status = 'OPEN' AND opens_on > :today AND opens_on <= :until),
        count(*) FILTER (WHERE status = 'OPEN' AND opens_on <= :today AND target_on >= :today),
        count(*) FILTER (WHERE status = 'OPEN' AND target_on < :today AND closes_on >= :today),
        count(*) FILTER (WHERE status = 'OPEN' AND closes_on < :today),
        count(*) FILTER (WHERE status <> 'OPEN')
      FROM follow_up WHERE organisation_id = :org%s
      """;

  /** A page to time (session null: the statement only) and the statement behind it. */
  record Row(WebSession session, String path, String sql, Map<String, ?> params) {}

  /**
   * Two follow-ups per person of the service, counted from a day in the last 15 months (the closure
   * 3 months after the referral), a quarter of the past ones done; then {@code others} more spread
   * over 19 other services.
   */
  private static void generate(
      JdbcClient jdbc, UUID pcn, List<UUID> people, List<UUID> workers, int others) {
    String insert =
        """
        INSERT INTO follow_up (organisation_id, id, case_id, person_id, link_worker_id, name,
          counts_from, counted_from, opens_on, target_on, closes_on, status, ended_at, created_at,
          version)
        SELECT org, gen_random_uuid(), case_id, person_id, worker, name, counts_from, base,
          base + make_interval(months => o), base + make_interval(months => tg),
          base + make_interval(months => c),
          CASE WHEN base + make_interval(months => tg) < current_date
                 AND (hashint4(g) & 2147483647) %% 4 = 0 THEN 'COMPLETED' ELSE 'OPEN' END,
          CASE WHEN base + make_interval(months => tg) < current_date
                 AND (hashint4(g) & 2147483647) %% 4 = 0 THEN now() END,
          now(), 0
        FROM (
          SELECT g, org, case_id, person_id, worker, point.*,
            (current_date - ((g * 7919) %% 456)::int + point.shift)::date AS base
          FROM (%s) k,
          LATERAL (VALUES
            ('9 to 12 months after referral', 'REFERRAL', 9, 10, 12, 0),
            ('3 months after closure', 'CLOSURE', 3, 3, 4, 91)) AS point(name, counts_from, o, tg, c, shift)
        ) q
        """;
    jdbc.sql(
            insert.formatted(
                """
                SELECT u.g::int AS g, CAST(:pcn AS uuid) AS org, md5('case' || u.g)::uuid AS case_id,
                  u.person_id, w.worker
                FROM unnest(CAST(:people AS uuid[])) WITH ORDINALITY AS u(person_id, g)
                JOIN unnest(CAST(:workers AS uuid[])) WITH ORDINALITY AS w(worker, i)
                  ON w.i = 1 + u.g % 10
                """))
        .param("pcn", pcn)
        .param("people", array(people))
        .param("workers", array(workers))
        .update();
    jdbc.sql(
            insert.formatted(
                """
                SELECT g, md5('pcn' || g % 19)::uuid AS org, md5('other-case' || g)::uuid AS case_id,
                  md5('other-person' || g)::uuid AS person_id,
                  md5('other-lw' || g % 190)::uuid AS worker
                FROM generate_series(1, :n) g
                """))
        .param("n", others / 2)
        .update();
  }

  /** A PostgreSQL array literal, so the driver passes it as one value. */
  private static String array(List<UUID> ids) {
    return ids.stream()
        .map(UUID::toString)
        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
  }

  private static UserAccount account(
      IdentityManagement identity, String email, UUID organisationId, Role role) {
    UserAccount u = identity.createUser(email, email.substring(0, email.indexOf('@')), PASSWORD);
    identity.addMembership(u.id(), organisationId, role);
    return u;
  }

  private static WebSession signIn(int port, String email) {
    WebSession s = new WebSession(port);
    WebSession.Page answer = s.signIn(email, PASSWORD);
    if (answer.status() != 302
        || answer.location() == null
        || answer.location().contains("/login")) {
      throw new IllegalStateException("Sign-in failed for " + email + ": " + answer.status());
    }
    return s;
  }

  private static final Pattern EXECUTION_TIME =
      Pattern.compile("\"Execution Time\"\\s*:\\s*([0-9.]+)");

  /** The execution time PostgreSQL reports for the statement, in ms. */
  private static double explain(JdbcClient jdbc, String sql, Map<String, ?> params) {
    String plan =
        String.join(
            "\n",
            jdbc.sql("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql)
                .params(params)
                .query(String.class)
                .list());
    Matcher m = EXECUTION_TIME.matcher(plan);
    if (!m.find()) {
      throw new IllegalStateException("No execution time in " + plan);
    }
    return Double.parseDouble(m.group(1));
  }

  /** Timings in ms. */
  private static final class Sample {
    private double[] values = new double[64];
    private int size;

    void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    double pct(int p) {
      if (size == 0) {
        return Double.NaN;
      }
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return sorted[Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1)];
    }

    double max() {
      return pct(100);
    }
  }
}
