package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waymark.notification.NotificationFixtures.CONNECTION;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.notification.internal.DeliveryResult;
import org.waymark.notification.internal.EmailSender;
import org.waymark.notification.internal.OutboxDispatcher;
import org.waymark.notification.internal.OutboxStore;
import org.waymark.notification.internal.SmsSender;
import org.waymark.notification.internal.SmtpEmailSender;
import org.waymark.person.PersonsMerged;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * The outbox: written in the caller's transaction or not at all, sent by dispatchers that hold each
 * message under a lease, tried again with back-off, and delivered by a real SMTP server
 * (GreenMail). Tests use explicit instants far in the future, so the application's own dispatcher
 * never touches their messages and nothing sleeps.
 */
@WaymarkIntegrationTest
class NotificationOutboxTests {

  @Autowired Notifications notifications;
  @Autowired IdentityManagement identity;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired OutboxStore store;
  @Autowired OutboxDispatcher applicationDispatcher;
  @Autowired org.springframework.context.ApplicationEventPublisher events;

  GreenMail greenMail;
  TransactionTemplate tx;

  @BeforeEach
  void start() {
    greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    tx = new TransactionTemplate(transactions);
  }

  @AfterEach
  void stop() {
    greenMail.stop();
  }

  EmailSender greenMailSender() {
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(greenMail.getSmtp().getPort());
    return new SmtpEmailSender(mail, "waymark@test.waymark");
  }

  OutboxDispatcher dispatcher(EmailSender email, SmsSender sms, int maxAttempts) {
    return new OutboxDispatcher(
        store, transactions, email, sms, Duration.ofMinutes(2), maxAttempts, Clock.systemUTC());
  }

  /**
   * A fresh VCS organisation with one coordinator, notified of a connection, due at {@code due}.
   */
  record Notified(Organisation organisation, UserAccount user) {}

