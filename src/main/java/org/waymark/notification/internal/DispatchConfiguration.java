package org.waymark.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox's senders and dispatcher. Email goes through the configured mail server ({@code
 * spring.mail.host}) and texts through GOV.UK Notify ({@code waymark.notify.api-key}); without
 * them, messages are marked SKIPPED. The dispatcher runs as a db-scheduler recurring task, on one
 * instance at a time, and after each commit that adds messages ({@link DispatchNudge}).
 */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

  static final String TASK_NAME = "notification-dispatch";

  @Bean
  EmailSender notificationEmailSender(
      ObjectProvider<JavaMailSender> mail,
      @Value("${waymark.notification.email-from:waymark@localhost}") String from) {
    JavaMailSender sender = mail.getIfAvailable();
    return sender == null ? EmailSender.NONE : new SmtpEmailSender(sender, from);
  }

  @Bean
  SmsSender notificationSmsSender(
      @Value("${waymark.notify.api-key:}") String apiKey,
      @Value("${waymark.notify.sms-template-id:}") String templateId,
      @Value("${waymark.notify.base-url:https://api.notifications.service.gov.uk}") String baseUrl,
      Optional<Clock> clock) {
    if (apiKey == null || apiKey.isBlank()) {
      return SmsSender.NONE;
    }
    if (templateId == null || templateId.isBlank()) {
      throw new IllegalStateException(
          "waymark.notify.sms-template-id must name the GOV.UK Notify template whose body is ((body))");
    }
    return new GovUkNotifySmsSender(
        baseUrl, apiKey, templateId.strip(), clock.orElse(Clock.systemUTC()));
  }

  @Bean
  OutboxDispatcher outboxDispatcher(
      OutboxStore store,
      PlatformTransactionManager transactions,
      EmailSender email,
      SmsSender sms,
      @Value("${waymark.notification.lease:PT2M}") Duration lease,
      @Value("${waymark.notification.max-attempts:8}") int maxAttempts,
      Optional<Clock> clock) {
    return new OutboxDispatcher(
        store, transactions, email, sms, lease, maxAttempts, clock.orElse(Clock.systemUTC()));
  }

  @Bean
  RecurringTask<Void> notificationDispatchTask(
      OutboxDispatcher dispatcher,
      @Value("${waymark.notification.dispatch-every:PT5S}") Duration every) {
    return Tasks.recurring(TASK_NAME, FixedDelay.of(every))
        .execute((instance, context) -> dispatcher.dispatchDue());
  }
}
