package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.WaymarkApplication;
import org.waymark.support.DemoAccounts;
import org.waymark.support.TestDatabase;
import org.waymark.support.WebSession;

/**
 * Two application instances on one PostgreSQL, as behind a load balancer: a session made on one is
 * valid on the other (and ended on both by signing out of either), a scheduled job runs on one of
 * them exactly once, and an event published on one is handled exactly once.
 */
class TwoInstancesTests {

  static final String PROBE_TASK = "two-instance-probe";

  static ConfigurableApplicationContext first;
  static ConfigurableApplicationContext second;

  /**
   * What both instances add to the application for this test: a one-time job and an event listener,
   * each writing a row (to the append-only audit table) naming the instance that ran it. Registered
   * as a source of the application, never found by component scanning.
   */
  static class Probe {

    /** An event only this test publishes. */
    record Ping(String id) {}

    @Bean
    OneTimeTask<String> twoInstanceProbeTask(
        JdbcClient jdbc, org.springframework.core.env.Environment env) {
      return Tasks.oneTime(PROBE_TASK, String.class)
          .execute(
              (instance, context) -> record(jdbc, env, "TWO_INSTANCE_JOB", instance.getData()));
    }

    @Bean
    PingListener pingListener(JdbcClient jdbc, org.springframework.core.env.Environment env) {
      return new PingListener(jdbc, env);
    }

    static void record(
        JdbcClient jdbc, org.springframework.core.env.Environment env, String action, String id) {
      jdbc.sql(
              """
              INSERT INTO audit_event (organisation_id, action, outcome, username, detail)
              VALUES ('00000000-0000-0000-0000-000000000000', :action, 'ALLOWED', :instance, :id)
              """)
          .param("action", action)
          .param("instance", env.getProperty("probe.instance"))
          .param("id", id)
          .update();
    }
  }

  /** Handles the test's event after the publishing transaction commits, as modules do. */
  static class PingListener {
    private final JdbcClient jdbc;
    private final org.springframework.core.env.Environment env;

    PingListener(JdbcClient jdbc, org.springframework.core.env.Environment env) {
      this.jdbc = jdbc;
      this.env = env;
    }

    @ApplicationModuleListener
    void on(Probe.Ping ping) {
      Probe.record(jdbc, env, "TWO_INSTANCE_EVENT", ping.id());
    }
  }

  static ConfigurableApplicationContext start(String name) {
    return new SpringApplicationBuilder(WaymarkApplication.class, Probe.class)
        .initializers(new TestDatabase())
        // Arguments, which outrank the application's own settings (its port of 8080).
        .run(
            "--server.port=0",
            "--probe.instance=" + name,
            "--waymark.demo.enabled=true",
            "--waymark.demo.password=" + DemoAccounts.PASSWORD,
            "--waymark.scheduler.polling-interval=PT0.5S",
            "--spring.main.banner-mode=off");
  }

  @BeforeAll
  static void startBoth() {
    first = start("first");
    second = start("second");
  }

  @AfterAll
  static void stopBoth() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  static long rows(String action, String id) {
    return first
        .getBean(JdbcClient.class)
        .sql("SELECT count(*) FROM audit_event WHERE action = :action AND detail = :id")
        .param("action", action)
        .param("id", id)
        .query(Long.class)
        .single();
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("Timed out");
      }
      Thread.sleep(100);
    }
  }

  @Test
  void aSessionMadeOnOneInstanceIsValidOnTheOtherAndEndsOnBoth() {
    WebSession onFirst = new WebSession(port(first));
    WebSession.Page signedIn = onFirst.signIn("manager@demo.waymark.test", DemoAccounts.PASSWORD);
    assertThat(signedIn.status()).isEqualTo(302);
    assertThat(onFirst.get("/").status()).isEqualTo(200);

    WebSession onSecond = new WebSession(port(second)).withSessionCookie(onFirst.sessionCookie());
    WebSession.Page home = onSecond.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body()).contains("Maya Manager");
    assertThat(onSecond.get("/caseload").status()).isEqualTo(200);

    onSecond.signOut();
    WebSession.Page after = onFirst.get("/caseload");
    assertThat(after.status()).isEqualTo(302);
    assertThat(after.location()).contains("/login");
  }

  @Test
  void aJobScheduledOnOneInstanceRunsExactlyOnce() throws InterruptedException {
    List<String> ids = new ArrayList<>();
    // Both instances poll the same table; each execution is claimed by exactly one of them.
    for (int i = 0; i < 10; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      ConfigurableApplicationContext on = i % 2 == 0 ? first : second;
      SchedulerClient client =
          SchedulerClient.Builder.create(
                  on.getBean(DataSource.class),
                  on.getBean("twoInstanceProbeTask", OneTimeTask.class))
              .build();
      @SuppressWarnings("unchecked")
      OneTimeTask<String> task = on.getBean("twoInstanceProbeTask", OneTimeTask.class);
      client.scheduleIfNotExists(task.instance(id, id), Instant.now());
    }
    for (String id : ids) {
      waitFor(() -> rows("TWO_INSTANCE_JOB", id) > 0);
    }
    Thread.sleep(2_000);
    for (String id : ids) {
      assertThat(rows("TWO_INSTANCE_JOB", id)).as(id).isEqualTo(1);
    }
  }

  @Test
  void anEventPublishedOnOneInstanceIsHandledExactlyOnce() throws InterruptedException {
    String id = UUID.randomUUID().toString();
    new TransactionTemplate(
            first.getBean(org.springframework.transaction.PlatformTransactionManager.class))
        .executeWithoutResult(s -> first.publishEvent(new Probe.Ping(id)));
    waitFor(() -> rows("TWO_INSTANCE_EVENT", id) > 0);
    // Restarting the other instance republishes only publications still outstanding: none.
    second.close();
    second = start("second");
    Thread.sleep(2_000);
    assertThat(rows("TWO_INSTANCE_EVENT", id)).isEqualTo(1);
    assertThat(
            first
                .getBean(JdbcClient.class)
                .sql(
                    "SELECT count(*) FROM event_publication WHERE serialized_event LIKE :id"
                        + " AND completion_date IS NULL")
                .param("id", "%" + id + "%")
                .query(Long.class)
                .single())
        .isZero();
  }
}
