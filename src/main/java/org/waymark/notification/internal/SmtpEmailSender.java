package org.waymark.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email through SMTP. Each message carries the {@code Message-ID} {@code <outbox-id@waymark>}, the
 * same on every attempt, so a receiving system can recognise a repeat.
 */
public class SmtpEmailSender implements EmailSender {

  private final JavaMailSender mail;
  private final String from;

  public SmtpEmailSender(JavaMailSender mail, String from) {
    this.mail = mail;
    this.from = from;
  }

  /** The Message-ID of an outbox email. */
  public static String messageId(OutboxMessage email) {
    return "<" + email.id() + "@waymark>";
  }

  @Override
  public DeliveryResult send(OutboxMessage email) {
    MimeMessage message;
    try {
      message = new FixedIdMessage(messageId(email));
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(email.address());
      helper.setSubject(email.subject());
      helper.setText(email.body(), false);
    } catch (MessagingException e) {
      return DeliveryResult.failed("Cannot write the email: " + e.getMessage());
    }
    try {
      mail.send(message);
      return DeliveryResult.sent(messageId(email));
    } catch (MailParseException | MailPreparationException e) {
      return DeliveryResult.failed(e.getMessage());
    } catch (MailSendException e) {
      boolean refused =
          e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
      return refused
          ? DeliveryResult.failed("The mail server refused the address: " + e.getMessage())
          : DeliveryResult.retry(e.getMessage());
    } catch (MailException e) {
      // Authentication and connection problems: the server or its settings may be fixed meanwhile.
      return DeliveryResult.retry(e.getMessage());
    }
  }

  /** A message whose Message-ID is fixed instead of generated when it is saved. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(String id) {
      super(Session.getInstance(new Properties()));
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
