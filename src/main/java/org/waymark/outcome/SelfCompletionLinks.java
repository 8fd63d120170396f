package org.waymark.outcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Casework;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.WaymarkUser;
import org.waymark.notification.Channel;
import org.waymark.notification.NotificationTemplate;
import org.waymark.notification.Notifications;
import org.waymark.outcome.LinkOpening.Result;
import org.waymark.outcome.internal.ResponseStore;
import org.waymark.outcome.internal.SelfCompletionLinkStore;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.shared.RecordNotFoundException;

/**
 * Questionnaires people answer themselves through a secure link (ADR 17). A link worker sends a
 * single-use link by email or text, only by a way the person agreed to be contacted. The token in
 * the link opens nothing but its one questionnaire: on first use it is exchanged for a short {@link
 * SelfCompletionSession}, and a second use is refused. Answers saved part-way are kept (and carried
 * to a newer link); the answers are recorded exactly once however often they are sent.
 */
@Service
public class SelfCompletionLinks {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Casework casework;
  private final Instruments instruments;
  private final PersonManagement people;
  private final IdentityManagement identity;
  private final Notifications notifications;
  private final SelfCompletionLinkStore links;
  private final ResponseStore responses;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Duration validity;
  private final Duration sessionLength;
  private final SecureRandom random = new SecureRandom();

  SelfCompletionLinks(
      Casework casework,
      Instruments instruments,
      PersonManagement people,
      IdentityManagement identity,
      Notifications notifications,
      SelfCompletionLinkStore links,
      ResponseStore responses,
      AuditLog audit,
      ApplicationEventPublisher events,
      Optional<Clock> clock,
      @Value("${waymark.outcome.self-completion.link-validity:P14D}") Duration validity,
      @Value("${waymark.outcome.self-completion.session:PT1H}") Duration sessionLength) {
    this.casework = casework;
    this.instruments = instruments;
    this.people = people;
    this.identity = identity;
    this.notifications = notifications;
    this.links = links;
    this.responses = responses;
    this.audit = audit;
    this.events = events;
    this.clock = clock.orElse(Clock.systemUTC());
    this.validity = validity;
    this.sessionLength = sessionLength;
  }

  /** How long a link works after it is sent. */
  public Duration validity() {
    return validity;
  }

  /**
   * The ways a link can reach the person: email and text, each only if they agreed to be contacted
   * that way and an address or mobile number is held (the case must be readable).
   */
  @Transactional
  public List<Channel> channelsFor(UUID caseId) {
    CaseFile c = casework.find(caseId);
    return channels(people.find(c.personId()).details());
  }

  private static List<Channel> channels(PersonDetails d) {
    List<Channel> channels = new ArrayList<>();
    if (d.emailConsent() && d.email() != null && !d.email().isBlank()) {
      channels.add(Channel.EMAIL);
    }
    if (d.smsConsent() && d.mobile() != null && !d.mobile().isBlank()) {
      channels.add(Channel.SMS);
    }
    return channels;
  }

