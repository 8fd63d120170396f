package org.waymark.notification.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends new messages promptly: after a transaction that added messages commits, the dispatcher runs
 * once on a background thread, instead of waiting for its next scheduled run. Nudges that arrive
 * while one is waiting to run are folded into it. Nothing depends on the nudge: the scheduled run
 * sends anything it missed.
 */
@Component
public class DispatchNudge implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DispatchNudge.class);

  private final OutboxDispatcher dispatcher;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "notification-nudge");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean waiting = new AtomicBoolean();

  DispatchNudge(OutboxDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Asks for a dispatch once the current transaction commits (never if it rolls back). */
  public void afterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            nudge();
          }
        });
  }

  void nudge() {
    if (executor.isShutdown() || !waiting.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(
          () -> {
            waiting.set(false);
            try {
              dispatcher.dispatchDue();
            } catch (RuntimeException e) {
              log.warn(
                  "Notification dispatch after commit failed; the scheduled run will retry", e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      waiting.set(false);
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
