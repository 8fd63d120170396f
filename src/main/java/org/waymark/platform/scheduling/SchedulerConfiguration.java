package org.waymark.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler {@link Scheduler} on the application's PostgreSQL. Modules contribute work by
 * declaring {@code RecurringTask} or {@code OneTimeTask} beans (db-scheduler's types, so they never
 * depend on this package): every {@link Task} bean is registered, and every {@link RecurringTask}
 * bean's schedule is started. Executions live in {@code scheduled_tasks}; an instance picks an
 * execution by a conditional update of its row, so two instances on one database never run the same
 * execution twice. An instance that dies stops its heartbeat, and after {@code
 * missed-heartbeats-limit} missed beats another instance takes its executions over.
 *
 * <p>Off with {@code waymark.scheduler.enabled=false}: then no task runs on this instance.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "waymark.scheduler.enabled", matchIfMissing = true)
class SchedulerConfiguration {

  @Bean
  ScheduledWork scheduledWork(
      DataSource dataSource,
      ObjectProvider<Task<?>> tasks,
      @Value("${waymark.scheduler.polling-interval:PT5S}") Duration pollingInterval,
      @Value("${waymark.scheduler.threads:4}") int threads,
      @Value("${waymark.scheduler.heartbeat-interval:PT1M}") Duration heartbeatInterval,
      @Value("${waymark.scheduler.missed-heartbeats-limit:6}") int missedHeartbeats) {
    List<Task<?>> all = tasks.orderedStream().toList();
    return new ScheduledWork(
        build(dataSource, all, pollingInterval, threads, heartbeatInterval, missedHeartbeats));
  }

  /**
   * A scheduler that runs the given tasks and starts the recurring ones; not yet started.
   *
   * @param heartbeatInterval how often a running execution's instance says it is alive
   * @param missedHeartbeats how many beats may be missed before an execution counts as dead and is
   *     run again elsewhere
   */
  static Scheduler build(
      DataSource dataSource,
      List<Task<?>> tasks,
      Duration pollingInterval,
      int threads,
      Duration heartbeatInterval,
      int missedHeartbeats) {
    List<RecurringTask<?>> recurring =
        tasks.stream()
            .filter(RecurringTask.class::isInstance)
            .<RecurringTask<?>>map(t -> (RecurringTask<?>) t)
            .toList();
    // startTasks registers the recurring tasks itself; naming them twice is refused.
    List<Task<?>> others = tasks.stream().filter(t -> !(t instanceof RecurringTask)).toList();
    SchedulerBuilder builder =
        Scheduler.create(dataSource, others)
            .pollingInterval(pollingInterval)
            .threads(threads)
            .heartbeatInterval(heartbeatInterval)
            .missedHeartbeatsLimit(missedHeartbeats)
            .enableImmediateExecution()
            // Spring closes the scheduler before the data source; no JVM hook of its own.
            .shutdownMaxWait(Duration.ofSeconds(10));
    startTasks(builder, recurring);
    return builder.build();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void startTasks(SchedulerBuilder builder, List<RecurringTask<?>> recurring) {
    builder.startTasks((List) recurring);
  }
}
