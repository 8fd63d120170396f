package org.waymark.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.directory.DirectoryCuration;
import org.waymark.followup.internal.FollowUpReminders;
import org.waymark.identity.IdentityManagement;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * Reminders are sent once each, even when two instances run the task at the same moment, and a
 * person hears from Waymark only if they agreed to that channel and an address is held.
 */
@WaymarkIntegrationTest
class FollowUpReminderTests {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired CaseClosures closures;
  @Autowired FollowUps followUps;
  @Autowired FollowUpReminders reminders;
  @Autowired JdbcClient jdbc;

  ConnectionFixture f;
  FollowUpFixture cases;
  LocalDate today;

  @BeforeEach
  void setUp() {
    f = new ConnectionFixture(identity, curation, port);
    cases = new FollowUpFixture(f, referrals, triage, closures);
    today = LocalDate.now(LONDON);
  }

  @Test
  void twoInstancesRunningAtOnceSendEachReminderExactlyOnce() throws Exception {
    // Due now, and she agreed to emails.
    CaseFile due =
        cases.openCase(
            "Freda",
            "Whiteley",
            today.minusMonths(9).minusDays(2),
            b -> b.email("freda.whiteley@example.com", true));
    // Overdue, and he agreed to texts.
    CaseFile overdue =
        cases.openCase(
            "Gordon",
            "Yeadon",
            today.minusMonths(10).minusDays(4),
            b -> b.mobile("07700 900321", true));
    // Missed.
    CaseFile missed = cases.openCase("Hilda", "Ambler", today.minusMonths(13));

    List<FollowUpReminders.Result> results = runConcurrently(2);

    assertThat(staffMessages("FOLLOW_UP_DUE")).isEqualTo(1);
    assertThat(staffMessages("FOLLOW_UP_OVERDUE")).isEqualTo(1);
    assertThat(inApp("FOLLOW_UP_DUE")).isEqualTo(1);
    assertThat(inApp("FOLLOW_UP_OVERDUE")).isEqualTo(1);
    assertThat(personMessages(due.personId(), "EMAIL")).isEqualTo(1);
    assertThat(personMessages(overdue.personId(), "SMS")).isEqualTo(1);
    assertThat(personMessages(missed.personId(), null)).isZero();
    assertThat(column(missed, "missed_at")).isNotNull();
    assertThat(column(due, "due_notified_at")).isNotNull();
    assertThat(column(due, "overdue_notified_at")).isNull();
    // An overdue one that was never told it was due gets only the overdue notice.
    assertThat(column(overdue, "due_notified_at")).isNotNull();
    assertThat(results.stream().mapToInt(FollowUpReminders.Result::missed).sum())
        .isGreaterThanOrEqualTo(1);

    String body =
        jdbc.sql(
                "SELECT body FROM notification_outbox WHERE recipient_person_id = ? AND template = 'FOLLOW_UP_REMINDER'")
            .param(due.personId())
            .query(String.class)
            .single();
    assertThat(body)
        .contains("Hello Freda", f.linkWorker.displayName(), f.pcn.name(), "in touch")
        .doesNotContain("Loneliness", "lonely", "cut off");

    // A later run sends nothing again.
    reminders.runAt(Instant.now());
    assertThat(staffMessages("FOLLOW_UP_DUE")).isEqualTo(1);
    assertThat(staffMessages("FOLLOW_UP_OVERDUE")).isEqualTo(1);
    assertThat(personMessages(due.personId(), "EMAIL")).isEqualTo(1);
  }

  @Test
  void aPersonWhoDidNotAgreeOrHasNoAddressIsNotMessaged() throws Exception {
    CaseFile noConsent =
        cases.openCase(
            "Ivy",
            "Brear",
            today.minusMonths(9).minusDays(2),
            b -> b.email("ivy.brear@example.com", false).mobile("07700 900322", false));
    CaseFile noAddress =
        cases.openCase("Jack", "Crowther", today.minusMonths(9).minusDays(2), b -> {});
    runConcurrently(2);
    assertThat(personMessages(noConsent.personId(), null)).isZero();
    assertThat(personMessages(noAddress.personId(), null)).isZero();
    assertThat(staffMessages("FOLLOW_UP_DUE")).isEqualTo(2);
    assertThat(column(noConsent, "person_reminded_at")).isNotNull();
  }

  @Test
  void aCompletedOrUpcomingFollowUpIsNotReminded() throws Exception {
    CaseFile upcoming = cases.openCase("Kenneth", "Dyson", today.minusMonths(9).plusDays(5));
    CaseFile recorded =
        cases.openCase(
            "Lily",
            "Exley",
            today.minusMonths(9).minusDays(2),
            b -> b.email("lily.exley@example.com", true));
    FollowUp x = ConnectionFixture.as(f.linkWorker, () -> followUps.forCase(recorded.id())).get(0);
    ConnectionFixture.as(
        f.linkWorker,
        () ->
            followUps.record(
                x.id(),
                x.version(),
                new FollowUpAnswers(AttemptOutcome.DECLINED, null, List.of(), null, null, null)));
    runConcurrently(1);
    assertThat(staffMessages("FOLLOW_UP_DUE")).isZero();
    assertThat(personMessages(recorded.personId(), null)).isZero();
    assertThat(column(upcoming, "due_notified_at")).isNull();
  }

  private List<FollowUpReminders.Result> runConcurrently(int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    Instant now = Instant.now();
    List<Future<FollowUpReminders.Result>> runs = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      runs.add(
          pool.submit(
              () -> {
                start.await();
                return reminders.runAt(now);
              }));
    }
    start.countDown();
    List<FollowUpReminders.Result> results = new ArrayList<>();
    for (Future<FollowUpReminders.Result> run : runs) {
      results.add(run.get(2, TimeUnit.MINUTES));
    }
    pool.shutdown();
    return results;
  }

  private long staffMessages(String template) {
    return jdbc.sql(
            "SELECT count(*) FROM notification_outbox WHERE recipient_user_id = ? AND template = ?")
        .params(f.linkWorker.id(), template)
        .query(Long.class)
        .single();
  }

  private long inApp(String template) {
    return jdbc.sql("SELECT count(*) FROM notification_inbox WHERE user_id = ? AND template = ?")
        .params(f.linkWorker.id(), template)
        .query(Long.class)
        .single();
  }

  private long personMessages(UUID personId, String channel) {
    return jdbc.sql(
            "SELECT count(*) FROM notification_outbox WHERE recipient_person_id = ?"
                + " AND template = 'FOLLOW_UP_REMINDER'"
                + (channel == null ? "" : " AND channel = '" + channel + "'"))
        .param(personId)
        .query(Long.class)
        .single();
  }

  private Instant column(CaseFile c, String column) {
    return jdbc.sql(
            "SELECT " + column + " FROM follow_up WHERE case_id = ? AND counts_from = 'REFERRAL'")
        .param(c.id())
        .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)))
        .single()
        .map(java.sql.Timestamp::toInstant)
        .orElse(null);
  }
}
