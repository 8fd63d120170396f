package org.waymark.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Starts the scheduler once the application is ready (migrations have run and every bean exists),
 * and stops it when the application shuts down, before the data source closes.
 */
class ScheduledWork implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ScheduledWork.class);

  private final Scheduler scheduler;
  private boolean started;

  ScheduledWork(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  @EventListener(ApplicationReadyEvent.class)
  synchronized void start() {
    if (!started) {
      scheduler.start();
      started = true;
      log.info("Job scheduler started");
    }
  }

  @Override
  public synchronized void destroy() {
    if (started) {
      scheduler.stop();
      started = false;
    }
  }

  Scheduler scheduler() {
    return scheduler;
  }
}
