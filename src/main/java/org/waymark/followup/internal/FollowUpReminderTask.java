package org.waymark.followup.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the follow-up reminders on the PostgreSQL job scheduler: one instance at a time, every
 * {@code waymark.followup.reminders-every} (an hour unless set).
 */
@Configuration(proxyBeanMethods = false)
class FollowUpReminderTask {

  static final String TASK_NAME = "follow-up-reminders";

  @Bean
  RecurringTask<Void> followUpRemindersTask(
      FollowUpReminders reminders,
      @Value("${waymark.followup.reminders-every:PT1H}") Duration every) {
    return Tasks.recurring(TASK_NAME, FixedDelay.of(every))
        .execute((instance, context) -> reminders.run());
  }
}
