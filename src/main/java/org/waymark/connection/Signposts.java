package org.waymark.connection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Casework;
import org.waymark.connection.internal.ConnectionAccess;
import org.waymark.connection.internal.ConnectionStore;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.ServiceDetails;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.UserAccount;
import org.waymark.notification.Channel;
import org.waymark.notification.NotificationTemplate;
import org.waymark.notification.Notifications;
import org.waymark.person.Person;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.shared.RecordNotFoundException;

/**
 * Signposting: the link worker records which service they told the person about and what
 * information they gave; the person contacts the service themselves.
 */
@Service
public class Signposts {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Casework casework;
  private final DirectorySearch directory;
  private final ConnectionStore store;
  private final ConnectionAccess access;
  private final PersonManagement people;
  private final Notifications notifications;
  private final IdentityManagement identity;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Signposts(
      Casework casework,
      DirectorySearch directory,
      ConnectionStore store,
      ConnectionAccess access,
      PersonManagement people,
      IdentityManagement identity,
      Notifications notifications,
      AuditLog audit,
      ApplicationEventPublisher events,
      Optional<Clock> clock) {
    this.casework = casework;
    this.directory = directory;
    this.store = store;
    this.access = access;
    this.people = people;
    this.notifications = notifications;
    this.identity = identity;
    this.audit = audit;
    this.events = events;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /**
   * Records that the person was signposted to a service. Audited as {@code SIGNPOST_RECORDED}.
   *
   * @param givenOn the day, not in the future and not before the case was opened
   * @throws ConnectionValidationException naming each field that breaks a rule; nothing written
   */
  @Transactional
  public Signpost record(UUID caseId, UUID serviceId, String information, LocalDate givenOn) {
    CaseFile c = casework.findWritable(caseId);
    if (!c.isOpen()) {
      throw new ConnectionValidationException("case", "connection.case.closed");
    }
    ServiceDetails s =
        directory.service(serviceId).orElseThrow(() -> new RecordNotFoundException("service"));
    Map<String, String> problems = new HashMap<>();
    if (information == null || information.isBlank()) {
      problems.put("information", "connection.signpost.information.required");
    } else if (information.strip().length() > Connections.TEXT_MAX) {
      problems.put("information", "connection.signpost.information.tooLong");
    }
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    if (givenOn == null) {
      problems.put("givenOn", "connection.signpost.givenOn.required");
    } else if (givenOn.isAfter(today)
        || givenOn.isBefore(LocalDate.ofInstant(c.openedAt(), LONDON))) {
      problems.put("givenOn", "connection.signpost.givenOn.range");
    }
    if (!problems.isEmpty()) {
      throw new ConnectionValidationException(problems);
    }
    Signpost signpost =
        new Signpost(
            UUID.randomUUID(),
            c.organisationId(),
            c.id(),
            c.personId(),
            s.id(),
            s.name(),
            information.strip(),
            givenOn,
            access.currentUserId(),
            clock.instant());
    store.insertSignpost(signpost);
    audit.record(AuditEntry.allowed("SIGNPOST_RECORDED", "signpost", signpost.id(), c.personId()));
    events.publishEvent(
        new PersonSignposted(
            signpost.id(), c.organisationId(), c.id(), c.personId(), s.id(), givenOn));
    return signpost;
  }

  /**
   * What was agreed with the person: the services they were signposted to, and those referred that
   * are still open, with how to reach each (from the directory).
   */
  @Transactional
  public WhatWeAgreed whatWeAgreed(UUID caseId) {
    CaseFile c = casework.find(caseId);
    Person p = people.find(c.personId());
    String name =
        p.details().preferredName() == null || p.details().preferredName().isBlank()
            ? p.details().givenName()
            : p.details().preferredName();
    List<WhatWeAgreed.Item> items = new ArrayList<>();
    Set<UUID> seen = new HashSet<>();
    for (Connection x : store.forCase(c.organisationId(), c.id())) {
      if (x.isOpen() && seen.add(x.serviceId())) {
        items.add(
            new WhatWeAgreed.Item(
                x.serviceName(),
                x.status() == ConnectionStatus.REQUESTED
                    ? "We have asked them to contact you."
                    : "They have said they can help you.",
                contact(x.serviceId())));
      }
    }
    for (Signpost s : store.signposts(c.organisationId(), c.id())) {
      if (seen.add(s.serviceId())) {
        items.add(
            new WhatWeAgreed.Item(
                s.serviceName(), "You can contact them yourself.", contact(s.serviceId())));
      }
    }
    String linkWorker =
        identity.user(c.linkWorkerId()).map(UserAccount::displayName).orElse("your link worker");
    String service =
        identity
            .organisation(c.organisationId())
            .map(Organisation::name)
            .orElse("Social prescribing");
    return new WhatWeAgreed(name, linkWorker, service, items);
  }

  /**
   * The ways the summary can reach the person: email and text, each only if they agreed to be
   * contacted that way and an address or mobile number is held.
   */
  @Transactional
  public List<Channel> channelsFor(UUID caseId) {
    CaseFile c = casework.find(caseId);
    PersonDetails d = people.find(c.personId()).details();
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
   * Sends the 'what we agreed' summary to the person by email or text, through the notification
   * outbox (sent after the transaction commits). Audited as {@code WHAT_WE_AGREED_SENT}.
   *
   * @throws ConnectionValidationException if the person did not agree to that channel or no address
   *     is held, or nothing has been agreed yet; nothing is sent
   */
  @Transactional
  public void sendWhatWeAgreed(UUID caseId, Channel channel) {
    CaseFile c = casework.findWritable(caseId);
    if (channel == null || !channelsFor(caseId).contains(channel)) {
      throw new ConnectionValidationException("channel", "connection.agreed.channel");
    }
    WhatWeAgreed agreed = whatWeAgreed(caseId);
    if (agreed.isEmpty()) {
      throw new ConnectionValidationException("channel", "connection.agreed.empty");
    }
    PersonDetails d = people.find(c.personId()).details();
    String address = channel == Channel.EMAIL ? d.email() : d.mobile();
    notifications.messagePerson(
        c.organisationId(),
        c.personId(),
        channel,
        address,
        NotificationTemplate.WHAT_WE_AGREED,
        Map.of(
            "name", agreed.personName(),
            "summary", agreed.text(),
            "link_worker", agreed.linkWorker()));
    audit.record(
        AuditEntry.allowed("WHAT_WE_AGREED_SENT", "case", c.id(), c.personId())
            .withDetail(channel.name()));
  }

  private List<String> contact(UUID serviceId) {
    List<String> lines = new ArrayList<>();
    directory
        .service(serviceId)
        .ifPresent(
            s -> {
              s.phones().stream().limit(2).forEach(ph -> lines.add("Phone: " + ph.number()));
              if (s.email() != null) {
                lines.add("Email: " + s.email());
              }
              if (s.url() != null) {
                lines.add("Website: " + s.url());
              }
            });
    return lines;
  }

  /** The case's signposts, newest first (the case must be readable; audited with the case). */
  @Transactional
  public List<Signpost> forCase(UUID caseId) {
    CaseFile c = casework.find(caseId);
    return store.signposts(c.organisationId(), c.id());
  }
}
