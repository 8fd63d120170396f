package org.waymark.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.WaymarkUser;
import org.waymark.notification.NotificationTemplate.Audience;
import org.waymark.notification.TemplateValidationException.Problem;
import org.waymark.notification.internal.DeploymentId;
import org.waymark.notification.internal.OutboxStore;
import org.waymark.notification.internal.Placeholders;
import org.waymark.notification.internal.TemplateStore;

/**
 * Maintaining the notification templates: for administrators ({@link
 * Permission#MAINTAIN_NOTIFICATION_TEMPLATES}, checked with {@link AccessPolicy#require}).
 * Templates belong to the whole deployment. Every change is audited ({@code
 * NOTIFICATION_TEMPLATE_UPDATED}, {@code NOTIFICATION_TEMPLATE_RESET}) with the template's name as
 * the record id; an edit names the version it started from, and a stale one is refused ({@link
 * TemplateConflictException}).
 */
@Service
public class NotificationTemplates {

  static final String RECORD_TYPE = "notification_template";
  private static final int MAX_LINE = 200;
  private static final int MAX_BODY = 5000;
  // GOV.UK Notify sends at most 918 characters in one text message.
  private static final int MAX_SMS = 918;

  private final TemplateStore store;
  private final OutboxStore outbox;
  private final DeploymentId deployment;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final Clock clock;

  NotificationTemplates(
      TemplateStore store,
      OutboxStore outbox,
      DeploymentId deployment,
      AccessPolicy access,
      AuditLog audit,
      Optional<Clock> clock) {
    this.store = store;
    this.outbox = outbox;
    this.deployment = deployment;
    this.access = access;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** Every template as the deployment uses it now, in declaration order. */
  @Transactional(readOnly = true)
  public List<StoredTemplate> all() {
    require(null);
    return Arrays.stream(NotificationTemplate.values())
        .map(t -> store.find(deployment.get(), t))
        .toList();
  }

  @Transactional(readOnly = true)
  public StoredTemplate get(NotificationTemplate template) {
    require(template);
    return store.find(deployment.get(), template);
  }

  /**
   * Saves new texts and switches if the template is still at {@code version}. A save that changes
   * nothing is neither written nor audited.
   *
   * @throws TemplateConflictException if someone saved the template since {@code version}
   * @throws TemplateValidationException if a text is missing, too long, or uses a placeholder the
   *     template may not use there
   */
  @Transactional
  public StoredTemplate save(NotificationTemplate template, long version, TemplateTexts texts) {
    require(template);
    StoredTemplate current = store.find(deployment.get(), template);
    if (current.version() != version) {
      throw new TemplateConflictException(current);
    }
    TemplateTexts clean = clean(template, texts);
    List<Problem> problems = problems(template, clean);
    if (!problems.isEmpty()) {
      throw new TemplateValidationException(problems);
    }
    List<String> changed = changed(current.texts(), clean);
    if (changed.isEmpty()) {
      return current;
    }
    write(template, version, clean);
    audit.record(
        AuditEntry.allowed("NOTIFICATION_TEMPLATE_UPDATED", RECORD_TYPE, template.name(), null)
            .withDetail("Changed: " + String.join(", ", changed)));
    return store.find(deployment.get(), template);
  }

  /**
   * Puts the template's default texts and switches back, if it is still at {@code version}.
   *
   * @throws TemplateConflictException if someone saved the template since {@code version}
   */
  @Transactional
  public StoredTemplate reset(NotificationTemplate template, long version) {
    require(template);
    StoredTemplate current = store.find(deployment.get(), template);
    if (current.version() != version) {
      throw new TemplateConflictException(current);
    }
    if (!current.customised()) {
      return current;
    }
    write(template, version, template.defaults());
    audit.record(
        AuditEntry.allowed("NOTIFICATION_TEMPLATE_RESET", RECORD_TYPE, template.name(), null));
    return store.find(deployment.get(), template);
  }

  /**
   * The most recent emails and texts, newest first, with their status and last error (never their
   * address or text): where administrators see messages that were skipped or failed.
   */
  @Transactional(readOnly = true)
  public List<OutboxEntry> recentMessages(int limit) {
    require(null);
    return outbox.recent(limit);
  }

  private void write(NotificationTemplate template, long version, TemplateTexts texts) {
    boolean written =
        store.save(
            deployment.get(),
            template,
            version,
            texts,
            access.currentUser().map(WaymarkUser::userId).orElse(null),
            clock.instant());
    if (!written) {
      // Another administrator saved between reading and writing.
      throw new TemplateConflictException(store.find(deployment.get(), template));
    }
  }

  /** Trims the texts, normalises line ends, and drops the fields the audience does not have. */
  private static TemplateTexts clean(NotificationTemplate template, TemplateTexts t) {
    boolean staff = template.audience() == Audience.STAFF;
    return new TemplateTexts(
        staff ? clean(t.inAppTitle()) : null,
        clean(t.emailSubject()),
        clean(t.emailBody()),
        staff ? null : clean(t.smsBody()),
        staff && t.inAppEnabled(),
        t.emailEnabled(),
        !staff && t.smsEnabled());
  }

  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String s = text.replace("\r\n", "\n").replace('\r', '\n').strip();
    return s.isEmpty() ? null : s;
  }

