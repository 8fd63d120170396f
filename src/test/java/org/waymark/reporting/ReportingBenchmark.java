package org.waymark.reporting;

import java.lang.reflect.Field;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.identity.IdentityManagement;
import org.waymark.reporting.internal.SummaryBuilder;
import org.waymark.support.BenchmarkApplication;
import org.waymark.support.WebSession;

/**
 * Times the reporting dashboards over a national dataset: the whole application in-process on a
 * random port, with its own embedded PostgreSQL in a fresh temporary folder and no demo data, the
 * job scheduler off so that nothing else runs meanwhile.
 *
 * <p>Writes the dataset ({@link NationalDataset}, sizes as system properties), runs {@code VACUUM
 * ANALYZE}, times the full rebuild of every tenant's summaries ({@link
 * ReportingRefresh#refreshAll}), vacuums and analyses the summaries as autovacuum soon would, and
 * times the rebuild of one tenant ({@link ReportingRefresh#refresh}, the path the events take),
 * prints the summary tables' sizes and the plan of each of the one-tenant statements, then fetches
 * each dashboard over HTTP as the PCN's service manager, as the commissioner of the whole ICB and
 * as the coordinator of the largest VCS organisation: {@code -DwarmUp} (10) requests, then {@code
 * -Druns} (50) timed ones, printing p50, p95 and max against the 1 s goal; with no filter, with the
 * last 12 months and with a need. A page that answers 404 is printed as missing (the benchmark also
 * runs before the dashboards exist); {@code -DpageSeconds} (120) caps the time spent on one row.
 *
 * <p>Not a test: run it with {@code scripts/benchmark-reporting.sh}.
 */
public final class ReportingBenchmark {

  private static final double GOAL_MS = 1_000;

