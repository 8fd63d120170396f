package org.waymark.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.directory.PostcodeLocation;
import org.waymark.directory.Postcodes;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;
import org.waymark.identity.WaymarkUser;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.person.PersonValidationException;
import org.waymark.person.ReferredPerson;
import org.waymark.referral.ReferralValidationException.Problem;
import org.waymark.referral.internal.IdempotencyKeys;
import org.waymark.referral.internal.References;
import org.waymark.referral.internal.ReferralRules;
import org.waymark.referral.internal.ReferralStore;
import org.waymark.shared.RecordNotFoundException;

/**
 * The referral module's API. Submitting checks every rule first (nothing is written if any is
 * broken), records the person (see {@link PersonManagement#recordForReferral}) and the referral in
 * one transaction, and publishes {@link ReferralStatusChanged}. Reads and triage decisions check
 * the user's role and relationship and are audited; a refusal is audited and thrown.
 *
 * <p>Who may read a referral: the account that made it; link workers and managers of the PCN that
 * received it. Triage decisions are the receiving PCN's service managers'. Only the account that
 * made a referral answers a request for more information.
 *
 * <p>The receiving PCN is the one named, else the referrer's own PCN (or their practice's PCN),
 * else the registered practice's PCN, else the PCN with the member practice nearest the person's
 * postcode (see {@link #nearestPcn}).
 */
@Service
public class Referrals {

  private final ReferralStore store;
  private final ReferralRules rules;
  private final PersonManagement people;
  private final IdentityManagement identity;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final IdempotencyKeys keys;
  private final Postcodes postcodes;

  Referrals(
      ReferralStore store,
      ReferralRules rules,
      PersonManagement people,
      IdentityManagement identity,
      AccessPolicy access,
      AuditLog audit,
      ApplicationEventPublisher events,
      IdempotencyKeys keys,
      Postcodes postcodes) {
    this.store = store;
    this.keys = keys;
    this.rules = rules;
    this.people = people;
    this.identity = identity;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.postcodes = postcodes;
  }

  /**
   * The rules the referral breaks, without saving anything or checking access: for showing every
   * problem on a form at once.
   */
  public List<Problem> problems(NewReferral referral, boolean professional) {
    NewReferral clean = ReferralRules.normalise(referral);
    List<Problem> problems = new ArrayList<>(rules.problems(clean, professional));
    if (problems.stream().noneMatch(p -> p.field().startsWith("person."))
        && clean.person() != null
        && receiver(clean, professional ? currentOrganisation() : null).isEmpty()) {
      problems.add(new Problem("person.registeredPracticeId", "referral.receiver.unknown"));
    }
    return problems;
  }

  /**
   * A referral by the signed-in user (referrer, or staff recording one they received).
   *
   * @param channel {@link Channel#WEB_FORM}, {@link Channel#API} or {@link Channel#CSV_IMPORT}
   * @throws ReferralValidationException if a rule is broken; nothing is written
   * @throws org.springframework.security.access.AccessDeniedException if the user may not refer
   */
  @Transactional
  public Referral submit(NewReferral referral, Channel channel) {
    if (channel == Channel.SELF_REFERRAL) {
      throw new IllegalArgumentException("Self-referrals go through submitSelfReferral");
    }
    WaymarkUser user = access.currentUser().orElse(null);
    UUID organisationId = user == null ? null : user.organisationId();
    access.require(Permission.MAKE_REFERRAL, organisationId, "referral", null, null);
    return create(referral, channel, true, user.userId(), organisationId);
  }

  /**
   * A self-referral from the public form: nobody needs to be signed in, and a signed-in user's
   * organisation plays no part. The PCN is chosen by {@code receivingOrganisationId} (which must be
   * a PCN), else the registered practice, else the person's postcode. Audited as {@code
   * REFERRAL_CREATED} without a user.
   *
   * @throws ReferralValidationException if a rule is broken; nothing is written
   */
  @Transactional
  public Referral submitSelfReferral(NewReferral referral) {
    NewReferral self =
        new NewReferral(
            referral.person(),
            "SELF",
            referral.needs(),
            referral.reason(),
            referral.consentToShare(),
            referral.consentToContact(),
            referral.urgency(),
            referral.preferredContactMethod(),
            referral.preferredContactTimes(),
            referral.safeguardingConcerns(),
            ReferrerDetails.none(),
            referral.receivingOrganisationId());
    return create(self, Channel.SELF_REFERRAL, false, null, null);
  }

