package org.waymark.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * The scheduler runs recurring task beans through PostgreSQL, and two schedulers on one database
 * run one execution once.
 */
@WaymarkIntegrationTest
class SchedulerTests {

  @Autowired ScheduledWork work;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired List<Task<?>> tasks;

  @Test
  void theApplicationsSchedulerRegistersTaskBeansAndStartsTheRecurringOnes() {
    assertThat(work.scheduler()).isNotNull();
    List<String> recurring =
        tasks.stream().filter(RecurringTask.class::isInstance).map(Task::getName).toList();
    assertThat(recurring).isNotEmpty();
    // Started on ApplicationReadyEvent: each recurring task has its execution in the table.
    List<String> scheduled =
        jdbc.sql("SELECT task_name FROM scheduled_tasks").query(String.class).list();
    assertThat(scheduled).containsAll(recurring);
  }

  @Test
  void aRecurringTaskRunsThroughTheSchedulerAgainstPostgresql() throws Exception {
    String name = "test-recurring-" + UUID.randomUUID();
    CountDownLatch ran = new CountDownLatch(2);
    RecurringTask<Void> task =
        Tasks.recurring(name, FixedDelay.ofMillis(200)).execute((instance, ctx) -> ran.countDown());
    Scheduler scheduler =
        SchedulerConfiguration.build(
            dataSource, List.of(task), Duration.ofMillis(100), 2, Duration.ofSeconds(5), 6);
    scheduler.start();
    try {
      assertThat(ran.await(30, TimeUnit.SECONDS)).as("ran twice").isTrue();
    } finally {
      scheduler.stop();
    }
    assertThat(
            jdbc.sql("SELECT last_success IS NOT NULL FROM scheduled_tasks WHERE task_name = ?")
                .param(name)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void twoSchedulersOnOneDatabaseRunEachExecutionOnce() throws Exception {
    String name = "test-once-" + UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();
    Set<String> instances = ConcurrentHashMap.newKeySet();
    CountDownLatch allRan = new CountDownLatch(20);
    var oneTime =
        Tasks.oneTime(name)
            .execute(
                (instance, ctx) -> {
                  runs.incrementAndGet();
                  instances.add(instance.getId());
                  allRan.countDown();
                });
    Scheduler first =
        SchedulerConfiguration.build(
            dataSource, List.of(oneTime), Duration.ofMillis(100), 4, Duration.ofSeconds(5), 6);
    Scheduler second =
        SchedulerConfiguration.build(
            dataSource, List.of(oneTime), Duration.ofMillis(100), 4, Duration.ofSeconds(5), 6);
    first.start();
    second.start();
    try {
      java.time.Instant now = java.time.Instant.now();
      for (int i = 0; i < 20; i++) {
        first.schedule(oneTime.instance("run-" + i), now);
      }
      assertThat(allRan.await(30, TimeUnit.SECONDS)).isTrue();
      // Give a second pick of any execution time to happen, if it could.
      Thread.sleep(500);
    } finally {
      first.stop();
      second.stop();
    }
    assertThat(runs).hasValue(20);
    assertThat(instances).hasSize(20);
  }
}
