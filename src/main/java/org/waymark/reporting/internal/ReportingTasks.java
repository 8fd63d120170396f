package org.waymark.reporting.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waymark.reporting.ReportingRefresh;

/**
 * Keeps the reporting summaries current on the PostgreSQL job scheduler, one instance at a time:
 * changed tenants every {@code waymark.reporting.refresh-every} (a minute unless set), and every
 * tenant each night at {@code waymark.reporting.rebuild-at} (02:30 UK time unless set), which also
 * catches changes no event reports (a person's age band, an edited postcode).
 */
@Configuration(proxyBeanMethods = false)
class ReportingTasks {

  static final String CHANGED = "reporting-refresh-changed";
  static final String NIGHTLY = "reporting-rebuild-all";

  @Bean
  RecurringTask<Void> reportingRefreshChangedTask(
      ReportingRefresh refresh, @Value("${waymark.reporting.refresh-every:PT1M}") Duration every) {
    return Tasks.recurring(CHANGED, FixedDelay.of(every))
        .execute((instance, context) -> refresh.refreshChanged());
  }

  @Bean
  RecurringTask<Void> reportingRebuildAllTask(
      ReportingRefresh refresh, @Value("${waymark.reporting.rebuild-at:02:30}") LocalTime at) {
    return Tasks.recurring(NIGHTLY, new Daily(ZoneId.of("Europe/London"), at))
        .execute((instance, context) -> refresh.refreshAll());
  }
}