  private Referral create(
      NewReferral referral,
      Channel channel,
      boolean professional,
      UUID referrerUserId,
      UUID referrerOrganisationId) {
    Checked checked = check(referral, professional, referrerOrganisationId);
    return write(
        UUID.randomUUID(),
        checked.referral(),
        checked.organisationId(),
        channel,
        referrerUserId,
        referrerOrganisationId);
  }

  /** A referral that meets every rule, normalised, with the PCN that receives it. */
  record Checked(NewReferral referral, UUID organisationId) {}

  /**
   * Checks every rule and finds the receiving PCN, writing nothing.
   *
   * @throws ReferralValidationException if a rule is broken
   */
  Checked check(NewReferral referral, boolean professional, UUID referrerOrganisationId) {
    NewReferral clean = ReferralRules.normalise(referral);
    List<Problem> problems = new ArrayList<>(rules.problems(clean, professional));
    Optional<UUID> receiver =
        clean.person() == null ? Optional.empty() : receiver(clean, referrerOrganisationId);
    if (clean.person() != null && receiver.isEmpty()) {
      problems.add(new Problem("person.registeredPracticeId", "referral.receiver.unknown"));
    }
    if (!problems.isEmpty()) {
      throw new ReferralValidationException(problems);
    }
    return new Checked(clean, receiver.orElseThrow());
  }

  /**
   * The person's details with consent to contact set on every route they gave when they agreed to
   * be contacted by the service (and on none when they did not): the person record's consent flags
   * are what later contact (letters, texts, emails) is checked against.
   */
  private static PersonDetails withContactConsent(NewReferral r) {
    PersonDetails p = r.person();
    boolean agreed = r.consentToContact();
    return new PersonDetails(
        p.nhsNumber(),
        p.givenName(),
        p.familyName(),
        p.otherNames(),
        p.preferredName(),
        p.dateOfBirth(),
        p.sex(),
        p.genderSameAsSex(),
        p.genderIdentity(),
        p.ethnicity(),
        p.preferredLanguage(),
        p.interpreterNeeded(),
        p.addressLine1(),
        p.addressLine2(),
        p.town(),
        p.postcode(),
        p.phone(),
        agreed && p.phone() != null && !p.phone().isBlank(),
        p.mobile(),
        agreed && p.mobile() != null && !p.mobile().isBlank(),
        p.email(),
        agreed && p.email() != null && !p.email().isBlank(),
        p.registeredPracticeId(),
        p.deceased(),
        p.dateOfDeath());
  }

  /** Records the person and a checked referral with the given id, audits and publishes it. */
  Referral write(
      UUID id,
      NewReferral clean,
      UUID organisationId,
      Channel channel,
      UUID referrerUserId,
      UUID referrerOrganisationId) {
    ReferredPerson person;
    try {
      person = people.recordForReferral(organisationId, withContactConsent(clean));
    } catch (PersonValidationException e) {
      throw new ReferralValidationException(
          e.problems().stream()
              .map(p -> new Problem("person." + p.field(), p.messageKey()))
              .toList());
    }
    String reference;
    do {
      reference = References.next();
    } while (!store.insert(
        organisationId,
        id,
        reference,
        person.person().id(),
        person.matchedByNhsNumber(),
        channel,
        clean,
        referrerUserId,
        referrerOrganisationId));
    store.recordArrival(organisationId, id, referrerUserId);
    AuditEntry created =
        AuditEntry.allowed("REFERRAL_CREATED", "referral", id, person.person().id())
            .withDetail("Channel: " + channel.name());
    if (channel == Channel.SELF_REFERRAL) {
      // The person referred themselves: whoever may be signed in on this browser did not.
      audit.record(new AuditActor(organisationId, null, null, null), created);
    } else {
      audit.record(created);
    }
    events.publishEvent(
        new ReferralStatusChanged(
            id,
            organisationId,
            person.person().id(),
            null,
            ReferralStatus.RECEIVED,
            Instant.now(),
            referrerUserId,
            null));
    return store.find(id).orElseThrow();
  }

