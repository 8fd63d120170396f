package org.waymark.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.notification.Channel;
import org.waymark.notification.OutboxStatus;

/**
 * Sends what is due in the outbox: claims a batch in a short transaction of its own (SENDING, with
 * a lease), sends each message outside any transaction, and records the outcome. A message that may
 * go through later is due again after an exponential back-off (30 seconds, doubling, at most an
 * hour); one refused for good, or tried {@code maxAttempts} times, is FAILED with the error.
 */
public class OutboxDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 20;
  private static final int MAX_BATCHES_PER_RUN = 50;
  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration LONGEST_RETRY = Duration.ofHours(1);

  private final OutboxStore store;
  private final TransactionTemplate claimTransaction;
  private final EmailSender email;
  private final SmsSender sms;
  private final Duration lease;
  private final int maxAttempts;
  private final Clock clock;

  public OutboxDispatcher(
      OutboxStore store,
      PlatformTransactionManager transactions,
      EmailSender email,
      SmsSender sms,
      Duration lease,
      int maxAttempts,
      Clock clock) {
    this.store = store;
    this.claimTransaction = new TransactionTemplate(transactions);
    this.claimTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.email = email;
    this.sms = sms;
    this.lease = lease;
    this.maxAttempts = maxAttempts;
    this.clock = clock;
  }

  /** Sends everything due now; returns how many messages it handled. */
  public int dispatchDue() {
    int handled = 0;
    for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      int n = dispatchBatch(clock.instant());
      handled += n;
      if (n < BATCH) {
        break;
      }
    }
    return handled;
  }

  /** Sends everything due at {@code now}, with {@code now} as the time of every outcome. */
  public int dispatchDue(Instant now) {
    int handled = 0;
    for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      int n = dispatchBatch(now);
      handled += n;
      if (n < BATCH) {
        break;
      }
    }
    return handled;
  }

  /** Claims up to one batch due at {@code now} and returns the claimed messages, unsent. */
  public List<OutboxMessage> claim(Instant now) {
    return claimTransaction.execute(tx -> store.claimDue(now, now.plus(lease), BATCH));
  }

  private int dispatchBatch(Instant now) {
    List<OutboxMessage> claimed = claim(now);
    for (OutboxMessage message : claimed) {
      send(message, now);
    }
    return claimed.size();
  }

  /** Sends one claimed message and records what became of it. */
  public void send(OutboxMessage message, Instant now) {
    DeliveryResult result;
    try {
      result = deliver(message);
    } catch (RuntimeException e) {
      result = DeliveryResult.retry(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    boolean recorded =
        switch (result.outcome()) {
          case SENT -> store.markSent(message, result.reference(), now);
          case SKIPPED -> store.finish(message, OutboxStatus.SKIPPED, result.error());
          case FAILED -> store.finish(message, OutboxStatus.FAILED, result.error());
          case RETRY ->
              message.attempts() >= maxAttempts
                  ? store.finish(
                      message,
                      OutboxStatus.FAILED,
                      "Gave up after " + message.attempts() + " attempts: " + result.error())
                  : store.retryLater(
                      message, result.error(), now.plus(backoff(message.attempts())));
        };
    if (!recorded) {
      // The lease ran out while sending and another dispatcher has the message now.
      log.warn("Outbox message {} was taken over before its outcome was recorded", message.id());
    } else if (result.outcome() != DeliveryResult.Outcome.SENT) {
      log.info(
          "Outbox message {} ({}) not sent, {}: {}",
          message.id(),
          message.channel(),
          result.outcome(),
          result.error());
    }
  }

  private DeliveryResult deliver(OutboxMessage message) {
    if (message.channel() == Channel.SMS) {
      if (message.attempts() > 1) {
        // Tried before: the provider may have accepted it just before its sender stopped.
        Optional<String> existing = sms.alreadySent(message.id());
        if (existing.isPresent()) {
          return DeliveryResult.sent(existing.get());
        }
      }
      return sms.send(message.address(), message.body(), message.id());
    }
    return email.send(message);
  }

  /** The wait before attempt {@code attempts + 1}: 30 s, 1 min, 2 min, … at most an hour. */
  static Duration backoff(int attempts) {
    int doublings = Math.max(0, Math.min(attempts - 1, 20));
    Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
  }
}
