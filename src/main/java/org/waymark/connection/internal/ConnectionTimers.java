package org.waymark.connection.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionAnswerOverdue;
import org.waymark.connection.ConnectionChased;
import org.waymark.connection.ConnectionText;
import org.waymark.connection.WorkingDays;

/**
 * Nothing waits silently: a referral still waiting for an answer is chased with the service {@value
 * #CHASE_BEFORE} working days before its deadline, and once the deadline has passed (a UK calendar
 * day after it) the link worker who sent it is told. Each happens once per referral, even with
 * several instances running (the row is marked in the same transaction that publishes the event).
 * Run by the scheduler; dates are calendar dates in Europe/London, so a referral is never flagged
 * an hour early or late across the clock changes.
 */
@Component
public class ConnectionTimers {

  static final int CHASE_BEFORE = 2;
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Logger log = LoggerFactory.getLogger(ConnectionTimers.class);

  private final ConnectionStore store;
  private final ConnectionWriter writer;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ConnectionTimers(
      ConnectionStore store,
      ConnectionWriter writer,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Optional<Clock> clock) {
    this.store = store;
    this.writer = writer;
    this.events = events;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** What one run did. */
  public record Result(int chased, int flagged) {}

  /** Chases and flags what is due now. */
  public Result run() {
    return runAt(clock.instant());
  }

  /** Chases and flags what is due at {@code now}. */
  public Result runAt(Instant now) {
    LocalDate today = LocalDate.ofInstant(now, LONDON);
    int chased = 0;
    int flagged = 0;
    for (Connection c : store.waitingDueBy(WorkingDays.plus(today, CHASE_BEFORE))) {
      if (Boolean.TRUE.equals(transactions.execute(s -> chase(c, today, now)))) {
        chased++;
      }
      if (Boolean.TRUE.equals(transactions.execute(s -> flag(c, today, now)))) {
        flagged++;
      }
    }
    if (chased + flagged > 0) {
      log.info("Connection timers: {} referrals chased, {} flagged overdue", chased, flagged);
    }
    return new Result(chased, flagged);
  }

  private boolean chase(Connection c, LocalDate today, Instant now) {
    LocalDate requestedOn = LocalDate.ofInstant(c.requestedAt(), LONDON);
    boolean due =
        c.chasedAt() == null
            && !today.isAfter(c.answerDueOn())
            && !today.isBefore(WorkingDays.minus(c.answerDueOn(), CHASE_BEFORE))
            && WorkingDays.between(requestedOn, today) >= 1;
    if (!due || !store.mark(c.organisationId(), c.id(), ConnectionStore.TimerMark.CHASED, now)) {
      return false;
    }
    writer.systemNote(
        c,
        "Reminder sent to the service: an answer is needed by "
            + ConnectionText.date(c.answerDueOn()),
        now);
    events.publishEvent(
        new ConnectionChased(
            c.id(),
            c.organisationId(),
            c.serviceHolderId(),
            c.serviceName(),
            c.answerDueOn(),
            now));
    return true;
  }

  private boolean flag(Connection c, LocalDate today, Instant now) {
    if (c.overdueFlaggedAt() != null
        || !today.isAfter(c.answerDueOn())
        || !store.mark(c.organisationId(), c.id(), ConnectionStore.TimerMark.OVERDUE, now)) {
      return false;
    }
    writer.systemNote(
        c,
        "No answer by " + ConnectionText.date(c.answerDueOn()) + ": the link worker was told",
        now);
    events.publishEvent(
        new ConnectionAnswerOverdue(
            c.id(),
            c.organisationId(),
            c.requestedBy(),
            c.serviceHolderId(),
            c.serviceName(),
            c.answerDueOn(),
            now));
    return true;
  }
}
