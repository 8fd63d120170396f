package org.waymark.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The messages Waymark sends, each with its audience, what an administrator reads about it, the
 * placeholders its caller fills in, and its default texts. Placeholders are written GOV.UK Notify
 * style, {@code ((name))}. Administrators may change the texts (see {@link NotificationTemplates}).
 *
 * <p>Emails and texts to staff carry no health or personal details: a {@link Audience#STAFF}
 * template's email and text may use only {@link #STAFF_MESSAGE_PLACEHOLDERS}, which Waymark fills
 * in itself (the recipient's own name, their organisation and a sign-in link); the template's own
 * placeholders may appear only in the in-app title, which is read after sign-in.
 */
public enum NotificationTemplate {
  CONNECTION_REQUESTED(
      Audience.STAFF,
      "To the VCS coordinators of an organisation when a link worker refers someone to one of its services.",
      List.of("service"),
      "New referral to ((service))",
      "Waymark: something needs your attention",
      staffBody("There is something new for ((organisation)) in Waymark."),
      null),
  CONNECTION_CHASED(
      Audience.STAFF,
      "To the VCS coordinators of an organisation when a referral to one of its services is waiting for an answer.",
      List.of("service", "due"),
      "A referral to ((service)) needs an answer by ((due))",
      "Waymark: something needs your attention",
      staffBody("Something for ((organisation)) in Waymark is waiting for an answer."),
      null),
  CONNECTION_OVERDUE(
      Audience.STAFF,
      "To the link worker when a service has not answered their referral by its deadline.",
      List.of("service", "due"),
      "((service)) has not answered a referral by ((due))",
      "Waymark: something needs your attention",
      staffBody("Something you are following in Waymark needs your attention."),
      null),
  CONNECTION_ANSWERED(
      Audience.STAFF,
      "To the link worker when a service accepts or declines their referral, or records attendance or completion.",
      List.of("service", "status"),
      "((service)): referral ((status))",
      "Waymark: something needs your attention",
      staffBody("There is an update in Waymark for you."),
      null),
  FOLLOW_UP_DUE(
      Audience.STAFF,
      "To the link worker when a follow-up of one of their cases opens.",
      List.of("follow_up", "target"),
      "A follow-up is due: ((follow_up)), by ((target))",
      "Waymark: something needs your attention",
      staffBody("A follow-up is due in Waymark."),
      null),
  FOLLOW_UP_OVERDUE(
      Audience.STAFF,
      "To the link worker when a follow-up of one of their cases has passed its target date.",
      List.of("follow_up", "target"),
      "A follow-up is overdue: ((follow_up)), target ((target))",
      "Waymark: something needs your attention",
      staffBody("A follow-up in Waymark is overdue."),
      null),
  FOLLOW_UP_REMINDER(
      Audience.PERSON,
      "To a person who agreed to be contacted by email or text, when their follow-up opens: their link worker will be in touch.",
      List.of("name", "link_worker", "service"),
      null,
      "Your link worker will be in touch",
      "Hello ((name)),\n\nYour link worker, ((link_worker)) at ((service)), will be in touch soon"
          + " to see how things are going.\n\nYou do not need to do anything now.\n\nBest wishes,\n"
          + "((service))",
      "Hello ((name)). Your link worker ((link_worker)) at ((service)) will be in touch soon to see"
          + " how things are going. You do not need to do anything now."),
  WHAT_WE_AGREED(
      Audience.PERSON,
      "To a person who asked for it: the services agreed with their link worker and how to contact them.",
      List.of("name", "summary", "link_worker"),
      null,
      "What we agreed with your link worker",
      "Hello ((name)),\n\n((summary))\n\nBest wishes,\n((link_worker))\nYour link worker",
      "Hello ((name)). What we agreed: ((summary)) From ((link_worker)), your link worker"),
  SELF_COMPLETION_LINK(
      Audience.PERSON,
      "To a person who agreed to be contacted that way: a single-use link to answer a questionnaire themselves.",
      List.of("name", "link", "expires", "service"),
      null,
      "Some questions from your link worker",
      "Hello ((name)),\n\nYour link worker at ((service)) has asked you to answer a few short"
          + " questions about how you have been. It takes about 5 minutes.\n\n((link))\n\nThe link"
          + " works once, until ((expires)). Please do not share it. If it has stopped working, open it"
          + " and ask for a new one.\n\n((service))",
      "((service)): your link worker has asked you to answer a few questions: ((link)) The link"
          + " works once, until ((expires)). Please do not share it."),
  SELF_COMPLETION_ANSWERED(
      Audience.STAFF,
      "To the link worker who sent a questionnaire link, when the person sends their answers.",
      List.of("instrument"),
      "Answers received: ((instrument))",
      "Waymark: something needs your attention",
      staffBody("There is an update in Waymark for you."),
      null),
  SELF_COMPLETION_NEW_LINK_ASKED(
      Audience.STAFF,
      "To the link worker who sent a questionnaire link, when the person asks for a new one because it expired or was used.",
      List.of("instrument"),
      "A person asked for a new link: ((instrument))",
      "Waymark: something needs your attention",
      staffBody("Something you are following in Waymark needs your attention."),
      null);

  /** Who receives a template's messages. */
  public enum Audience {
    /** Staff users: an in-app notification and, when switched on, an email. */
    STAFF,
    /** A person who is not a user (a patient): an email or a text message. */
    PERSON
  }

  /**
   * What a staff email or text may contain, filled in by Waymark: the recipient's own name, their
   * organisation's name and a sign-in link.
   */
  public static final Set<String> STAFF_MESSAGE_PLACEHOLDERS =
      Set.of("name", "organisation", "link");

  private final Audience audience;
  private final String description;
  private final List<String> placeholders;
  private final String defaultInAppTitle;
  private final String defaultEmailSubject;
  private final String defaultEmailBody;
  private final String defaultSmsBody;

  NotificationTemplate(
      Audience audience,
      String description,
      List<String> placeholders,
      String defaultInAppTitle,
      String defaultEmailSubject,
      String defaultEmailBody,
      String defaultSmsBody) {
    this.audience = audience;
    this.description = description;
    this.placeholders = List.copyOf(placeholders);
    this.defaultInAppTitle = defaultInAppTitle;
    this.defaultEmailSubject = defaultEmailSubject;
    this.defaultEmailBody = defaultEmailBody;
    this.defaultSmsBody = defaultSmsBody;
  }

  private static String staffBody(String what) {
    return "Hello ((name)),\n\n"
        + what
        + " Please sign in to see it:\n\n((link))\n\nThis email does not contain any personal details.";
  }

  public Audience audience() {
    return audience;
  }

  /** What the template is for, for administrators. */
  public String description() {
    return description;
  }

  /** The values the caller must give when sending, in the order an administrator reads them. */
  public List<String> placeholders() {
    return placeholders;
  }

  /** The placeholders the in-app title may use; empty for templates sent to people. */
  public Set<String> allowedInInAppTitle() {
    if (audience == Audience.PERSON) {
      return Set.of();
    }
    Set<String> allowed = new LinkedHashSet<>(placeholders);
    allowed.addAll(List.of("name", "organisation"));
    return allowed;
  }

  /** The placeholders an email subject, email body or text may use. */
  public Set<String> allowedInMessages() {
    return audience == Audience.STAFF ? STAFF_MESSAGE_PLACEHOLDERS : Set.copyOf(placeholders);
  }

  /** The texts and switches a deployment starts with. */
  public TemplateTexts defaults() {
    return new TemplateTexts(
        defaultInAppTitle,
        defaultEmailSubject,
        defaultEmailBody,
        defaultSmsBody,
        audience == Audience.STAFF,
        true,
        audience == Audience.PERSON);
  }
}
