package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.notification.NotificationFixtures.CONNECTION;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.notification.internal.CrashingSender;
import org.waymark.notification.internal.OutboxDispatcher;
import org.waymark.notification.internal.OutboxStore;
import org.waymark.notification.internal.SmsSender;
import org.waymark.notification.internal.SmtpEmailSender;
import org.waymark.support.TestDatabase;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * A sender killed in the middle of sending: its message is not lost, and once its lease has passed
 * another dispatcher delivers it exactly once.
 */
@WaymarkIntegrationTest
class NotificationCrashTests {

  @Autowired Notifications notifications;
  @Autowired IdentityManagement identity;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired OutboxStore store;

  /** An SMTP server that takes a whole message and then never answers. */
  static final class BlackHole implements AutoCloseable {
    final ServerSocket socket = new ServerSocket(0);
    final CountDownLatch messageTaken = new CountDownLatch(1);
    private final Thread thread = new Thread(this::serve, "smtp-black-hole");

    BlackHole() throws java.io.IOException {
      thread.setDaemon(true);
      thread.start();
    }

    private void serve() {
      try (Socket client = socket.accept()) {
        OutputStream out = client.getOutputStream();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        out.write("220 black-hole ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        boolean inData = false;
        String line;
        while ((line = in.readLine()) != null) {
          if (inData) {
            if (line.equals(".")) {
              // The whole message has arrived; the answer that would accept it never comes.
              messageTaken.countDown();
              inData = false;
            }
            continue;
          }
          String reply = line.toUpperCase().startsWith("DATA") ? "354 go ahead" : "250 OK";
          inData = reply.startsWith("354");
          out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      } catch (java.io.IOException e) {
        // The sender was killed: its connection ends.
      }
    }

    int port() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
    }
  }

  @Test
  void aSenderKilledMidSendLeavesItsMessageForTheNextDispatcherWhichDeliversItOnce()
      throws Exception {
    Instant due = NotificationFixtures.farFuture();
    Organisation org = NotificationFixtures.vcs(identity);
    UserAccount user = TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR);
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s -> {
              notifications.notifyUser(
                  org.id(),
                  user.id(),
                  NotificationTemplate.CONNECTION_REQUESTED,
                  CONNECTION,
                  "/connections/9");
              NotificationFixtures.dueAt(jdbc, user.id(), due);
            });
    UUID id = NotificationFixtures.outboxOf(jdbc, user.id()).get(0);

    try (BlackHole blackHole = new BlackHole()) {
      File log = new File("target/crashing-sender.log");
      Process sender =
          new ProcessBuilder(
                  new File(System.getProperty("java.home"), "bin/java").getPath(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashingSender.class.getName(),
                  TestDatabase.url(),
                  TestDatabase.username(),
                  TestDatabase.password(),
                  due.toString(),
                  Integer.toString(blackHole.port()))
              .redirectErrorStream(true)
              .redirectOutput(log)
              .start();
      try {
        assertThat(blackHole.messageTaken.await(60, TimeUnit.SECONDS))
            .as("the sender handed over a message (see " + log + ")")
            .isTrue();
      } finally {
        sender.destroyForcibly();
        sender.waitFor(30, TimeUnit.SECONDS);
      }
    }
    Map<String, Object> killed = NotificationFixtures.row(jdbc, id);
    assertThat(killed.get("status")).isEqualTo("SENDING");
    assertThat(killed.get("attempts")).isEqualTo(1);

    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    try {
      JavaMailSenderImpl mail = new JavaMailSenderImpl();
      mail.setHost("127.0.0.1");
      mail.setPort(greenMail.getSmtp().getPort());
      OutboxDispatcher restarted =
          new OutboxDispatcher(
              store,
              transactions,
              new SmtpEmailSender(mail, "waymark@test.waymark"),
              SmsSender.NONE,
              Duration.ofMinutes(2),
              8,
              Clock.systemUTC());
      // While the dead sender's lease lasts, the message stays with it.
      restarted.dispatchDue(due.plus(Duration.ofMinutes(1)));
      assertThat(NotificationFixtures.row(jdbc, id).get("status")).isEqualTo("SENDING");
      // After it, the restarted dispatcher sends it, once.
      restarted.dispatchDue(due.plus(Duration.ofMinutes(3)));
      restarted.dispatchDue(due.plus(Duration.ofMinutes(10)));

      List<MimeMessage> delivered =
          Arrays.stream(greenMail.getReceivedMessages())
              .filter(m -> recipient(m).equals(user.email()))
              .toList();
      assertThat(delivered).hasSize(1);
      assertThat(delivered.get(0).getHeader("Message-ID")[0]).isEqualTo("<" + id + "@waymark>");
      Map<String, Object> sent = NotificationFixtures.row(jdbc, id);
      assertThat(sent.get("status")).isEqualTo("SENT");
      assertThat(sent.get("attempts")).isEqualTo(2);
    } finally {
      greenMail.stop();
    }
  }

  private static String recipient(MimeMessage m) {
    try {
      return m.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