  /**
   * A referral through the JSON API, made at most once per client and {@code Idempotency-Key}: the
   * first request with a key creates the referral; a retry with the same key and the same request
   * (same {@code requestHash}) gets that referral back, even while the first is still being written
   * (the key is claimed in the referral's own transaction, so a parallel retry waits for it). Keys
   * belong to the signed-in user acting for their organisation.
   *
   * @param idempotencyKey 1 to 200 characters, chosen by the client
   * @param requestHash a digest of the request in a canonical form, to tell a retry from a reuse
   * @return the referral, and whether this call created it
   * @throws ReferralValidationException if a rule is broken (nothing is written, the key is not
   *     used up)
   * @throws IdempotencyKeyReusedException if the key was used for a different request
   * @throws org.springframework.security.access.AccessDeniedException if the user may not refer
   */
  @Transactional
  public ReferralSubmission submitIdempotently(
      String idempotencyKey, String requestHash, NewReferral referral) {
    if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 200) {
      throw new IllegalArgumentException("An idempotency key has 1 to 200 characters");
    }
    WaymarkUser user = access.currentUser().orElse(null);
    UUID organisationId = user == null ? null : user.organisationId();
    access.require(Permission.MAKE_REFERRAL, organisationId, "referral", null, null);
    Optional<ReferralSubmission> earlier =
        replay(organisationId, user.userId(), idempotencyKey, requestHash);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Checked checked = check(referral, true, organisationId);
    UUID id = UUID.randomUUID();
    // Claimed before anything else is written: a parallel request with the same key waits here
    // until this transaction ends, then finds the key taken (or free again after a rollback).
    if (!keys.claim(
        organisationId, user.userId(), idempotencyKey, requestHash, checked.organisationId(), id)) {
      return replay(organisationId, user.userId(), idempotencyKey, requestHash).orElseThrow();
    }
    Referral created =
        write(
            id,
            checked.referral(),
            checked.organisationId(),
            Channel.API,
            user.userId(),
            organisationId);
    return new ReferralSubmission(created, true);
  }

  private Optional<ReferralSubmission> replay(
      UUID organisationId, UUID userId, String key, String requestHash) {
    return keys.find(organisationId, userId, key)
        .map(
            k -> {
              if (!k.requestHash().equals(requestHash)) {
                audit.record(
                    AuditEntry.refused("REFERRAL_IDEMPOTENCY_KEY_REUSED", "referral", null, null)
                        .withDetail("Referral " + k.referralId()));
                throw new IdempotencyKeyReusedException();
              }
              Referral r = store.find(k.referralId()).orElseThrow();
              audit.record(
                  AuditEntry.allowed("REFERRAL_READ", "referral", r.id(), r.personId())
                      .withDetail("Idempotent replay"));
              return new ReferralSubmission(r, false);
            });
  }

  /**
   * Imports referrals from a file for the signed-in service manager, all or none: every row is
   * checked first, and a row that breaks a rule, or whose registered practice is not in the
   * manager's PCN, rejects the whole file with nothing written. Each referral is received by the
   * manager's PCN through {@link Channel#CSV_IMPORT} and audited as {@code REFERRAL_CREATED}; the
   * import as {@code REFERRAL_IMPORT} with the count.
   *
   * @param rows the rows in file order, each with the problems found while reading it (never null)
   * @throws ReferralImportRejectedException listing every row's problems; nothing is written
   * @throws org.springframework.security.access.AccessDeniedException if the user may not import
   */
  @Transactional
  List<Referral> importRows(List<ReferralImportRow> rows) {
    UUID organisationId = currentOrganisation();
    access.require(Permission.IMPORT_REFERRALS, organisationId, "referral", null, null);
    UUID userId = access.currentUser().orElseThrow().userId();
    List<ReferralImportRejectedException.RowProblems> bad = new ArrayList<>();
    List<Checked> checked = new ArrayList<>();
    for (ReferralImportRow row : rows) {
      List<Problem> problems = new ArrayList<>(row.problems());
      java.util.Set<String> known =
          problems.stream().map(Problem::field).collect(java.util.stream.Collectors.toSet());
      try {
        Checked c = check(row.referral(), true, organisationId);
        UUID practice = c.referral().person().registeredPracticeId();
        if (practice != null
            && !pcnOf(practice).map(c.organisationId()::equals).orElse(false)
            && !known.contains("person.registeredPracticeId")) {
          problems.add(
              new Problem("person.registeredPracticeId", "referral.import.practice.otherPcn"));
        }
        checked.add(c);
      } catch (ReferralValidationException e) {
        // A field that could not be read is reported once, as unreadable.
        e.problems().stream().filter(p -> !known.contains(p.field())).forEach(problems::add);
      }
      if (!problems.isEmpty()) {
        bad.add(new ReferralImportRejectedException.RowProblems(row.rowNumber(), problems));
      }
    }
    if (!bad.isEmpty()) {
      throw new ReferralImportRejectedException(bad);
    }
    List<Referral> imported = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      Checked c = checked.get(i);
      try {
        imported.add(
            write(
                UUID.randomUUID(),
                c.referral(),
                c.organisationId(),
                Channel.CSV_IMPORT,
                userId,
                organisationId));
      } catch (ReferralValidationException e) {
        // Throwing rolls back the rows written before this one.
        throw new ReferralImportRejectedException(
            List.of(
                new ReferralImportRejectedException.RowProblems(
                    rows.get(i).rowNumber(), e.problems())));
      }
    }
    audit.record(
        AuditEntry.allowed("REFERRAL_IMPORT", "referral", null, null)
            .withDetail("imported=" + imported.size()));
    return imported;
  }

  /**
   * The PCN that receives a referral: the one named, else the referrer's own PCN (or their
   * practice's PCN), else the registered practice's PCN.
   */
  private Optional<UUID> receiver(NewReferral r, UUID referrerOrganisationId) {
    if (r.receivingOrganisationId() != null) {
      return identity
          .organisation(r.receivingOrganisationId())
          .filter(o -> o.type() == OrganisationType.PCN)
          .map(Organisation::id);
    }
    Optional<UUID> byReferrer = pcnOf(referrerOrganisationId);
    if (byReferrer.isPresent()) {
      return byReferrer;
    }
    Optional<UUID> byPractice = pcnOf(r.person().registeredPracticeId());
    if (byPractice.isPresent()) {
      return byPractice;
    }
    return nearestPcn(r.person().postcode());
  }

  /**
   * The PCN with the GP practice nearest a postcode, measured between postcode centres (the
   * practices' own postcodes, looked up in the directory's postcode table). Ties go to the practice
   * whose name comes first, so the answer does not change from one call to the next.
   *
   * @param postcode in any case and spacing; may be null
   * @return empty if the postcode is not a UK postcode, is not in the postcode table, or no member
   *     practice of a PCN has a postcode in it
   */
  public Optional<UUID> nearestPcn(String postcode) {
    Optional<PostcodeLocation> at = postcodes.locate(postcode);
    if (at.isEmpty()) {
      return Optional.empty();
    }
    List<Organisation> practices =
        identity.organisations(OrganisationType.GP_PRACTICE).stream()
            .filter(p -> p.parentId() != null && p.postcode() != null)
            .toList();
    Map<String, PostcodeLocation> where =
        postcodes.locateAll(practices.stream().map(Organisation::postcode).toList());
    return practices.stream()
        .filter(p -> where.containsKey(p.postcode()))
        .min(
            Comparator.comparingDouble(
                    (Organisation p) -> at.get().kilometresTo(where.get(p.postcode())))
                .thenComparing(Organisation::name))
        .map(Organisation::parentId);
  }

  private Optional<UUID> pcnOf(UUID organisationId) {
    if (organisationId == null) {
      return Optional.empty();
    }
    return identity
        .organisation(organisationId)
        .flatMap(
            o ->
                switch (o.type()) {
                  case PCN -> Optional.of(o.id());
                  case GP_PRACTICE -> Optional.ofNullable(o.parentId());
                  default -> Optional.empty();
                });
  }

  /**
   * One referral. Audited as {@code REFERRAL_READ}.
   *
   * @throws RecordNotFoundException if there is no such referral
   * @throws org.springframework.security.access.AccessDeniedException if the user may not read it
   *     (audited)
   */
  @Transactional
  public Referral find(UUID id) {
    Referral r = store.find(id).orElseThrow(() -> new RecordNotFoundException("referral"));
    requireRead(r);
    audit.record(AuditEntry.allowed("REFERRAL_READ", "referral", id, r.personId()));
    return r;
  }

  /** Whether the signed-in user may read this referral (nothing audited). */
  public boolean mayRead(Referral r) {
    Optional<WaymarkUser> user = access.currentUser();
    if (user.isEmpty()) {
      return false;
    }
    if (access.may(Permission.READ_OWN_REFERRALS)
        && user.get().userId().equals(r.referrerUserId())) {
      return true;
    }
    return access.may(Permission.READ_CASEWORK, r.organisationId())
        || access.may(Permission.TRIAGE_REFERRALS, r.organisationId());
  }

  private void requireRead(Referral r) {
    if (!mayRead(r)) {
      refuse("REFERRAL_READ", r);
    }
  }

  private static boolean isReferrer(WaymarkUser user, Referral r) {
    return user != null && user.userId().equals(r.referrerUserId());
  }

  private void refuse(String action, Referral r) {
    audit.recordIndependently(AuditEntry.refused(action, "referral", r.id(), r.personId()));
    throw new AccessPolicy.AuditedAccessDeniedException();
  }

  /**
   * A referral for the account that made it, for example to confirm it was sent: nobody else, not
   * even the receiving PCN, reads it this way. Audited as {@code REFERRAL_READ}.
   *
   * @throws RecordNotFoundException if there is no such referral
   * @throws org.springframework.security.access.AccessDeniedException if the signed-in user did not
   *     make it (audited)
   */
  @Transactional
  public Referral findOwn(UUID id) {
    Referral r = store.find(id).orElseThrow(() -> new RecordNotFoundException("referral"));
    if (!isReferrer(access.currentUser().orElse(null), r)) {
      refuse("REFERRAL_READ", r);
    }
    audit.record(AuditEntry.allowed("REFERRAL_READ", "referral", id, r.personId()));
    return r;
  }

  /**
   * A closed referral's discharge summary, for whoever may read the referral. Audited as {@code
   * REFERRAL_DISCHARGE_SUMMARY_READ}.
   *
   * @throws RecordNotFoundException if there is no such referral, or it is not closed
   * @throws org.springframework.security.access.AccessDeniedException if the user may not read it
   *     (audited)
   */
  @Transactional
  public Referral dischargeSummary(UUID id) {
    Referral r = store.find(id).orElseThrow(() -> new RecordNotFoundException("referral"));
    requireRead(r);
    if (r.status() != ReferralStatus.CLOSED) {
      throw new RecordNotFoundException("discharge summary");
    }
    audit.record(
        AuditEntry.allowed("REFERRAL_DISCHARGE_SUMMARY_READ", "referral", id, r.personId()));
    return r;
  }

  /** A referral's status changes, oldest first, for someone who may read it (not audited again). */
  @Transactional(readOnly = true)
  public List<ReferralStatusChange> history(Referral r) {
    requireRead(r);
    return store.history(r.organisationId(), r.id());
  }

  /**
   * The referrals waiting for triage in the organisation the user acts for: urgent first, then
   * oldest. Audited as {@code REFERRAL_QUEUE_READ} with the number shown.
   */
  @Transactional
  public List<Referral> awaitingTriage() {
    UUID organisationId = currentOrganisation();
    access.require(Permission.TRIAGE_REFERRALS, organisationId, "referral", null, null);
    List<Referral> waiting = store.awaitingTriage(organisationId);
    audit.record(
        AuditEntry.allowed("REFERRAL_QUEUE_READ", "referral", null, null)
            .withDetail("results=" + waiting.size()));
    return waiting;
  }

  /** The signed-in referrer's own referrals, newest first (at most 500). Audited. */
  @Transactional
  public List<Referral> mine() {
    UUID organisationId = currentOrganisation();
    access.require(Permission.READ_OWN_REFERRALS, organisationId, "referral", null, null);
    List<Referral> found = store.byReferrer(access.currentUser().orElseThrow().userId(), 500);
    audit.record(
        AuditEntry.allowed("REFERRAL_LIST_READ", "referral", null, null)
            .withDetail("results=" + found.size()));
    return found;
  }

  /**
   * The signed-in referrer's own referrals that match every filter given (a null filter matches
   * all), most recently changed first, at most {@code limit}: for a referring system following its
   * referrals. Audited as {@code REFERRAL_LIST_READ}, with the person when one is named.
   *
   * @param personId the person record the referrals are about
   * @param nhsNumber the person's NHS number as the referral gave it
   * @param status the referrals' status now
   * @param changedSince the earliest time of the last status change, inclusive
   */
  @Transactional
  public List<Referral> mine(
      UUID personId, String nhsNumber, ReferralStatus status, Instant changedSince, int limit) {
    UUID organisationId = currentOrganisation();
    access.require(Permission.READ_OWN_REFERRALS, organisationId, "referral", null, personId);
    List<Referral> found =
        store.byReferrer(
            access.currentUser().orElseThrow().userId(),
            personId,
            nhsNumber,
            status,
            changedSince,
            limit);
    audit.record(
        AuditEntry.allowed("REFERRAL_LIST_READ", "referral", null, personId)
            .withDetail("results=" + found.size()));
    return found;
  }

  /** The referrals about one person, for link workers and managers of the PCN. Audited. */
  @Transactional
  public List<Referral> forPerson(UUID organisationId, UUID personId) {
    access.require(Permission.READ_CASEWORK, organisationId, "referral", null, personId);
    List<Referral> found = store.forPerson(organisationId, personId);
    audit.record(
        AuditEntry.allowed("REFERRAL_LIST_READ", "referral", null, personId)
            .withDetail("results=" + found.size()));
    return found;
  }

  /**
   * Accepts a waiting referral. Called by triage, which opens the case in the same transaction.
   *
   * @throws ReferralConflictException if the referral changed since {@code version} or is no longer
   *     waiting
   */
  @Transactional
  public Referral accept(UUID id, long version) {
    return change(id, version, ReferralStatus.ACCEPTED, Map.of(), null, "REFERRAL_ACCEPTED");
  }

  /**
   * Declines a waiting referral with a reason the referrer will read, and where the person was
   * pointed instead.
   */
  @Transactional
  public Referral decline(UUID id, long version, String reason, String signposting) {
    List<Problem> problems = new ArrayList<>();
    if (reason == null || reason.isBlank()) {
      problems.add(new Problem("reason", "referral.decline.reason.required"));
    } else if (reason.length() > 2000) {
      problems.add(new Problem("reason", "referral.decline.reason.tooLong"));
    }
    if (signposting != null && signposting.length() > 2000) {
      problems.add(new Problem("signposting", "referral.decline.signposting.tooLong"));
    }
    if (!problems.isEmpty()) {
      throw new ReferralValidationException(problems);
    }
    Map<String, Object> extra = new java.util.HashMap<>();
    extra.put("decline_reason", reason.strip());
    extra.put("signposting", signposting == null || signposting.isBlank() ? null : signposting);
    return change(id, version, ReferralStatus.DECLINED, extra, reason.strip(), "REFERRAL_DECLINED");
  }

  /** Asks the referrer for more information; the referral stays in the queue. */
  @Transactional
  public Referral requestInformation(UUID id, long version, String question) {
    if (question == null || question.isBlank()) {
      throw new ReferralValidationException("question", "referral.question.required");
    }
    if (question.length() > 2000) {
      throw new ReferralValidationException("question", "referral.question.tooLong");
    }
    return change(
        id,
        version,
        ReferralStatus.INFORMATION_REQUESTED,
        Map.of("information_request", question.strip()),
        question.strip(),
        "REFERRAL_INFORMATION_REQUESTED");
  }

  /**
   * The referrer's answer to a request for more information: the referral goes back to waiting for
   * triage ({@code INFORMATION_REQUESTED} to {@code RECEIVED}), with the answer as the note of that
   * change. Only the account that made the referral may answer. Audited as {@code
   * REFERRAL_INFORMATION_SUPPLIED}; publishes {@link ReferralStatusChanged}.
   *
   * @param answer required, at most 2,000 characters
   * @throws ReferralValidationException if the answer is missing or too long (field {@code
   *     answer}); nothing is written
   * @throws ReferralConflictException if the referral changed since {@code version} or no longer
   *     waits for information
   * @throws RecordNotFoundException if there is no such referral
   * @throws org.springframework.security.access.AccessDeniedException if the signed-in user did not
   *     make the referral (audited)
   */
  @Transactional
  public Referral supplyInformation(UUID id, long version, String answer) {
    Referral r = store.find(id).orElseThrow(() -> new RecordNotFoundException("referral"));
    if (!isReferrer(access.currentUser().orElse(null), r)) {
      refuse("REFERRAL_INFORMATION_SUPPLIED", r);
    }
    String text = answer == null ? "" : answer.strip();
    if (text.isEmpty()) {
      throw new ReferralValidationException("answer", "referral.view.answer.required");
    }
    if (text.length() > 2000) {
      throw new ReferralValidationException("answer", "referral.view.answer.tooLong");
    }
    if (r.status() != ReferralStatus.INFORMATION_REQUESTED) {
      throw new ReferralConflictException(
          "The referral is now " + r.status().label().toLowerCase(), r);
    }
    return move(
        r, version, ReferralStatus.RECEIVED, Map.of(), text, "REFERRAL_INFORMATION_SUPPLIED");
  }

  /**
   * The referrer withdraws a referral that still waits for triage (the person no longer wants it,
   * or it was sent in error), with a reason the service reads: the referral leaves the triage
   * queue. Only the account that made the referral may withdraw it. Audited as {@code
   * REFERRAL_WITHDRAWN}; publishes {@link ReferralStatusChanged} with the reason as its note.
   *
   * @param reason required, at most 2,000 characters
   * @throws ReferralValidationException if the reason is missing or too long (field {@code
   *     reason}); nothing is written
   * @throws ReferralConflictException if the referral changed since {@code version} or no longer
   *     waits for triage (once accepted, the service closes it)
   * @throws RecordNotFoundException if there is no such referral
   * @throws org.springframework.security.access.AccessDeniedException if the signed-in user did not
   *     make the referral (audited)
   */
  @Transactional
  public Referral withdraw(UUID id, long version, String reason) {
    Referral r = store.find(id).orElseThrow(() -> new RecordNotFoundException("referral"));
    if (!isReferrer(access.currentUser().orElse(null), r)) {
      refuse("REFERRAL_WITHDRAWN", r);
    }
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      throw new ReferralValidationException("reason", "referral.withdraw.reason.required");
    }
    if (text.length() > 2000) {
      throw new ReferralValidationException("reason", "referral.withdraw.reason.tooLong");
    }
    return move(r, version, ReferralStatus.WITHDRAWN, Map.of(), text, "REFERRAL_WITHDRAWN");
  }

  private Referral change(
      UUID id,
      long version,
      ReferralStatus to,
      Map<String, Object> extra,
      String note,
      String action) {
    Referral r = store.find(id).orElseThrow(() -> new RecordNotFoundException("referral"));
    access.require(Permission.TRIAGE_REFERRALS, r.organisationId(), "referral", id, r.personId());
    return move(r, version, to, extra, note, action);
  }

  private Referral move(
      Referral r,
      long version,
      ReferralStatus to,
      Map<String, Object> extra,
      String note,
      String action) {
    if (r.version() != version || !r.status().next().contains(to)) {
      throw new ReferralConflictException(
          "The referral is now " + r.status().label().toLowerCase(), r);
    }
    UUID by = access.currentUser().map(WaymarkUser::userId).orElse(null);
    if (!store.changeStatus(r, version, to, extra, by, note)) {
      Referral now = store.find(r.id()).orElseThrow();
      throw new ReferralConflictException(
          "The referral is now " + now.status().label().toLowerCase(), now);
    }
    audit.record(AuditEntry.allowed(action, "referral", r.id(), r.personId()));
    events.publishEvent(
        new ReferralStatusChanged(
            r.id(), r.organisationId(), r.personId(), r.status(), to, Instant.now(), by, note));
    return store.find(r.id()).orElseThrow();
  }

  /**
   * Closes an accepted referral with the discharge summary the referrer will read. Called by
   * casework when the case closes, in the same transaction; the user must be able to write casework
   * in the PCN.
   */
  @Transactional
  public Referral recordDischarge(UUID id, String dischargeSummary) {
    if (dischargeSummary == null || dischargeSummary.isBlank()) {
      throw new ReferralValidationException("dischargeSummary", "referral.discharge.required");
    }
    Referral r = store.find(id).orElseThrow(() -> new RecordNotFoundException("referral"));
    access.require(Permission.WRITE_CASEWORK, r.organisationId(), "referral", id, r.personId());
    Map<String, Object> extra = new java.util.HashMap<>();
    extra.put("discharge_summary", dischargeSummary);
    extra.put("discharged_at", java.sql.Timestamp.from(Instant.now()));
    return move(r, r.version(), ReferralStatus.CLOSED, extra, null, "REFERRAL_CLOSED");
  }

  private UUID currentOrganisation() {
    return access.currentUser().map(WaymarkUser::organisationId).orElse(null);
  }
}
