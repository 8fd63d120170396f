package org.waymark.followup.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.followup.FollowUp;
import org.waymark.followup.FollowUpMissed;
import org.waymark.followup.FollowUpState;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.UserAccount;
import org.waymark.notification.Channel;
import org.waymark.notification.NotificationTemplate;
import org.waymark.notification.Notifications;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;

/**
 * Sends each follow-up's reminders once, however many instances run it at the same moment: the link
 * worker is told when a follow-up opens ({@code FOLLOW_UP_DUE}) and when it passes its target
 * ({@code FOLLOW_UP_OVERDUE}); the person is told their link worker will be in touch ({@code
 * FOLLOW_UP_REMINDER}), only if they agreed to email or texts and an address is held; a follow-up
 * still open after its closing date is marked missed and {@link FollowUpMissed} published.
 *
 * <p>Each reminder is claimed by setting its column where it is still empty, in the same
 * transaction that writes the notification (the notification module's outbox): an instance that
 * loses the race finds the column set once the winner commits and sends nothing; a failure rolls
 * the claim back with the message, so it is tried again on the next run.
 */
@Component
public class FollowUpReminders {

  private static final Logger log = LoggerFactory.getLogger(FollowUpReminders.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final int BATCH = 500;
  private static final int MAX_BATCHES = 40;

  private final FollowUpStore store;
  private final Notifications notifications;
  private final PersonManagement people;
  private final IdentityManagement identity;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  FollowUpReminders(
      FollowUpStore store,
      Notifications notifications,
      PersonManagement people,
      IdentityManagement identity,
      AuditLog audit,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions,
      Optional<Clock> clock) {
    this.store = store;
    this.notifications = notifications;
    this.people = people;
    this.identity = identity;
    this.audit = audit;
    this.events = events;
    this.transactions = new TransactionTemplate(transactions);
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** What one run did. */
  public record Result(int due, int overdue, int personReminders, int missed) {}

  /** Sends what is due now. */
  public Result run() {
    return runAt(clock.instant());
  }

  /** Sends what is due at {@code now}. */
  public Result runAt(Instant now) {
    LocalDate today = FollowUpDates.day(now);
    int[] counts = new int[4];
    for (int batch = 0; batch < MAX_BATCHES; batch++) {
      List<FollowUp> candidates = store.needingReminders(today, BATCH);
      for (FollowUp f : candidates) {
        try {
          remind(f, today, now, counts);
        } catch (RuntimeException e) {
          // One follow-up's problem (a link worker removed, say) must not stop the others.
          log.warn("Follow-up {}: a reminder could not be sent", f.id(), e);
        }
      }
      if (candidates.size() < BATCH) {
        break;
      }
    }
    Result result = new Result(counts[0], counts[1], counts[2], counts[3]);
    if (counts[0] + counts[1] + counts[2] + counts[3] > 0) {
      log.info(
          "Follow-up reminders: {} due, {} overdue, {} to people, {} missed",
          result.due(),
          result.overdue(),
          result.personReminders(),
          result.missed());
    }
    return result;
  }

  private void remind(FollowUp f, LocalDate today, Instant now, int[] counts) {
    FollowUpState state = f.state(today);
    switch (state) {
      case DUE -> {
        if (inTransaction(() -> claimAndNotify(f, "due_notified_at", now))) {
          counts[0]++;
        }
        if (inTransaction(() -> claimAndMessagePerson(f, now))) {
          counts[2]++;
        }
      }
      case OVERDUE -> {
        // Opened and passed its target since the last run: the overdue notice says it all.
        inTransaction(() -> store.claim(f.organisationId(), f.id(), "due_notified_at", now));
        if (inTransaction(() -> claimAndNotify(f, "overdue_notified_at", now))) {
          counts[1]++;
        }
        if (inTransaction(() -> claimAndMessagePerson(f, now))) {
          counts[2]++;
        }
      }
      case MISSED -> {
        if (inTransaction(() -> claimMissed(f, now))) {
          counts[3]++;
        }
      }
      default -> {
        // Upcoming or done: nothing to send.
      }
    }
  }

  private boolean claimAndNotify(FollowUp f, String column, Instant now) {
    if (!store.claim(f.organisationId(), f.id(), column, now)) {
      return false;
    }
    boolean overdue = column.equals("overdue_notified_at");
    notifications.notifyUser(
        f.organisationId(),
        f.linkWorkerId(),
        overdue ? NotificationTemplate.FOLLOW_UP_OVERDUE : NotificationTemplate.FOLLOW_UP_DUE,
        Map.of("follow_up", f.name(), "target", DAY.format(f.targetOn())),
        "/follow-ups/" + f.id());
    return true;
  }

  /**
   * Claims the person's reminder and sends it if they may be contacted: claimed either way, so a
   * person without consent is not looked up again on every run.
   */
  private boolean claimAndMessagePerson(FollowUp f, Instant now) {
    if (!store.claim(f.organisationId(), f.id(), "person_reminded_at", now)) {
      return false;
    }
    Optional<PersonDetails> found =
        people.detailsForSystemMessage(f.organisationId(), f.personId(), "follow-up reminder");
    if (found.isEmpty() || found.get().deceased()) {
      return false;
    }
    PersonDetails d = found.get();
    Channel channel;
    String address;
    if (d.emailConsent() && d.email() != null && !d.email().isBlank()) {
      channel = Channel.EMAIL;
      address = d.email();
    } else if (d.smsConsent() && d.mobile() != null && !d.mobile().isBlank()) {
      channel = Channel.SMS;
      address = d.mobile();
    } else {
      return false; // they did not agree to be contacted this way
    }
    String linkWorker =
        identity.user(f.linkWorkerId()).map(UserAccount::displayName).orElse("your link worker");
    String service =
        identity.organisation(f.organisationId()).map(Organisation::name).orElse("the practice");
    String name =
        d.preferredName() != null && !d.preferredName().isBlank()
            ? d.preferredName()
            : d.givenName();
    try {
      notifications.messagePerson(
          f.organisationId(),
          f.personId(),
          channel,
          address,
          NotificationTemplate.FOLLOW_UP_REMINDER,
          Map.of("name", name, "link_worker", linkWorker, "service", service));
    } catch (IllegalArgumentException e) {
      // An address that is not one: nothing can be sent, and trying again will not help.
      log.warn("Follow-up {}: the person's {} address is not usable", f.id(), channel);
      return false;
    }
    audit.record(
        new AuditActor(org.waymark.audit.AuditLog.DEPLOYMENT, null, null, null),
        AuditEntry.allowed("FOLLOW_UP_REMINDER_SENT", "follow_up", f.id(), f.personId())
            .withDetail("channel=" + channel));
    return true;
  }

  private boolean claimMissed(FollowUp f, Instant now) {
    if (!store.claim(f.organisationId(), f.id(), "missed_at", now)) {
      return false;
    }
    events.publishEvent(
        new FollowUpMissed(
            f.id(), f.organisationId(), f.caseId(), f.personId(), f.name(), f.closesOn()));
    return true;
  }

  private boolean inTransaction(java.util.function.Supplier<Boolean> work) {
    return Boolean.TRUE.equals(transactions.execute(s -> work.get()));
  }
}