  Notified coordinatorNotified(Instant due) {
    Organisation org = NotificationFixtures.vcs(identity);
    UserAccount user = TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR);
    tx.executeWithoutResult(
        s -> {
          assertThat(
                  notifications.notifyRole(
                      org.id(),
                      Role.VCS_COORDINATOR,
                      NotificationTemplate.CONNECTION_REQUESTED,
                      CONNECTION,
                      "/connections/42"))
              .isEqualTo(1);
          NotificationFixtures.dueAt(jdbc, user.id(), due);
        });
    return new Notified(org, user);
  }

  List<MimeMessage> receivedBy(String address) throws Exception {
    List<MimeMessage> mine = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address))) {
        mine.add(m);
      }
    }
    return mine;
  }

  @Test
  void aRolledBackCallerLeavesNothing() {
    Organisation org = NotificationFixtures.vcs(identity);
    UserAccount user = TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR);
    UUID person = UUID.randomUUID();
    tx.executeWithoutResult(
        s -> {
          notifications.notifyUser(
              org.id(),
              user.id(),
              NotificationTemplate.CONNECTION_REQUESTED,
              CONNECTION,
              "/connections/1");
          notifications.messagePerson(
              org.id(),
              person,
              Channel.SMS,
              "07700 900123",
              NotificationTemplate.WHAT_WE_AGREED,
              Map.of("name", "Sam", "summary", "Walking group, 01632 960000", "link_worker", "Jo"));
          s.setRollbackOnly();
        });
    assertThat(NotificationFixtures.outboxOf(jdbc, user.id())).isEmpty();
    assertThat(NotificationFixtures.inboxCount(jdbc, user.id())).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM notification_outbox WHERE recipient_person_id = ?")
                .param(person)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aCommittedCallerLeavesExactlyItsRows() {
    Organisation org = NotificationFixtures.vcs(identity);
    UserAccount first = TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR);
    UserAccount second = TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR);
    UserAccount linkWorkerElsewhere = TestUsers.create(identity, org.id(), Role.REFERRER);
    int notified =
        tx.execute(
            s ->
                notifications.notifyRole(
                    org.id(),
                    Role.VCS_COORDINATOR,
                    NotificationTemplate.CONNECTION_REQUESTED,
                    CONNECTION,
                    "/connections/7"));
    assertThat(notified).isEqualTo(2);
    for (UserAccount u : List.of(first, second)) {
      assertThat(NotificationFixtures.inboxCount(jdbc, u.id())).isEqualTo(1);
      assertThat(NotificationFixtures.outboxOf(jdbc, u.id())).hasSize(1);
      assertThat(notifications.unreadCount(u.id())).isEqualTo(1);
    }
    assertThat(NotificationFixtures.inboxCount(jdbc, linkWorkerElsewhere.id())).isZero();
    // The in-app title names the service; the email never does.
    Map<String, Object> email =
        NotificationFixtures.row(jdbc, NotificationFixtures.outboxOf(jdbc, first.id()).get(0));
    assertThat(email.get("address")).isEqualTo(first.email());
    assertThat(email.get("subject")).isEqualTo("Waymark: something needs your attention");
    assertThat((String) email.get("body"))
        .contains("Hello " + first.displayName())
        .contains(org.name())
        .contains("http://localhost:8080/connections/7")
        .doesNotContain("Memory Cafe")
        .doesNotContain("dementia");
    assertThat(notifications.inbox(first.id(), 0, 10).notifications())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.title())
                  .isEqualTo("New referral to Memory Cafe for people living with dementia");
              assertThat(n.link()).isEqualTo("/connections/7");
              assertThat(n.unread()).isTrue();
            });
  }

  @Test
  void notificationsJoinTheCallersTransactionAndNeedOne() {
    Organisation org = NotificationFixtures.vcs(identity);
    UserAccount user = TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR);
    assertThatThrownBy(
            () ->
                notifications.notifyUser(
                    org.id(),
                    user.id(),
                    NotificationTemplate.CONNECTION_REQUESTED,
                    CONNECTION,
                    "/connections/1"))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void aMissingValueOrForeignLinkIsAProgrammingError() {
    Organisation org = NotificationFixtures.vcs(identity);
    UserAccount user = TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR);
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s ->
                        notifications.notifyUser(
                            org.id(),
                            user.id(),
                            NotificationTemplate.CONNECTION_CHASED,
                            Map.of("service", "Walking group"),
                            "/connections/1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("((due))");
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s ->
                        notifications.notifyUser(
                            org.id(),
                            user.id(),
                            NotificationTemplate.CONNECTION_REQUESTED,
                            CONNECTION,
                            "https://elsewhere.example/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    s ->
                        notifications.messagePerson(
                            org.id(),
                            UUID.randomUUID(),
                            Channel.EMAIL,
                            "sam@example.org",
                            NotificationTemplate.WHAT_WE_AGREED,
                            Map.of("name", "Sam"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void greenMailReceivesTheEmailWithItsSubjectBodyAndMessageIdAndNoHealthDetails()
      throws Exception {
    Instant due = NotificationFixtures.farFuture();
    Notified n = coordinatorNotified(due);
    UUID id = NotificationFixtures.outboxOf(jdbc, n.user().id()).get(0);

    dispatcher(greenMailSender(), SmsSender.NONE, 8).dispatchDue(due);

    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
    List<MimeMessage> received = receivedBy(n.user().email());
    assertThat(received).hasSize(1);
    MimeMessage mail = received.get(0);
    assertThat(mail.getSubject()).isEqualTo("Waymark: something needs your attention");
    assertThat(mail.getHeader("Message-ID")[0]).isEqualTo("<" + id + "@waymark>");
    String body = GreenMailUtil.getBody(mail).replace("\r\n", "\n");
    assertThat(body)
        .startsWith("Hello " + n.user().displayName() + ",")
        .contains("There is something new for " + n.organisation().name() + " in Waymark")
        .contains("http://localhost:8080/connections/42")
        .contains("This email does not contain any personal details.")
        .doesNotContain("Memory Cafe")
        .doesNotContain("dementia")
        .doesNotContain("12 March");
    Map<String, Object> row = NotificationFixtures.row(jdbc, id);
    assertThat(row.get("status")).isEqualTo("SENT");
    assertThat(row.get("attempts")).isEqualTo(1);
    assertThat(row.get("provider_reference")).isEqualTo("<" + id + "@waymark>");
  }

  @Test
  void aMessageThatMayGoThroughLaterIsTriedAgainWithBackOffThenFails() {
    Instant due = NotificationFixtures.farFuture();
    Notified n = coordinatorNotified(due);
    UUID id = NotificationFixtures.outboxOf(jdbc, n.user().id()).get(0);
    EmailSender busy = email -> DeliveryResult.retry("421 try again later");
    OutboxDispatcher dispatcher = dispatcher(busy, SmsSender.NONE, 3);

    dispatcher.dispatchDue(due);
    Map<String, Object> first = NotificationFixtures.row(jdbc, id);
    assertThat(first.get("status")).isEqualTo("PENDING");
    assertThat(first.get("last_error")).isEqualTo("421 try again later");
    assertThat(instant(first.get("next_attempt_at"))).isEqualTo(due.plusSeconds(30));

    // Not due before then.
    assertThat(dispatcher.claim(due.plusSeconds(29))).noneMatch(m -> m.id().equals(id));
    dispatcher.dispatchDue(due.plusSeconds(30));
    assertThat(instant(NotificationFixtures.row(jdbc, id).get("next_attempt_at")))
        .isEqualTo(due.plusSeconds(30 + 60));

    dispatcher.dispatchDue(due.plusSeconds(90));
    Map<String, Object> last = NotificationFixtures.row(jdbc, id);
    assertThat(last.get("status")).isEqualTo("FAILED");
    assertThat(last.get("attempts")).isEqualTo(3);
    assertThat((String) last.get("last_error")).startsWith("Gave up after 3 attempts");
  }

  @Test
  void aRefusedMessageFailsAtOnceWithTheError() {
    Instant due = NotificationFixtures.farFuture();
    Notified n = coordinatorNotified(due);
    UUID id = NotificationFixtures.outboxOf(jdbc, n.user().id()).get(0);
    dispatcher(email -> DeliveryResult.failed("550 no such mailbox"), SmsSender.NONE, 8)
        .dispatchDue(due);
    Map<String, Object> row = NotificationFixtures.row(jdbc, id);
    assertThat(row.get("status")).isEqualTo("FAILED");
    assertThat(row.get("last_error")).isEqualTo("550 no such mailbox");
  }

  @Test
  void withoutAMailServerEmailIsSkippedWithTheReason() {
    Instant due = NotificationFixtures.farFuture();
    Notified n = coordinatorNotified(due);
    UUID id = NotificationFixtures.outboxOf(jdbc, n.user().id()).get(0);
    // The application's own dispatcher: the test configuration has no spring.mail.host.
    applicationDispatcher.dispatchDue(due);
    Map<String, Object> row = NotificationFixtures.row(jdbc, id);
    assertThat(row.get("status")).isEqualTo("SKIPPED");
    assertThat(row.get("last_error")).isEqualTo("no mail server configured");
  }

  @Test
  void aMessageWhoseLeaseRanOutIsClaimedAgainAndTheOldSenderCannotOverwriteIt() {
    Instant due = NotificationFixtures.farFuture();
    Notified n = coordinatorNotified(due);
    UUID id = NotificationFixtures.outboxOf(jdbc, n.user().id()).get(0);
    OutboxDispatcher dispatcher = dispatcher(greenMailSender(), SmsSender.NONE, 8);

    var claimed = dispatcher.claim(due).stream().filter(m -> m.id().equals(id)).findFirst();
    assertThat(claimed).isPresent();
    // Its sender stops here. While the lease lasts nobody else takes the message...
    assertThat(dispatcher.claim(due.plus(Duration.ofMinutes(1)))).noneMatch(m -> m.id().equals(id));
    // ...and once it has passed, another dispatcher does.
    dispatcher.dispatchDue(due.plus(Duration.ofMinutes(3)));
    Map<String, Object> row = NotificationFixtures.row(jdbc, id);
    assertThat(row.get("status")).isEqualTo("SENT");
    assertThat(row.get("attempts")).isEqualTo(2);
    // The first sender coming back late records nothing over the second attempt.
    assertThat(store.retryLater(claimed.get(), "late", due)).isFalse();
    assertThat(NotificationFixtures.row(jdbc, id).get("status")).isEqualTo("SENT");
  }

  @Test
  void twoDispatchersInParallelSendEachMessageOnce() throws Exception {
    Instant due = NotificationFixtures.farFuture();
    Organisation org = NotificationFixtures.vcs(identity);
    List<UserAccount> users = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      users.add(TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR));
    }
    tx.executeWithoutResult(
        s -> {
          for (int round = 0; round < 4; round++) {
            notifications.notifyRole(
                org.id(),
                Role.VCS_COORDINATOR,
                NotificationTemplate.CONNECTION_REQUESTED,
                CONNECTION,
                "/connections/" + round);
          }
          users.forEach(u -> NotificationFixtures.dueAt(jdbc, u.id(), due));
        });
    Set<UUID> ours = ConcurrentHashMap.newKeySet();
    users.forEach(u -> ours.addAll(NotificationFixtures.outboxOf(jdbc, u.id())));
    assertThat(ours).hasSize(48);

    Map<UUID, Integer> sends = new ConcurrentHashMap<>();
    CountDownLatch bothStarted = new CountDownLatch(2);
    EmailSender counting =
        email -> {
          sends.merge(email.id(), 1, Integer::sum);
          return DeliveryResult.sent("test");
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        OutboxDispatcher d = dispatcher(counting, SmsSender.NONE, 8);
        runs.add(
            pool.submit(
                () -> {
                  bothStarted.countDown();
                  bothStarted.await(5, TimeUnit.SECONDS);
                  return d.dispatchDue(due);
                }));
      }
      for (Future<Integer> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sends.keySet()).containsAll(ours);
    assertThat(sends.entrySet())
        .filteredOn(e -> ours.contains(e.getKey()))
        .allSatisfy(e -> assertThat(e.getValue()).as("sends of " + e.getKey()).isEqualTo(1));
  }

  @Test
  void aPersonMergeMovesTheirMessages() {
    UUID organisation = NotificationFixtures.vcs(identity).id();
    UUID merged = UUID.randomUUID();
    UUID kept = UUID.randomUUID();
    UUID id =
        tx.execute(
            s -> {
              UUID m =
                  notifications.messagePerson(
                      organisation,
                      merged,
                      Channel.EMAIL,
                      "sam@example.org",
                      NotificationTemplate.WHAT_WE_AGREED,
                      Map.of("name", "Sam", "summary", "Walking group", "link_worker", "Jo"));
              NotificationFixtures.messageDueAt(jdbc, m, NotificationFixtures.farFuture());
              return m;
            });
    tx.executeWithoutResult(
        s -> events.publishEvent(new PersonsMerged(organisation, kept, merged)));
    assertThat(NotificationFixtures.row(jdbc, id).get("recipient_person_id")).isEqualTo(kept);
  }

  @Test
  void aMessageToAPersonCarriesWhatTheCallerComposed() throws Exception {
    Instant due = NotificationFixtures.farFuture();
    UUID organisation = NotificationFixtures.vcs(identity).id();
    String address = "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    UUID id =
        tx.execute(
            s -> {
              UUID m =
                  notifications.messagePerson(
                      organisation,
                      UUID.randomUUID(),
                      Channel.EMAIL,
                      address,
                      NotificationTemplate.WHAT_WE_AGREED,
                      Map.of(
                          "name",
                          "Sam",
                          "summary",
                          "Walking group: call 01632 960000",
                          "link_worker",
                          "Jo Bloggs"));
              NotificationFixtures.messageDueAt(jdbc, m, due);
              return m;
            });
    dispatcher(greenMailSender(), SmsSender.NONE, 8).dispatchDue(due);
    assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
    MimeMessage mail = receivedBy(address).get(0);
    assertThat(mail.getSubject()).isEqualTo("What we agreed with your link worker");
    assertThat(GreenMailUtil.getBody(mail).replace("\r\n", "\n"))
        .startsWith("Hello Sam,")
        .contains("Walking group: call 01632 960000")
        .contains("Jo Bloggs");
    assertThat(NotificationFixtures.row(jdbc, id).get("status")).isEqualTo("SENT");
  }

  private static Instant instant(Object timestamp) {
    return ((java.sql.Timestamp) timestamp).toInstant();
  }
}