  static List<Problem> problems(NotificationTemplate template, TemplateTexts t) {
    List<Problem> problems = new ArrayList<>();
    if (template.audience() == Audience.STAFF) {
      check(problems, "inAppTitle", t.inAppTitle(), MAX_LINE, template.allowedInInAppTitle());
    }
    check(problems, "emailSubject", t.emailSubject(), MAX_LINE, template.allowedInMessages());
    check(problems, "emailBody", t.emailBody(), MAX_BODY, template.allowedInMessages());
    if (template.audience() == Audience.PERSON) {
      check(problems, "smsBody", t.smsBody(), MAX_SMS, template.allowedInMessages());
    }
    return problems;
  }

  private static void check(
      List<Problem> problems, String field, String text, int max, Set<String> allowed) {
    if (text == null) {
      problems.add(new Problem(field, "notification." + field + ".required", List.of()));
      return;
    }
    if (text.length() > max) {
      problems.add(new Problem(field, "notification.text.tooLong", List.of(Integer.toString(max))));
    }
    if (field.equals("emailSubject") || field.equals("inAppTitle")) {
      if (text.contains("\n")) {
        problems.add(new Problem(field, "notification.text.oneLine", List.of()));
      }
    }
    for (String used : Placeholders.in(text)) {
      if (!allowed.contains(used)) {
        problems.add(
            new Problem(
                field,
                "notification.placeholder.notAllowed",
                List.of(
                    "((" + used + "))",
                    allowed.isEmpty()
                        ? "none"
                        : String.join(
                            ", ", allowed.stream().sorted().map(a -> "((" + a + "))").toList()))));
        return;
      }
    }
    if (unbalanced(text)) {
      problems.add(new Problem(field, "notification.placeholder.unbalanced", List.of()));
    }
  }

  /** Whether brackets that open a placeholder are left unclosed, or closing ones left unopened. */
  private static boolean unbalanced(String text) {
    String without = text.replaceAll("\\(\\([^()]*\\)\\)", "");
    return without.contains("((") || without.contains("))");
  }

  private static List<String> changed(TemplateTexts was, TemplateTexts now) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(was.inAppTitle(), now.inAppTitle())) {
      changed.add("inAppTitle");
    }
    if (!Objects.equals(was.emailSubject(), now.emailSubject())) {
      changed.add("emailSubject");
    }
    if (!Objects.equals(was.emailBody(), now.emailBody())) {
      changed.add("emailBody");
    }
    if (!Objects.equals(was.smsBody(), now.smsBody())) {
      changed.add("smsBody");
    }
    if (was.inAppEnabled() != now.inAppEnabled()) {
      changed.add("inAppEnabled");
    }
    if (was.emailEnabled() != now.emailEnabled()) {
      changed.add("emailEnabled");
    }
    if (was.smsEnabled() != now.smsEnabled()) {
      changed.add("smsEnabled");
    }
    return changed;
  }

  private void require(NotificationTemplate template) {
    access.require(
        Permission.MAINTAIN_NOTIFICATION_TEMPLATES,
        AuditLog.DEPLOYMENT,
        RECORD_TYPE,
        template == null ? null : template.name(),
        null);
  }
}