  /**
   * Sends the person a link to answer the newest version of an instrument themselves, by email or
   * text through the notification outbox (sent once the transaction commits). Earlier links of the
   * case to that instrument not yet answered are replaced, and answers they saved carry over.
   * Audited as {@code SELF_COMPLETION_LINK_SENT}.
   *
   * @throws InstrumentValidationException naming each problem (the person did not agree to that way
   *     or no address is held, no occasion, a closed case for anything but a follow-up); nothing is
   *     sent
   */
  @Transactional
  public SelfCompletionLink send(
      UUID caseId, String instrumentCode, Occasion occasion, Channel channel) {
    CaseFile c = casework.findWritable(caseId);
    Instrument instrument =
        instruments
            .current(instrumentCode == null ? "" : instrumentCode)
            .orElseThrow(() -> new RecordNotFoundException("instrument"));
    PersonDetails person = people.find(c.personId()).details();
    List<String> problems = new ArrayList<>();
    if (occasion == null) {
      problems.add("Choose when in their support this is");
    } else if (!c.isOpen() && occasion != Occasion.FOLLOW_UP) {
      problems.add("The case is closed: only a follow-up questionnaire can be sent");
    }
    if (channel == null || !channels(person).contains(channel)) {
      problems.add(
          "Choose how to send the link: only by a way the person agreed to be contacted and for"
              + " which an address or mobile number is held");
    }
    if (!problems.isEmpty()) {
      throw new InstrumentValidationException(problems);
    }
    Instant now = clock.instant();
    Map<String, String> carried =
        links.replaceOpen(c.organisationId(), c.id(), instrument.code(), now);
    carried = fitting(instrument, carried);
    String token = newToken();
    SelfCompletionLink link =
        new SelfCompletionLink(
            UUID.randomUUID(),
            c.organisationId(),
            c.id(),
            c.personId(),
            instrument.code(),
            instrument.version(),
            occasion,
            channel,
            currentUser(),
            now,
            now.plus(validity),
            null,
            null,
            carried.isEmpty() ? null : now,
            null,
            null,
            null,
            null);
    links.insert(link, hash(token), carried);
    String service =
        identity
            .organisation(c.organisationId())
            .map(Organisation::name)
            .orElse("Your GP practice");
    notifications.messagePerson(
        c.organisationId(),
        c.personId(),
        channel,
        channel == Channel.EMAIL ? person.email() : person.mobile(),
        NotificationTemplate.SELF_COMPLETION_LINK,
        Map.of(
            "name", greeting(person),
            "link", notifications.absoluteLink("/q/" + token),
            "expires", DAY.format(link.expiresAt().atZone(Outcomes.LONDON)),
            "service", service));
    audit.record(
        AuditEntry.allowed("SELF_COMPLETION_LINK_SENT", "outcome-link", link.id(), c.personId())
            .withDetail(instrument.code() + " v" + instrument.version() + " " + channel));
    return link;
  }

  /** The case's links, newest first (the case must be readable; audited with it). */
  @Transactional
  public List<SelfCompletionLink> forCase(UUID caseId) {
    CaseFile c = casework.find(caseId);
    return links.forCase(c.organisationId(), c.id());
  }

