package org.waymark.connection;

import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.waymark.support.BenchmarkApplication;
import org.waymark.support.WebSession;

/**
 * Times the connection lists over a large synthetic set of onward referrals: the whole application
 * in-process on a random port, with its own embedded PostgreSQL in a fresh temporary folder (never
 * a developer's {@code .waymark}) and no demo data. {@code -Dconnections} (default 100,000)
 * referrals from 20 PCNs of 10 link workers each to about 200 VCS organisations with 3 services
 * each, one large organisation holding {@code -DlargeShare} of them (default 10,000), written with
 * one {@code INSERT ... SELECT} straight into the {@code connection} table.
 *
 * <p>Prints p50, p95 and max over HTTP of the large organisation's inbox (waiting, first page of
 * all, a later page of all, a page of closed ones), its service figures, the open connections of a
 * link worker and of their PCN's manager, beside the execution times ({@code EXPLAIN ANALYZE}) of
 * the list statements, and the plan of each.
 *
 * <p>Not a test: run it with {@code scripts/benchmark-connections.sh}.
 */
public final class ConnectionsBenchmark {

  private static final String PASSWORD = "a-long-benchmark-password-for-waymark";

  private ConnectionsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int connections = Integer.getInteger("connections", 100_000);
    int large = Integer.getInteger("largeShare", 10_000);
    int runs = Integer.getInteger("runs", 100);
    int warmUp = Integer.getInteger("warmUp", 30);

