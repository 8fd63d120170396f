package org.waymark.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.notification.NotificationTemplate.Audience;
import org.waymark.notification.internal.DeploymentId;
import org.waymark.notification.internal.DispatchNudge;
import org.waymark.notification.internal.InboxStore;
import org.waymark.notification.internal.OutboxStore;
import org.waymark.notification.internal.Placeholders;
import org.waymark.notification.internal.TemplateStore;

/**
 * The notification module's API. Notifications are written in the caller's transaction ({@link
 * Propagation#MANDATORY}): stored with the change that causes them, or not at all. Emails and texts
 * are sent afterwards by the outbox dispatcher; their text is fixed (rendered from the template in
 * use) when they are written.
 *
 * <p>Every value a template declares ({@link NotificationTemplate#placeholders()}) must be given; a
 * missing one is a programming error and throws {@link IllegalArgumentException}. Links are paths
 * inside Waymark, starting with a single {@code /}.
 */
@Service
public class Notifications {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{7,20}");

  private final InboxStore inbox;
  private final OutboxStore outbox;
  private final TemplateStore templates;
  private final DeploymentId deployment;
  private final IdentityManagement identity;
  private final DispatchNudge nudge;
  private final String publicBaseUrl;
  private final Clock clock;

  Notifications(
      InboxStore inbox,
      OutboxStore outbox,
      TemplateStore templates,
      DeploymentId deployment,
      IdentityManagement identity,
      DispatchNudge nudge,
      @Value("${waymark.public-base-url:http://localhost:8080}") String publicBaseUrl,
      Optional<Clock> clock) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.templates = templates;
    this.deployment = deployment;
    this.identity = identity;
    this.nudge = nudge;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /**
   * An in-app notification to a staff user, and an email to their sign-in address when the
   * template's email is switched on. Joins the caller's transaction ({@link
   * Propagation#MANDATORY}): stored with the change that causes it, or not at all. A disabled user
   * gets nothing.
   *
   * @param organisationId the organisation the notification concerns (the recipient's)
   * @param values the template's own placeholders ({@link NotificationTemplate#placeholders()});
   *     they appear only in the in-app title
   * @param link the path inside Waymark the notification leads to, for example {@code
   *     /connections/…}
   * @throws IllegalArgumentException if the template is not for staff, a value is missing, the link
   *     is not a path inside Waymark, or there is no such user
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void notifyUser(
      UUID organisationId,
      UUID userId,
      NotificationTemplate template,
      Map<String, String> values,
      String link) {
    checkStaff(template, values, link);
    UserAccount user =
        identity.user(userId).orElseThrow(() -> new IllegalArgumentException("No such user"));
    if (user.enabled()) {
      notify(organisationId, organisationName(organisationId), user, template, values, link);
    }
  }

  /**
   * The same as {@link #notifyUser} for every active user with that role in that organisation (for
   * example the VCS coordinators of a VCS organisation).
   *
   * @return how many users were notified; 0 if the organisation has nobody in that role
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int notifyRole(
      UUID organisationId,
      Role role,
      NotificationTemplate template,
      Map<String, String> values,
      String link) {
    checkStaff(template, values, link);
    List<UserAccount> users = identity.usersWithRole(organisationId, role);
    String organisation = organisationName(organisationId);
    for (UserAccount user : users) {
      notify(organisationId, organisation, user, template, values, link);
    }
    return users.size();
  }

  /**
   * A message to a person who is not a user (the caller has checked their consent): an email or a
   * text to that address or number. Joins the caller's transaction. When an administrator has
   * switched that channel off for the template, the message is recorded as SKIPPED, not sent.
   *
   * @param address an email address for {@link Channel#EMAIL}, a phone number for {@link
   *     Channel#SMS}
   * @return the outbox id of the message
   * @throws IllegalArgumentException if the template is not for people, a value is missing, or the
   *     address does not look like one for the channel
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID messagePerson(
      UUID organisationId,
      UUID personId,
      Channel channel,
      String address,
      NotificationTemplate template,
      Map<String, String> values) {
    if (template.audience() != Audience.PERSON) {
      throw new IllegalArgumentException(template + " is not a template for people");
    }
    requireValues(template, values);
    if (organisationId == null || personId == null || channel == null || address == null) {
      throw new IllegalArgumentException("Organisation, person, channel and address are required");
    }
    String to = address.strip();
    if (!(channel == Channel.EMAIL ? EMAIL : PHONE).matcher(to).matches()) {
      throw new IllegalArgumentException("Not an address for " + channel);
    }
    TemplateTexts texts = templates.find(deployment.get(), template).texts();
    boolean enabled = channel == Channel.EMAIL ? texts.emailEnabled() : texts.smsEnabled();
    UUID id = UUID.randomUUID();
    outbox.insert(
        organisationId,
        id,
        channel,
        template,
        null,
        personId,
        to,
        channel == Channel.EMAIL ? Placeholders.fill(texts.emailSubject(), values) : null,
        Placeholders.fill(channel == Channel.EMAIL ? texts.emailBody() : texts.smsBody(), values),
        enabled ? null : "switched off for this template by an administrator",
        clock.instant());
    if (enabled) {
      nudge.afterCommit();
    }
    return id;
  }

  /** How many unread in-app notifications the user has. */
  @Transactional(readOnly = true)
  public long unreadCount(UUID userId) {
    return inbox.unreadCount(userId);
  }