  /**
   * Uses a link: the first time (before it expires and while it is the newest for its
   * questionnaire) it is exchanged for a session bound to it; any later use is refused. Audited as
   * {@code SELF_COMPLETION_LINK_OPENED} or {@code SELF_COMPLETION_LINK_REFUSED}.
   */
  @Transactional
  public LinkOpening open(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      audit.record(AuditEntry.refused("SELF_COMPLETION_LINK_REFUSED", "outcome-link", null, null));
      return LinkOpening.of(Result.UNKNOWN);
    }
    Optional<SelfCompletionLink> found = links.lockByToken(hash(token));
    if (found.isEmpty()) {
      audit.record(
          AuditEntry.refused("SELF_COMPLETION_LINK_REFUSED", "outcome-link", null, null)
              .withDetail("unknown"));
      return LinkOpening.of(Result.UNKNOWN);
    }
    SelfCompletionLink link = found.get();
    Instant now = clock.instant();
    Result refused =
        link.submittedAt() != null
            ? Result.ANSWERED
            : link.openedAt() != null
                ? Result.USED
                : link.replacedAt() != null || !link.expiresAt().isAfter(now)
                    ? Result.EXPIRED
                    : null;
    if (refused != null) {
      audit.record(
          AuditEntry.refused(
                  "SELF_COMPLETION_LINK_REFUSED", "outcome-link", link.id(), link.personId())
              .withDetail(refused.name().toLowerCase(Locale.ROOT)));
      return LinkOpening.of(refused);
    }
    Instant until = now.plus(sessionLength);
    links.markOpened(link.organisationId(), link.id(), now, until);
    audit.record(
        AuditEntry.allowed(
            "SELF_COMPLETION_LINK_OPENED", "outcome-link", link.id(), link.personId()));
    return new LinkOpening(
        Result.OPENED, new SelfCompletionSession(link.id(), link.organisationId(), until));
  }

  /**
   * The questionnaire of a live session, with the answers saved so far. Audited as {@code
   * SELF_COMPLETION_READ}.
   *
   * @throws SelfCompletionSessionEndedException if the session has ended or its link was replaced
   */
  @Transactional
  public SelfCompletionForm questionnaire(SelfCompletionSession session) {
    SelfCompletionLink link = live(session, false);
    audit.record(
        AuditEntry.allowed("SELF_COMPLETION_READ", "outcome-link", link.id(), link.personId()));
    return form(link);
  }

  /**
   * The instrument version a live session answers (published information, not about the person).
   *
   * @throws SelfCompletionSessionEndedException if the session has ended or its link was replaced
   */
  @Transactional(readOnly = true)
  public Instrument instrument(SelfCompletionSession session) {
    SelfCompletionLink link = live(session, false);
    return instruments.find(link.instrumentCode(), link.instrumentVersion()).orElseThrow();
  }

  private SelfCompletionForm form(SelfCompletionLink link) {
    Instrument instrument =
        instruments.find(link.instrumentCode(), link.instrumentVersion()).orElseThrow();
    String service =
        identity
            .organisation(link.organisationId())
            .map(Organisation::name)
            .orElse("Your link worker");
    return new SelfCompletionForm(
        instrument,
        link.submittedAt() != null
            ? Map.of()
            : links.partialAnswers(link.organisationId(), link.id()),
        service,
        link.submittedAt() != null);
  }

  /**
   * Keeps the answers given so far (those that fit their questions), to finish later in this
   * session or through a newer link. Audited as {@code SELF_COMPLETION_SAVED}.
   *
   * @return the answers kept
   * @throws SelfCompletionSessionEndedException if the session has ended or its link was replaced
   */
  @Transactional
  public Map<String, String> savePartly(SelfCompletionSession session, Map<String, String> given) {
    SelfCompletionLink link = live(session, true);
    if (link.submittedAt() != null) {
      return Map.of();
    }
    Instrument instrument =
        instruments.find(link.instrumentCode(), link.instrumentVersion()).orElseThrow();
    Map<String, String> kept = fitting(instrument, Outcomes.cleaned(given));
    links.savePartial(link.organisationId(), link.id(), kept, clock.instant());
    audit.record(
        AuditEntry.allowed("SELF_COMPLETION_SAVED", "outcome-link", link.id(), link.personId()));
    return kept;
  }

  /**
   * Records the person's answers, exactly once: sending them again (a second click, a second tab)
   * records nothing more. Publishes {@link OutcomeRecorded} and tells the link worker who sent the
   * link; audited as {@code OUTCOME_RECORDED}.
   *
   * @return true if this call recorded them, false if they were recorded already
   * @throws InstrumentValidationException naming each question unanswered or answered with a value
   *     it does not allow; the answers that fit are kept as saved part-way
   * @throws SelfCompletionSessionEndedException if the session has ended or its link was replaced
   */
  @Transactional(noRollbackFor = InstrumentValidationException.class)
  public boolean submit(SelfCompletionSession session, Map<String, String> given) {
    SelfCompletionLink link = live(session, true);
    if (link.submittedAt() != null) {
      return false;
    }
    Instrument instrument =
        instruments.find(link.instrumentCode(), link.instrumentVersion()).orElseThrow();
    Map<String, String> answers = Outcomes.cleaned(given);
    List<String> problems = new ArrayList<>(Scoring.problems(instrument, answers));
    for (String id : Scoring.unanswered(instrument, answers)) {
      problems.add("Answer: " + instrument.item(id).orElseThrow().text());
    }
    Instant now = clock.instant();
    if (!problems.isEmpty()) {
      links.savePartial(link.organisationId(), link.id(), fitting(instrument, answers), now);
      throw new InstrumentValidationException(problems);
    }
    Response r =
        new Response(
            UUID.randomUUID(),
            link.organisationId(),
            link.caseId(),
            link.personId(),
            instrument.code(),
            instrument.version(),
            link.occasion(),
            LocalDate.ofInstant(now, Outcomes.LONDON),
            answers,
            Scoring.score(instrument, answers),
            true,
            null,
            now);
    responses.insert(r);
    links.markSubmitted(link.organisationId(), link.id(), r.id(), now);
    audit.record(
        AuditEntry.allowed("OUTCOME_RECORDED", "outcome", r.id(), r.personId())
            .withDetail(instrument.code() + " v" + instrument.version() + " self-completed"));
    events.publishEvent(
        new OutcomeRecorded(
            r.id(),
            r.organisationId(),
            r.caseId(),
            r.personId(),
            r.instrumentCode(),
            r.instrumentVersion(),
            r.occasion(),
            r.completedOn()));
    notifications.notifyUser(
        link.organisationId(),
        link.sentBy(),
        NotificationTemplate.SELF_COMPLETION_ANSWERED,
        Map.of("instrument", instrument.title()),
        "/cases/" + link.caseId() + "/outcomes");
    return true;
  }

  /**
   * The person asks for a new link because theirs expired or was used: the link worker who sent it
   * is told (once per link) and sends a new one by a way the person still agrees to. Nothing about
   * the link or the person is given back. Audited as {@code SELF_COMPLETION_NEW_LINK_ASKED}.
   *
   * @return whether the link was one Waymark sent and not yet answered
   */
  @Transactional
  public boolean askForNewLink(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return false;
    }
    Optional<SelfCompletionLink> found = links.lockByToken(hash(token));
    if (found.isEmpty() || found.get().submittedAt() != null) {
      return false;
    }
    newLinkAsked(found.get());
    return true;
  }

  /**
   * The same as {@link #askForNewLink(String)} from a session that has ended (its time ran out or
   * its link was replaced).
   */
  @Transactional
  public void askForNewLink(SelfCompletionSession session) {
    if (session == null) {
      return;
    }
    links
        .find(session.organisationId(), session.linkId(), true)
        .filter(l -> l.submittedAt() == null)
        .ifPresent(this::newLinkAsked);
  }

  private void newLinkAsked(SelfCompletionLink link) {
    if (links.markNewLinkAsked(link.organisationId(), link.id(), clock.instant())) {
      String title =
          instruments
              .find(link.instrumentCode(), link.instrumentVersion())
              .map(Instrument::title)
              .orElse(link.instrumentCode());
      notifications.notifyUser(
          link.organisationId(),
          link.sentBy(),
          NotificationTemplate.SELF_COMPLETION_NEW_LINK_ASKED,
          Map.of("instrument", title),
          "/cases/" + link.caseId() + "/outcomes");
    }
    audit.record(
        AuditEntry.allowed(
            "SELF_COMPLETION_NEW_LINK_ASKED", "outcome-link", link.id(), link.personId()));
  }

  private SelfCompletionLink live(SelfCompletionSession session, boolean lock) {
    if (session == null) {
      throw new SelfCompletionSessionEndedException();
    }
    SelfCompletionLink link =
        links
            .find(session.organisationId(), session.linkId(), lock)
            .orElseThrow(SelfCompletionSessionEndedException::new);
    Instant now = clock.instant();
    if (link.submittedAt() != null) {
      return link;
    }
    if (link.replacedAt() != null
        || link.sessionUntil() == null
        || !link.sessionUntil().isAfter(now)
        || !session.until().isAfter(now)) {
      throw new SelfCompletionSessionEndedException();
    }
    return link;
  }

  /** The answers that fit their questions, in the questionnaire's order. */
  private static Map<String, String> fitting(Instrument instrument, Map<String, String> answers) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (InstrumentItem item : instrument.items()) {
      String value = answers.get(item.id());
      if (value != null
          && !value.isBlank()
          && Scoring.problems(instrument, Map.of(item.id(), value)).isEmpty()) {
        kept.put(item.id(), value);
      }
    }
    return kept;
  }

  private static String greeting(PersonDetails d) {
    String name =
        d.preferredName() != null && !d.preferredName().isBlank()
            ? d.preferredName()
            : d.givenName();
    return name == null || name.isBlank() ? "there" : name.strip();
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static UUID currentUser() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof WaymarkUser u) {
      return u.userId();
    }
    throw new IllegalStateException("Links are sent by a signed-in user");
  }
}