    BenchmarkApplication.run(
        "connections", (app, port) -> run(app, port, connections, large, runs, warmUp));
  }

  private static void run(
      ConfigurableApplicationContext app,
      int port,
      int connections,
      int large,
      int runs,
      int warmUp) {
    IdentityManagement identity = app.getBean(IdentityManagement.class);
    JdbcClient jdbc = app.getBean(JdbcClient.class);

    long t = System.nanoTime();
    Organisation pcn =
        identity.createOrganisation(
            OrganisationType.PCN, "Benchmark Valley PCN", "U99001", null, "LS1 4AP");
    Organisation vcs =
        identity.createOrganisation(
            OrganisationType.VCS, "Benchmark Befriending", null, null, "LS6 1AA");
    UserAccount linkWorker =
        account(identity, "linkworker@benchmark.waymark.test", pcn.id(), Role.LINK_WORKER);
    account(identity, "manager@benchmark.waymark.test", pcn.id(), Role.SERVICE_MANAGER);
    account(identity, "vcs@benchmark.waymark.test", vcs.id(), Role.VCS_COORDINATOR);
    System.out.printf(
        Locale.UK, "Organisations and 3 accounts made in %.1f s%n", (System.nanoTime() - t) / 1e9);

    t = System.nanoTime();
    generate(jdbc, connections, large, pcn.id(), linkWorker.id(), vcs.id());
    jdbc.sql("VACUUM ANALYZE connection").update();
    Map<String, Object> counts =
        jdbc.sql(
                """
                SELECT count(*) AS total,
                  count(*) FILTER (WHERE service_holder_id = :vcs) AS large,
                  count(*) FILTER (WHERE service_holder_id = :vcs AND status = 'REQUESTED') AS waiting,
                  count(DISTINCT service_holder_id) AS holders,
                  count(*) FILTER (WHERE requested_by = :lw
                    AND status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')) AS lw_open,
                  count(*) FILTER (WHERE organisation_id = :pcn
                    AND status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')) AS pcn_open
                FROM connection
                """)
            .param("vcs", vcs.id())
            .param("lw", linkWorker.id())
            .param("pcn", pcn.id())
            .query()
            .singleRow();
    System.out.printf(
        Locale.UK,
        "%s connections written and analysed in %.1f s: %s held by %s organisations; the large one"
            + " holds %s (%s waiting); the link worker has %s open, their PCN %s%n%n",
        counts.get("total"),
        (System.nanoTime() - t) / 1e9,
        counts.get("total"),
        counts.get("holders"),
        counts.get("large"),
        counts.get("waiting"),
        counts.get("lw_open"),
        counts.get("pcn_open"));

    WebSession coordinator = signIn(port, "vcs@benchmark.waymark.test");
    WebSession worker = signIn(port, "linkworker@benchmark.waymark.test");
    WebSession manager = signIn(port, "manager@benchmark.waymark.test");

    long allTotal = ((Number) counts.get("large")).longValue();
    int laterPage = (int) Math.max(0, allTotal / ServiceInbox.PAGE_SIZE / 2);
    Map<String, Object> holder = Map.of("holder", vcs.id());
    Map<String, Row> rows = new LinkedHashMap<>();
    rows.put(
        "/vcs/referrals (waiting, page 1)",
        new Row(
            coordinator,
            "/vcs/referrals?status=waiting",
            INBOX.formatted("c.status IN ('REQUESTED')", "c.answer_due_on, c.requested_at, c.id")
                + " LIMIT 25 OFFSET 0",
            holder));
    rows.put(
        "/vcs/referrals (all, page 1)",
        new Row(
            coordinator,
            "/vcs/referrals?status=all",
            INBOX.formatted("true", "c.requested_at DESC, c.id") + " LIMIT 25 OFFSET 0",
            holder));
    rows.put(
        "/vcs/referrals (all, page " + (laterPage + 1) + ")",
        new Row(
            coordinator,
            "/vcs/referrals?status=all&page=" + laterPage,
            INBOX.formatted("true", "c.requested_at DESC, c.id")
                + " LIMIT 25 OFFSET "
                + (laterPage * ServiceInbox.PAGE_SIZE),
            holder));
    rows.put(
        "/vcs/referrals (closed, page 100)",
        new Row(
            coordinator,
            "/vcs/referrals?status=closed&page=99",
            INBOX.formatted(
                    "c.status IN ('COMPLETED', 'FAILED', 'REJECTED', 'CANCELLED')",
                    "c.requested_at DESC, c.id")
                + " LIMIT 25 OFFSET 2475",
            holder));
    rows.put(
        "count for /vcs/referrals (all)",
        new Row(
            null,
            null,
            "SELECT count(*) FROM connection c WHERE c.service_holder_id = :holder",
            holder));
    rows.put(
        "/vcs/services (figures)",
        new Row(
            coordinator,
            "/vcs/services",
            """
            SELECT c.service_id, c.service_name, c.status, c.requested_at, c.answered_at,
              c.answer_due_on
            FROM connection c
            WHERE c.service_holder_id = :holder
              AND (c.status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')
                   OR c.requested_at >= now() - interval '90 days')
            """,
            holder));
    rows.put(
        "/connections (link worker)",
        new Row(
            worker,
            "/connections",
            OPEN.formatted(" AND c.requested_by = :worker"),
            Map.of("org", pcn.id(), "worker", linkWorker.id())));
    rows.put(
        "/connections (manager, all)",
        new Row(manager, "/connections", OPEN.formatted(""), Map.of("org", pcn.id())));

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
        "%-36s %8s %8s %8s | %8s %8s  (ms; %d runs after %d warm-up)%n",
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
              "%-36s %8.1f %8.1f %8.1f | %8.2f %8.2f%n",
              name,
              page.pct(50),
              page.pct(95),
              page.max(),
              sql.pct(50),
              sql.pct(95));
        });
  }

  /** The inbox statement of {@code InboxQueries}, with its states and order filled in. */
  private static final String INBOX =
      """
      SELECT c.organisation_id, c.id, c.case_id, c.requested_by, c.service_id, c.service_name,
        c.service_org_name, c.shared_name, c.status, c.status_reason, c.requested_at,
        c.answer_due_on
      FROM connection c WHERE c.service_holder_id = :holder AND %s ORDER BY %s
      """;

  /** The open connections statement of {@code InboxQueries}, first page. */
  private static final String OPEN =
      """
      SELECT c.organisation_id, c.id, c.case_id, c.requested_by, c.service_id, c.service_name,
        c.service_org_name, c.shared_name, c.status, c.status_reason, c.requested_at,
        c.answer_due_on
      FROM connection c WHERE c.organisation_id = :org
        AND c.status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')%s
      ORDER BY c.requested_at DESC, c.id LIMIT 25 OFFSET 0
      """;

  /** A page to time (session null: the statement only) and the statement behind it. */
  record Row(WebSession session, String path, String sql, Map<String, ?> params) {}

  /**
   * Writes the connections: the first {@code large} to the large organisation, the rest spread over
   * 199 others, each with 3 services; from 20 PCNs (the first the benchmark's) of 10 link workers
   * each (the first of the first PCN the benchmark's link worker). Open ones were sent in the last
   * 60 days, the rest over two years.
   */
  private static void generate(
      JdbcClient jdbc, int connections, int large, UUID pcn, UUID linkWorker, UUID vcs) {
    jdbc.sql(
            """
            INSERT INTO connection (organisation_id, id, case_id, referral_id, person_id,
              requested_by, service_id, service_holder_id, service_name, service_org_name, method,
              status, status_reason, shared_name, shared_contact, shared_needs,
              shared_need_labels, shared_consent, requested_at, answer_due_on, answered_at,
              first_session_on, sessions_attended, status_changed_at)
            SELECT
              CASE WHEN p = 0 THEN :pcn ELSE md5('pcn' || p)::uuid END,
              gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(),
              CASE WHEN p = 0 AND w = 0 THEN :lw ELSE md5('lw' || p || '-' || w)::uuid END,
              md5('svc' || h || '-' || s)::uuid,
              CASE WHEN h = 0 THEN :vcs ELSE md5('vcs' || h)::uuid END,
              'Service ' || s || ' of organisation ' || h,
              'Organisation ' || h,
              'WAYMARK', status,
              CASE status WHEN 'REJECTED' THEN 'AT_CAPACITY' WHEN 'CANCELLED' THEN 'NO_LONGER_NEEDED'
                WHEN 'ON_HOLD' THEN 'WAITING_LIST' WHEN 'FAILED' THEN 'DID_NOT_ATTEND' END,
              'Person ' || g, 'Mobile 07700 900' || lpad((g % 1000)::text, 3, '0'),
              ARRAY['LONELINESS'], ARRAY['Loneliness and social isolation'],
              'Agreed that these details are shared',
              at, (at AT TIME ZONE 'Europe/London')::date + 10,
              CASE WHEN status NOT IN ('REQUESTED', 'CANCELLED') THEN at + interval '3 days' END,
              CASE WHEN status IN ('IN_PROGRESS', 'COMPLETED') THEN (at AT TIME ZONE 'Europe/London')::date + 7 END,
              CASE WHEN status IN ('IN_PROGRESS', 'COMPLETED') THEN 1 + g % 8 ELSE 0 END,
              at + interval '3 days'
            FROM (
              SELECT g, h, s, p, w, status,
                now() - make_interval(mins => CASE WHEN status IN ('REQUESTED', 'ACCEPTED',
                  'IN_PROGRESS', 'ON_HOLD') THEN (g * 7919) % (60 * 1440)
                  ELSE (g * 7919) % (730 * 1440) END) AS at
              FROM (
                SELECT g,
                  CASE WHEN g <= :large THEN 0 ELSE 1 + g % 199 END AS h,
                  g % 3 AS s, g % 20 AS p, (g / 20) % 10 AS w,
                  CASE WHEN (hashint4(g) & 2147483647) % 100 < 10 THEN 'REQUESTED'
                       WHEN (hashint4(g) & 2147483647) % 100 < 18 THEN 'ACCEPTED'
                       WHEN (hashint4(g) & 2147483647) % 100 < 28 THEN 'IN_PROGRESS'
                       WHEN (hashint4(g) & 2147483647) % 100 < 30 THEN 'ON_HOLD'
                       WHEN (hashint4(g) & 2147483647) % 100 < 75 THEN 'COMPLETED'
                       WHEN (hashint4(g) & 2147483647) % 100 < 83 THEN 'FAILED'
                       WHEN (hashint4(g) & 2147483647) % 100 < 95 THEN 'REJECTED'
                       ELSE 'CANCELLED' END AS status
                FROM generate_series(1, :n) g) k) q
            """)
        .param("pcn", pcn)
        .param("lw", linkWorker)
        .param("vcs", vcs)
        .param("large", large)
        .param("n", connections)
        .update();
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
