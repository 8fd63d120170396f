package org.waymark.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A dispatcher in a JVM of its own, for the crash test: it claims what is due at the given time and
 * sends it to the given SMTP port, where a server that never finishes the exchange holds it until
 * the test kills this process.
 *
 * <p>Arguments: JDBC URL, user name, password, the instant to dispatch at, the SMTP port.
 */
public final class CrashingSender {

  private CrashingSender() {}

  public static void main(String[] args) {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(args[0], args[1], args[2]);
    JavaMailSenderImpl mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(Integer.parseInt(args[4]));
    new OutboxDispatcher(
            new OutboxStore(JdbcClient.create(dataSource)),
            new DataSourceTransactionManager(dataSource),
            new SmtpEmailSender(mail, "waymark@test.waymark"),
            SmsSender.NONE,
            Duration.ofMinutes(2),
            8,
            Clock.systemUTC())
        .dispatchDue(Instant.parse(args[3]));
  }
}