  private ReportingBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("waymark.scheduler.enabled") == null) {
      System.setProperty("waymark.scheduler.enabled", "false");
    }
    NationalDataset.Sizes sizes = NationalDataset.Sizes.fromSystemProperties();
    int runs = Integer.getInteger("runs", 50);
    int warmUp = Integer.getInteger("warmUp", 10);
    int pageSeconds = Integer.getInteger("pageSeconds", 120);
    BenchmarkApplication.run(
        "reporting", (app, port) -> run(app, port, sizes, runs, warmUp, pageSeconds));
  }

  private static void run(
      ConfigurableApplicationContext app,
      int port,
      NationalDataset.Sizes sizes,
      int runs,
      int warmUp,
      int pageSeconds)
      throws Exception {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    NationalDataset dataset = new NationalDataset(app.getBean(DataSource.class), sizes);
    dataset.generate();

    long t = System.nanoTime();
    jdbc.sql("VACUUM ANALYZE").update();
    System.out.printf(Locale.UK, "VACUUM ANALYZE in %.1f s%n", seconds(t));
    System.out.println("Source tables:");
    dataset.printCounts();

    NationalDataset.Subjects subjects = dataset.subjects();
    NationalDataset.Accounts accounts =
        NationalDataset.accounts(app.getBean(IdentityManagement.class), subjects);
    System.out.printf(
        Locale.UK,
        "%nThe PCN: %s (%s referrals); the ICB: %s (%d PCNs, %s referrals); the VCS organisation:"
            + " %s (%s onward referrals)%n",
        subjects.pcnName(),
        count(jdbc, "SELECT count(*) FROM referral WHERE organisation_id = :id", subjects.pcn()),
        subjects.icbName(),
        subjects.icbPcns(),
        count(
            jdbc,
            """
            SELECT count(*) FROM referral r JOIN report_commissioning k ON k.pcn_id = r.organisation_id
            WHERE k.organisation_id = :id
            """,
            subjects.icb()),
        jdbc.sql("SELECT name FROM organisation WHERE id = :id")
            .param("id", subjects.vcs())
            .query(String.class)
            .single(),
        count(
            jdbc, "SELECT count(*) FROM connection WHERE service_holder_id = :id", subjects.vcs()));

    ReportingRefresh refresh = app.getBean(ReportingRefresh.class);
    System.out.println();
    ReportingRefresh.Result all = refresh.refreshAll();
    System.out.printf(
        Locale.UK,
        "Full rebuild (refreshAll): %d tenants, %,d referrals in %.1f s%n",
        all.tenants(),
        all.referrals(),
        all.took().toMillis() / 1e3);
    t = System.nanoTime();
    // What autovacuum does soon after the nightly rebuild's inserts: statistics, and the visibility
    // map that index-only scans need.
    jdbc.sql(
            "VACUUM ANALYZE report_referral, report_contact_month, report_connection, report_wellbeing")
        .update();
    System.out.printf(Locale.UK, "VACUUM ANALYZE of the summaries in %.1f s%n", seconds(t));
    for (int i = 1; i <= 3; i++) {
      t = System.nanoTime();
      int n = refresh.refresh(subjects.pcn());
      System.out.printf(
          Locale.UK,
          "One-tenant rebuild (refresh) of the PCN, run %d: %,d referrals in %.0f ms%n",
          i,
          n,
          seconds(t) * 1e3);
    }
    UUID busiest =
        jdbc.sql(
                "SELECT organisation_id FROM referral GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
            .query(UUID.class)
            .single();
    t = System.nanoTime();
    int n = refresh.refresh(busiest);
    System.out.printf(
        Locale.UK,
        "One-tenant rebuild of the busiest PCN: %,d referrals in %.0f ms%n",
        n,
        seconds(t) * 1e3);

    System.out.println("\nSummary tables:");
    for (String table :
        List.of(
            "report_referral",
            "report_contact_month",
            "report_connection",
            "report_wellbeing",
            "report_practice_population")) {
      System.out.printf(
          Locale.UK,
          "  %-28s %,12d rows %10s%n",
          table,
          count(jdbc, "SELECT count(*) FROM " + table, null),
          jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('" + table + "'))")
              .query(String.class)
              .single());
    }

    PlatformTransactionManager transactions = app.getBean(PlatformTransactionManager.class);
    if (Boolean.parseBoolean(System.getProperty("plans", "true"))) {
      plans(jdbc, transactions, subjects.pcn());
    }
    if (Boolean.parseBoolean(System.getProperty("plans", "true"))) {
      vcsPlans(jdbc, subjects.vcs());
    }
    if (Boolean.getBoolean("fullPlans")) {
      plans(jdbc, transactions, null);
    }
    boolean pages = Boolean.parseBoolean(System.getProperty("pages", "true"));
    if (pages) {
      pages(port, subjects, accounts, runs, warmUp, pageSeconds);
    }
    // Phases of SQL to try (an index before its migration is written, say): each phase is run,
    // then the VCS statements' plans and the pages are measured again.
    String then = System.getProperty("thenSql", "");
    for (String phase : then.split("\\|")) {
      if (phase.isBlank()) {
        continue;
      }
      System.out.println("\nThen: " + phase.trim());
      for (String sql : phase.split(";")) {
        if (!sql.isBlank()) {
          t = System.nanoTime();
          jdbc.sql(sql.trim()).update();
          System.out.printf(Locale.UK, "  %s: %.1f s%n", sql.trim(), seconds(t));
        }
      }
      vcsPlans(jdbc, subjects.vcs());
      if (pages) {
        pages(port, subjects, accounts, runs, warmUp, pageSeconds);
      }
    }
  }

  /**
   * The plan of each statement of a rebuild ({@code EXPLAIN (ANALYZE, BUFFERS)}), of one tenant or
   * (pcn null) of every tenant, in a transaction rolled back afterwards: the statements are read
   * from {@link SummaryBuilder} so the plans are of the code as it is.
   */
  private static void plans(JdbcClient jdbc, PlatformTransactionManager transactions, UUID pcn)
      throws Exception {
    String org = pcn == null ? "true" : "organisation_id = '" + pcn + "'";
    String prefixed = pcn == null ? "true" : "%s." + org;
    List<String[]> statements = new ArrayList<>();
    if (pcn == null) {
      System.out.println("\nFull rebuild, statement by statement (EXPLAIN ANALYZE, BUFFERS):");
      statements.add(
          new String[] {
            "TRUNCATE",
            "TRUNCATE report_wellbeing, report_connection, report_contact_month, report_referral"
          });
    } else {
      System.out.println(
          "\nOne-tenant rebuild, statement by statement (EXPLAIN ANALYZE, BUFFERS):");
      for (String table :
          List.of(
              "report_wellbeing", "report_connection", "report_contact_month", "report_referral")) {
        statements.add(new String[] {"DELETE " + table, "DELETE FROM " + table + " WHERE " + org});
      }
    }
    statements.add(new String[] {"REFERRALS", constant("REFERRALS").formatted(org)});
    statements.add(
        new String[] {"CONTACTS", constant("CONTACTS").formatted(org, prefixed.formatted("r"))});
    statements.add(
        new String[] {
          "CONNECTIONS", constant("CONNECTIONS").formatted(org, prefixed.formatted("c"))
        });
    statements.add(
        new String[] {"WELLBEING", constant("WELLBEING").formatted(prefixed.formatted("o"))});
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              for (String[] st : statements) {
                if (st[1].startsWith("TRUNCATE")) {
                  jdbc.sql(st[1]).update();
                  continue;
                }
                List<String> plan =
                    jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + st[1]).query(String.class).list();
                System.out.println("-- " + st[0] + ": " + plan.get(plan.size() - 1).trim());
                plan.forEach(line -> System.out.println("   " + line));
              }
              status.setRollbackOnly();
            });
  }

  /**
   * The plans of the VCS page's statements over the organisation's onward referrals, as the page
   * runs them (copied from {@code Dashboards} and {@code FigureBuilder}): its services and the
   * tenants that referred to it (for the filter and the freshness, over every date), and the answer
   * times by month over the default twelve months.
   */
  private static void vcsPlans(JdbcClient jdbc, UUID holder) {
    System.out.println("\nThe VCS page's statements (EXPLAIN ANALYZE, BUFFERS):");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    String where =
        "service_holder_id = '"
            + holder
            + "' AND requested_on >= DATE '"
            + today.withDayOfMonth(1).minusMonths(11)
            + "' AND requested_on <= DATE '"
            + today
            + "'";
    String[][] statements = {
      {
        "services",
        "SELECT service_id, min(service_name) AS name FROM report_connection"
            + " WHERE service_holder_id = '"
            + holder
            + "' GROUP BY 1 ORDER BY 2"
      },
      {
        "tenants",
        "SELECT DISTINCT organisation_id FROM report_connection WHERE service_holder_id = '"
            + holder
            + "'"
      },
      {
        "answer times",
        """
        SELECT date_trunc('month', requested_on)::date AS k, count(*) AS requests,
          count(answered_on) AS answered,
          count(*) FILTER (WHERE answered_in_time) AS in_time,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_answer) AS median,
          count(*) FILTER (WHERE status IN ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'FAILED')) AS accepted,
          count(*) FILTER (WHERE attended) AS attended
        FROM report_connection WHERE %s GROUP BY 1
        """
            .formatted(where)
      }
    };
    for (String[] st : statements) {
      for (int run = 1; run <= 2; run++) {
        List<String> plan =
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + st[1]).query(String.class).list();
        System.out.println(
            "-- " + st[0] + " (run " + run + "): " + plan.get(plan.size() - 1).trim());
        if (run == 2) {
          plan.forEach(line -> System.out.println("   " + line));
        }
      }
    }
  }

  private static String constant(String name) throws ReflectiveOperationException {
    Field f = SummaryBuilder.class.getDeclaredField(name);
    f.setAccessible(true);
    return (String) f.get(null);
  }

  /** One page to time. */
  private record Row(String who, WebSession session, String path, String filter) {}

  private static void pages(
      int port,
      NationalDataset.Subjects subjects,
      NationalDataset.Accounts accounts,
      int runs,
      int warmUp,
      int pageSeconds) {
    WebSession manager = signIn(port, accounts.manager(), accounts.password());
    WebSession commissioner = signIn(port, accounts.commissioner(), accounts.password());
    WebSession coordinator = signIn(port, accounts.coordinator(), accounts.password());

    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    String months12 = "from=" + today.minusMonths(12) + "&to=" + today;
    String need = "need=" + URLEncoder.encode("LONELINESS", StandardCharsets.UTF_8);
    List<String> dashboards =
        List.of("", "/casework", "/connections", "/wellbeing", "/equity", "/indicator");
    List<Row> rows = new ArrayList<>();
    List<String> who = List.of(System.getProperty("who", "PCN,ICB,VCS").split(","));
    for (String[] filter : new String[][] {{"none", ""}, {"12 months", months12}, {"need", need}}) {
      for (String d : dashboards) {
        rows.add(row("PCN", manager, "/reports/service" + d, filter));
        rows.add(row("ICB", commissioner, "/reports/commissioner" + d, filter));
      }
      if (!filter[0].equals("need")) {
        rows.add(row("VCS", coordinator, "/reports/vcs", filter));
      }
    }

    System.out.printf(
        Locale.UK,
        "%nDashboards over HTTP (ms; %d timed requests after %d warm-up; goal p95 <= %.0f ms):%n",
        runs,
        warmUp,
        GOAL_MS);
    System.out.printf(
        Locale.UK,
        "%-4s %-34s %-10s %6s %5s %9s %9s %9s  %s%n",
        "who",
        "page",
        "filter",
        "KB",
        "n",
        "p50",
        "p95",
        "max",
        "");
    for (Row row : rows) {
      if (!who.contains(row.who())) {
        continue;
      }
      String path = row.path() + (row.filter().isEmpty() ? "" : "?" + row.filter());
      String label =
          row.filter().isEmpty()
              ? "none"
              : row.filter().startsWith("from") ? "12 months" : row.filter().replace("need=", "");
      Sample sample = new Sample();
      String problem = null;
      int bytes = 0;
      long deadline = System.nanoTime() + pageSeconds * 1_000_000_000L;
      for (int i = -warmUp; i < runs && System.nanoTime() < deadline; i++) {
        long start = System.nanoTime();
        WebSession.Page p = row.session().get(path);
        double ms = (System.nanoTime() - start) / 1e6;
        if (p.status() == 404) {
          problem = "missing";
          break;
        }
        if (p.status() != 200) {
          problem = "answered " + p.status() + (p.location() == null ? "" : " " + p.location());
          break;
        }
        if (i >= 0) {
          sample.add(ms);
        }
        bytes = p.body().length();
      }
      if (problem != null) {
        System.out.printf(
            Locale.UK, "%-4s %-34s %-10s %s%n", row.who(), row.path(), label, problem);
      } else {
        double p95 = sample.pct(95);
        System.out.printf(
            Locale.UK,
            "%-4s %-34s %-10s %6d %5d %9.1f %9.1f %9.1f  %s%n",
            row.who(),
            row.path(),
            label,
            bytes / 1024,
            sample.size(),
            sample.pct(50),
            p95,
            sample.max(),
            Double.isNaN(p95) ? "no timed run" : p95 <= GOAL_MS ? "PASS" : "OVER");
      }
    }
  }

  private static Row row(String who, WebSession session, String path, String[] filter) {
    return new Row(who, session, path, filter[1]);
  }

  private static long count(JdbcClient jdbc, String sql, UUID id) {
    JdbcClient.StatementSpec spec = jdbc.sql(sql);
    if (id != null) {
      spec = spec.param("id", id);
    }
    return spec.query(Long.class).single();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static WebSession signIn(int port, String email, String password) {
    WebSession s = new WebSession(port);
    WebSession.Page answer = s.signIn(email, password);
    if (answer.status() != 302
        || answer.location() == null
        || answer.location().contains("/login")) {
      throw new IllegalStateException("Sign-in failed for " + email + ": " + answer.status());
    }
    return s;
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

    int size() {
      return size;
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
