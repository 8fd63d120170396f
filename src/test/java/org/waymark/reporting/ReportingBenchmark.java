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
 * ReportingRefresh#refreshAll}) and the rebuild of one tenant ({@link ReportingRefresh#refresh},
 * the path the events take), prints the summary tables' sizes and the plan of each of the
 * one-tenant statements, then fetches each dashboard over HTTP as the PCN's service manager, as the
 * commissioner of the whole ICB and as the coordinator of the largest VCS organisation: {@code
 * -DwarmUp} (10) requests, then {@code -Druns} (50) timed ones, printing p50, p95 and max against
 * the 1 s goal; with no filter, with the last 12 months and with a need. A page that answers 404 is
 * printed as missing (the benchmark also runs before the dashboards exist); {@code -DpageSeconds}
 * (120) caps the time spent on one row.
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
    jdbc.sql("ANALYZE report_referral, report_contact_month, report_connection, report_wellbeing")
        .update();
    System.out.printf(Locale.UK, "ANALYZE of the summaries in %.1f s%n", seconds(t));
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

    if (Boolean.parseBoolean(System.getProperty("plans", "true"))) {
      plans(jdbc, app.getBean(PlatformTransactionManager.class), subjects.pcn());
    }

    pages(port, subjects, accounts, runs, warmUp, pageSeconds);
  }

  /**
   * The plan of each statement of a one-tenant rebuild ({@code EXPLAIN (ANALYZE, BUFFERS)}), in a
   * transaction rolled back afterwards: the statements are read from {@link SummaryBuilder} so the
   * plans are of the code as it is.
   */
  private static void plans(JdbcClient jdbc, PlatformTransactionManager transactions, UUID pcn)
      throws Exception {
    System.out.println("\nOne-tenant rebuild, statement by statement (EXPLAIN ANALYZE, BUFFERS):");
    String org = "organisation_id = '" + pcn + "'";
    List<String[]> statements = new ArrayList<>();
    for (String table : List.of("report_wellbeing", "report_connection", "report_contact_month")) {
      statements.add(new String[] {"DELETE " + table, "DELETE FROM " + table + " WHERE " + org});
    }
    statements.add(
        new String[] {"DELETE report_referral", "DELETE FROM report_referral WHERE " + org});
    statements.add(new String[] {"REFERRALS", constant("REFERRALS").formatted(org)});
    statements.add(new String[] {"CONTACTS", constant("CONTACTS").formatted(org)});
    statements.add(
        new String[] {"CONNECTIONS", constant("CONNECTIONS").formatted(org, "c." + org)});
    statements.add(new String[] {"WELLBEING", constant("WELLBEING").formatted("o." + org)});
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              for (String[] st : statements) {
                List<String> plan =
                    jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + st[1]).query(String.class).list();
                System.out.println("-- " + st[0] + ": " + plan.get(plan.size() - 1).trim());
                plan.forEach(line -> System.out.println("   " + line));
              }
              status.setRollbackOnly();
            });
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
