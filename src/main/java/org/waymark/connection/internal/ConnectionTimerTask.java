package org.waymark.connection.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the chase and overdue timers on the PostgreSQL job scheduler: one instance at a time, every
 * {@code waymark.connection.timers-every} (15 minutes unless set).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionTimerTask {

  static final String TASK_NAME = "connection-timers";

  @Bean
  RecurringTask<Void> connectionTimersTask(
      ConnectionTimers timers, @Value("${waymark.connection.timers-every:PT15M}") Duration every) {
    return Tasks.recurring(TASK_NAME, FixedDelay.of(every))
        .execute((instance, context) -> timers.run());
  }
}