  /**
   * One page of the user's in-app notifications, newest first. The caller makes sure {@code userId}
   * is the signed-in user's.
   *
   * @param page from 0
   */
  @Transactional(readOnly = true)
  public InAppNotificationPage inbox(UUID userId, int page, int pageSize) {
    int p = Math.max(0, page);
    return new InAppNotificationPage(
        inbox.page(userId, p * pageSize, pageSize), p, pageSize, inbox.count(userId));
  }

  /**
   * Opens one of the user's notifications and marks it read.
   *
   * @return empty if the user has no notification with that id (someone else's included)
   */
  @Transactional
  public Optional<InAppNotification> open(UUID userId, UUID notificationId) {
    Optional<InAppNotification> found = inbox.find(userId, notificationId);
    found.ifPresent(n -> inbox.markRead(userId, notificationId, clock.instant()));
    return found;
  }

  /** Marks every notification of the user read; returns how many were unread. */
  @Transactional
  public int markAllRead(UUID userId) {
    return inbox.markAllRead(userId, clock.instant());
  }

  /** The absolute sign-in link for a path inside Waymark, as emails carry it. */
  public String absoluteLink(String path) {
    return publicBaseUrl + path;
  }

  private void notify(
      UUID organisationId,
      String organisation,
      UserAccount user,
      NotificationTemplate template,
      Map<String, String> values,
      String link) {
    TemplateTexts texts = templates.find(deployment.get(), template).texts();
    Instant now = clock.instant();
    // Only these reach an email: the recipient's own name, their organisation and a sign-in link.
    Map<String, String> own =
        Map.of(
            "name", user.displayName(), "organisation", organisation, "link", absoluteLink(link));
    if (texts.inAppEnabled()) {
      Map<String, String> titleValues = new HashMap<>(values);
      titleValues.putAll(own);
      titleValues.remove("link");
      inbox.insert(
          organisationId,
          UUID.randomUUID(),
          user.id(),
          template,
          Placeholders.fill(texts.inAppTitle(), titleValues),
          link,
          now);
    }
    if (texts.emailEnabled()) {
      outbox.insert(
          organisationId,
          UUID.randomUUID(),
          Channel.EMAIL,
          template,
          user.id(),
          null,
          user.email(),
          Placeholders.fill(texts.emailSubject(), own),
          Placeholders.fill(texts.emailBody(), own),
          null,
          now);
      nudge.afterCommit();
    }
  }

  private static void checkStaff(
      NotificationTemplate template, Map<String, String> values, String link) {
    if (template.audience() != Audience.STAFF) {
      throw new IllegalArgumentException(template + " is not a template for staff");
    }
    requireValues(template, values);
    if (link == null || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")) {
      throw new IllegalArgumentException("A link must be a path inside Waymark: " + link);
    }
  }

  private static void requireValues(NotificationTemplate template, Map<String, String> values) {
    if (values == null) {
      throw new IllegalArgumentException("No values for " + template);
    }
    for (String name : template.placeholders()) {
      if (values.get(name) == null) {
        throw new IllegalArgumentException("No value for ((" + name + ")) in " + template);
      }
    }
  }

  private String organisationName(UUID organisationId) {
    return identity
        .organisation(organisationId)
        .map(Organisation::name)
        .orElseThrow(() -> new IllegalArgumentException("No such organisation"));
  }
}
