package org.waymark.connection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionAnswerOverdue;
import org.waymark.connection.ConnectionChased;
import org.waymark.connection.ConnectionFixture;
import org.waymark.connection.Connections;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.notification.Notifications;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * The chase and overdue timers with an injected clock, at the edges of UK days, including the weeks
 * the clocks change (29 March and 25 October 2026).
 */
@WaymarkIntegrationTest
@RecordApplicationEvents
class ConnectionTimersTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired Connections connections;
  @Autowired ConnectionStore store;
  @Autowired ConnectionWriter writer;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;
  @Autowired Notifications notifications;

  ConnectionFixture f;
  CaseFile openCase;

  @BeforeEach
  void setUp() {
    f = new ConnectionFixture(identity, curation, port);
    openCase = f.openCase(referrals, triage, "Harold", "Timms");
    // Referrals an earlier test here dated in the past are cancelled, so each test counts only its
    // own (referrals made today are never due on the dates these tests run the timers at).
    jdbc.sql(
            """
            UPDATE connection SET status = 'CANCELLED', status_reason = 'SENT_IN_ERROR'
            WHERE status = 'REQUESTED' AND requested_at < TIMESTAMPTZ '2026-11-01 00:00Z'
            """)
        .update();
  }

  ConnectionTimers timersAt(String instant) {
    return new ConnectionTimers(
        store,
        writer,
        publisher,
        transactions,
        Optional.of(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)));
  }

  /** A referral sent on {@code requestedOn} whose answer is due on {@code dueOn}. */
  Connection waiting(LocalDate requestedOn, LocalDate dueOn) {
    Connection c = f.refer(connections, openCase, f.waymarkService.id());
    jdbc.sql("UPDATE connection SET requested_at = ?, answer_due_on = ? WHERE id = ?")
        .params(
            Timestamp.from(requestedOn.atTime(10, 0).toInstant(ZoneOffset.UTC)),
            Date.valueOf(dueOn),
            c.id())
        .update();
    return c;
  }

  @Test
  void overdueIsFlaggedFromMidnightInLondonAfterTheDeadlineInWinterTime() {
    // Due Monday 26 October 2026, the day after the clocks go back: UK time is UTC again.
    Connection c = waiting(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 26));
    assertThat(timersAt("2026-10-26T23:59:00Z").run().flagged()).isZero();
    assertThat(timersAt("2026-10-27T00:00:00Z").run().flagged()).isEqualTo(1);
    assertThat(timersAt("2026-10-27T09:00:00Z").run().flagged()).isZero();
    assertThat(
            events.stream(ConnectionAnswerOverdue.class)
                .filter(e -> e.connectionId().equals(c.id())))
        .singleElement()
        .satisfies(e -> assertThat(e.requestedBy()).isEqualTo(f.linkWorker.id()));
    assertThat(store.find(c.id()).orElseThrow().overdueFlaggedAt()).isNotNull();
    assertThat(notifications.inbox(f.linkWorker.id(), 0, 10).notifications())
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.title())
                    .isEqualTo(
                        f.waymarkService.details().name()
                            + " has not answered a referral by 26 October 2026"));
  }

  @Test
  void overdueIsFlaggedFromMidnightInLondonAfterTheDeadlineInSummerTime() {
    // Due Monday 30 March 2026, the day after the clocks go forward: midnight in London is 23:00
    // UTC.
    Connection c = waiting(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 30));
    assertThat(timersAt("2026-03-30T22:59:00Z").run().flagged()).isZero();
    assertThat(timersAt("2026-03-30T23:00:00Z").run().flagged()).isEqualTo(1);
    assertThat(
            events.stream(ConnectionAnswerOverdue.class)
                .filter(e -> e.connectionId().equals(c.id())))
        .hasSize(1);
  }

  @Test
  void theServiceIsChasedOnceTwoWorkingDaysBeforeTheDeadline() {
    // Due Monday 26 October 2026; two working days before is Thursday 22 October (still BST).
    Connection c = waiting(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 26));
    assertThat(timersAt("2026-10-21T22:59:00Z").run().chased()).isZero();
    assertThat(timersAt("2026-10-21T23:00:00Z").run().chased()).isEqualTo(1);
    assertThat(timersAt("2026-10-23T10:00:00Z").run().chased()).isZero();
    assertThat(events.stream(ConnectionChased.class).filter(e -> e.connectionId().equals(c.id())))
        .singleElement()
        .satisfies(e -> assertThat(e.serviceHolderId()).isEqualTo(f.vcs.id()));
    assertThat(notifications.inbox(f.coordinator.id(), 0, 10).notifications())
        .anySatisfy(
            n ->
                assertThat(n.title())
                    .isEqualTo(
                        "A referral to "
                            + f.waymarkService.details().name()
                            + " needs an answer by 26 October 2026"));
    assertThat(
            writer.history(store.find(c.id()).orElseThrow()).stream()
                .filter(h -> "SYSTEM".equals(h.side())))
        .hasSize(1);
  }

  @Test
  void anAnsweredReferralIsNeitherChasedNorFlagged() {
    Connection c = waiting(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 30));
    jdbc.sql("UPDATE connection SET status = 'ACCEPTED' WHERE id = ?").param(c.id()).update();
    ConnectionTimers.Result r = timersAt("2026-04-02T12:00:00Z").run();
    assertThat(r.chased() + r.flagged()).isZero();
  }

  @Test
  void twoInstancesRunningTogetherChaseAndFlagEachReferralOnce() throws Exception {
    for (int i = 0; i < 5; i++) {
      waiting(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 26));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<ConnectionTimers.Result>> runs = new ArrayList<>();
      runs.add(() -> timersAt("2026-10-27T08:00:00Z").run());
      runs.add(() -> timersAt("2026-10-27T08:00:00Z").run());
      int flagged = 0;
      for (Future<ConnectionTimers.Result> r : pool.invokeAll(runs)) {
        flagged += r.get().flagged();
      }
      assertThat(flagged).isEqualTo(5);
    } finally {
      pool.shutdown();
    }
  }
}
