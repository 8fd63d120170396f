package org.waymark.person;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;
import org.waymark.identity.WaymarkUser;
import org.waymark.person.PersonValidationException.Problem;
import org.waymark.person.internal.PersonMerging;
import org.waymark.person.internal.PersonRepository;
import org.waymark.person.internal.PersonRules;
import org.waymark.shared.NhsNumber;
import org.waymark.shared.RecordNotFoundException;

/**
 * The person module's API: register, change, read and search person records, and each person's
 * access report. Every method acts for the signed-in user, checks their role and their relationship
 * to the organisation holding the record ({@link AccessPolicy#require}, which audits and throws a
 * refusal), and audits what it read or changed. Invalid details throw {@link
 * PersonValidationException} and nothing is written.
 */
@Service
public class PersonManagement {

  /** Dates of birth and death are judged by the calendar in England. */
  static final ZoneId ENGLAND = ZoneId.of("Europe/London");

  private final PersonRepository people;
  private final AccessPolicy access;
  private final IdentityManagement identity;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  PersonManagement(
      PersonRepository people,
      AccessPolicy access,
      IdentityManagement identity,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.people = people;
    this.access = access;
    this.identity = identity;
    this.audit = audit;
    this.events = events;
  }

  /**
   * The rules these details break, without saving anything or checking access: for showing every
   * problem with a form at once. Whether the NHS number is already used is only checked on saving.
   */
  public List<Problem> problems(PersonDetails details) {
    PersonDetails clean = PersonRules.normalise(details);
    List<Problem> problems = new ArrayList<>(PersonRules.problems(clean, today()));
    if (clean.registeredPracticeId() != null && !isGpPractice(clean.registeredPracticeId())) {
      problems.add(new Problem("registeredPracticeId", "person.registeredPractice.invalid"));
    }
    return problems;
  }

  /**
   * Registers a person in the organisation the signed-in user acts for. Audited as {@code
   * PERSON_CREATED}.
   *
   * @throws PersonValidationException if the details break a rule or the NHS number is already
   *     recorded in that organisation
   * @throws org.springframework.security.access.AccessDeniedException if the user may not write
   *     person records there (audited)
   */
  @Transactional
  public Person register(PersonDetails details) {
    UUID organisationId = actingOrganisation();
    access.require(Permission.WRITE_PERSON, organisationId, "person", null, null);
    UUID id = UUID.randomUUID();
    insert(organisationId, id, details);
    audit.record(AuditEntry.allowed("PERSON_CREATED", "person", id, id));
    return people.find(id).orElseThrow();
  }

  /**
   * Registers a person on the system's own behalf, for example demo data at first start: audited as
   * {@code PERSON_CREATED} with no user and the reason as detail. Refused inside a web request or
   * while a user is signed in, so no page or API can reach it.
   *
   * @param organisationId the organisation that holds the record; it must exist
   * @param reason why the system registers people, for example "demo data"
   * @throws IllegalStateException if called while handling a request or with a user signed in
   * @throws PersonValidationException as for {@link #register}
   */
  @Transactional
  public Person registerBySystem(UUID organisationId, PersonDetails details, String reason) {
    if (RequestContextHolder.getRequestAttributes() != null || access.currentUser().isPresent()) {
      throw new IllegalStateException(
          "The system registers people only outside requests, with nobody signed in");
    }
    identity
        .organisation(organisationId)
        .orElseThrow(() -> new RecordNotFoundException("organisation"));
    UUID id = UUID.randomUUID();
    insert(organisationId, id, details);
    audit.record(
        new AuditActor(AuditLog.DEPLOYMENT, null, null, null),
        AuditEntry.allowed("PERSON_CREATED", "person", id, id)
            .withDetail("By the system: " + reason));
    return people.find(id).orElseThrow();
  }

  /**
   * A person's details for a message the system sends on its own (a scheduled reminder), read with
   * nobody signed in, outside any request. Audited as {@code PERSON_READ} by the deployment, with
   * the reason. The caller checks consent and whether the person has died.
   *
   * @return empty if the organisation holds no such record, or it was merged into another
   * @throws IllegalStateException if called inside a request or with someone signed in
   */
  @Transactional
  public java.util.Optional<PersonDetails> detailsForSystemMessage(
      UUID organisationId, UUID personId, String reason) {
    if (RequestContextHolder.getRequestAttributes() != null || access.currentUser().isPresent()) {
      throw new IllegalStateException(
          "The system reads people for its own messages only outside requests");
    }
    java.util.Optional<Person> person =
        people
            .find(personId)
            .filter(p -> p.organisationId().equals(organisationId))
            .filter(p -> people.mergedInto(personId).isEmpty());
    person.ifPresent(
        p ->
            audit.record(
                new AuditActor(AuditLog.DEPLOYMENT, null, null, null),
                AuditEntry.allowed("PERSON_READ", "person", personId, personId)
                    .withDetail("By the system: " + reason)));
    return person.map(Person::details);
  }

  /**
   * The person record a newly arriving referral is about, in the organisation that receives it: the
   * record it already holds with the same NHS number, or a new record made from the referred
   * details. For the referral module only, after it has checked that the referrer may refer (a
   * referrer need not be able to read person records, and a self-referral has nobody signed in). A
   * new record is audited as {@code PERSON_CREATED} with the detail "From a referral"; an existing
   * one is not read by the referrer, so nothing more is audited. Details that differ from an
   * existing record are not written to it: the referral keeps them for triage to compare.
   *
   * @throws PersonValidationException if the details break a rule
   */
  @Transactional
  public ReferredPerson recordForReferral(UUID organisationId, PersonDetails details) {
    identity
        .organisation(organisationId)
        .orElseThrow(() -> new RecordNotFoundException("organisation"));
    PersonDetails clean = PersonRules.normalise(details);
    List<Problem> problems = problems(clean);
    if (!problems.isEmpty()) {
      throw new PersonValidationException(problems);
    }
    UUID id = UUID.randomUUID();
    boolean created;
    if (clean.nhsNumber() == null) {
      people.insert(organisationId, id, clean);
      created = true;
    } else {
      created = people.insertUnlessNhsNumberHeld(organisationId, id, clean);
    }
    if (created) {
      audit.record(
          AuditEntry.allowed("PERSON_CREATED", "person", id, id).withDetail("From a referral"));
      return new ReferredPerson(people.find(id).orElseThrow(), false);
    }
    return new ReferredPerson(
        people.findByNhsNumber(organisationId, clean.nhsNumber()).orElseThrow(), true);
  }

  /**
   * Other records in the same organisation (and, for a PCN, its member practices) that may be the
   * same person: same NHS number, similar name and the same date of birth, or the same name and
   * postcode. Names are compared tolerantly for the date of birth (case, accents, spelling such as
   * "Jon" and "John" or "Smith" and "Smyth", a preferred name, given and family name swapped) and
   * exactly, apart from case and accents, for the postcode. Merged-away records are never
   * candidates. For link workers and managers of that organisation; audited as {@code
   * PERSON_DUPLICATE_CHECK} with the number found.
   *
   * @throws PersonMergedException if the record was merged into another
   */
  @Transactional
  public List<DuplicateCandidate> duplicateCandidates(UUID personId) {
    Person person = people.find(personId).orElseThrow(() -> new RecordNotFoundException("person"));
    if (!access.may(Permission.TRIAGE_REFERRALS, person.organisationId())) {
      access.require(Permission.READ_PERSON, person.organisationId(), "person", personId, personId);
    }
    refuseIfMerged(personId);
    List<DuplicateCandidate> found =
        people.duplicateCandidates(reachable(person.organisationId()), person);
    audit.record(
        AuditEntry.allowed("PERSON_DUPLICATE_CHECK", "person", personId, personId)
            .withDetail("results=" + found.size()));
    return found;
  }

  /**
   * Changes a person's details, if the record is still at the version the user started from.
   * Audited as {@code PERSON_UPDATED} with the names of the changed fields (never their values);
   * details equal to the stored ones change nothing and are not audited.
   *
   * @param version the {@link Person#version()} the edit started from
   * @return the record as stored now
   * @throws RecordNotFoundException if there is no such person
   * @throws PersonEditConflictException if someone else changed the record since that version
   * @throws PersonValidationException if the details break a rule
   * @throws PersonMergedException if the record was merged into another
   */
  @Transactional
  public Person update(UUID id, long version, PersonDetails details) {
    Person current = people.find(id).orElseThrow(() -> new RecordNotFoundException("person"));
    access.require(Permission.WRITE_PERSON, current.organisationId(), "person", id, id);
    refuseIfMerged(id);
    if (current.version() != version) {
      throw conflict(current, details);
    }
    PersonDetails clean = valid(details, current.organisationId(), id);
    List<String> changed = clean.fieldsDifferentFrom(current.details());
    if (changed.isEmpty()) {
      return current;
    }
    boolean written;
    try {
      written = people.update(current.organisationId(), id, version, clean);
    } catch (DuplicateKeyException e) {
      throw new PersonValidationException("nhsNumber", "person.nhsNumber.taken");
    }
    if (!written) {
      // Another edit committed between reading and writing.
      throw conflict(
          people.find(id).orElseThrow(() -> new RecordNotFoundException("person")), details);
    }
    audit.record(
        AuditEntry.allowed("PERSON_UPDATED", "person", id, id)
            .withDetail("Changed: " + String.join(", ", changed)));
    return people.find(id).orElseThrow();
  }

  /**
   * Reads one person's record. Audited as {@code PERSON_READ}.
   *
   * @throws RecordNotFoundException if there is no such person
   * @throws org.springframework.security.access.AccessDeniedException if the user may not read it
   *     (audited)
   * @throws PersonMergedException if the record was merged into another (checked after access, so
   *     only someone who may read it learns where it went)
   */
  @Transactional
  public Person find(UUID id) {
    Person person = people.find(id).orElseThrow(() -> new RecordNotFoundException("person"));
    access.require(Permission.READ_PERSON, person.organisationId(), "person", id, id);
    refuseIfMerged(id);
    audit.record(AuditEntry.allowed("PERSON_READ", "person", id, id));
    return person;
  }

  /**
   * Searches the people held by the organisation the user acts for (and, for a PCN, its member
   * practices). Audited as {@code PERSON_SEARCH} with the number found, naming nobody: showing a
   * result list is not reading each record.
   *
   * @throws PersonValidationException if an NHS number is given and is not valid
   */
  @Transactional
  public PersonSearchResult search(PersonSearch search) {
    UUID organisationId = actingOrganisation();
    access.require(Permission.READ_PERSON, organisationId, "person", null, null);
    String nhsNumber = null;
    if (search.nhsNumber() != null && !search.nhsNumber().isBlank()) {
      if (!NhsNumber.isValid(search.nhsNumber())) {
        throw new PersonValidationException("nhsNumber", "person.search.nhsNumber.invalid");
      }
      nhsNumber = NhsNumber.of(search.nhsNumber()).toString();
    }
    List<String> words =
        search.name() == null
            ? List.of()
            : Arrays.stream(search.name().strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    List<UUID> organisations = reachable(organisationId);
    long total = people.count(organisations, words, nhsNumber, search.dateOfBirth());
    List<Person> found =
        people.search(
            organisations,
            words,
            nhsNumber,
            search.dateOfBirth(),
            search.size(),
            (long) search.page() * search.size());
    audit.record(
        AuditEntry.allowed("PERSON_SEARCH", "person", null, null).withDetail("results=" + total));
    return new PersonSearchResult(found, search.page(), search.size(), total);
  }

  /**
   * The whole records of the people with this NHS number held by the user's organisation (and its
   * member practices): usually one, none if unknown there. Audited as {@code PERSON_SEARCH}, and as
   * {@code PERSON_READ} for each record returned.
   *
   * @throws PersonValidationException if the NHS number is not valid
   */
  @Transactional
  public List<Person> findByNhsNumber(String nhsNumber) {
    List<Person> found = search(new PersonSearch(null, nhsNumber, null, 0, 100)).people();
    for (Person p : found) {
      audit.record(AuditEntry.allowed("PERSON_READ", "person", p.id(), p.id()));
    }
    return found;
  }

  /**
   * The access report of every record, in any organisation, with this NHS number: for a Caldicott
   * guardian or a subject access request. Each report is audited as {@code PERSON_ACCESS_REPORT}
   * before it is read, so it lists itself; a search that finds nobody is audited too.
   *
   * @throws PersonValidationException if the NHS number is not valid
   * @throws org.springframework.security.access.AccessDeniedException if the user may not read
   *     access reports (audited)
   */
  @Transactional
  public List<PersonAccessReport> accessReports(String nhsNumber) {
    if (nhsNumber == null || !NhsNumber.isValid(nhsNumber)) {
      throw new PersonValidationException("nhsNumber", "accessReport.nhsNumber.invalid");
    }
    List<Person> found = people.withNhsNumber(NhsNumber.of(nhsNumber).toString());
    if (found.isEmpty()) {
      access.require(
          Permission.READ_PERSON_ACCESS_REPORT, actingOrganisation(), "person", null, null);
      audit.record(
          AuditEntry.allowed("PERSON_ACCESS_REPORT", "person", null, null).withDetail("results=0"));
      return List.of();
    }
    List<PersonAccessReport> reports = new ArrayList<>();
    for (Person p : found) {
      access.require(
          Permission.READ_PERSON_ACCESS_REPORT, p.organisationId(), "person", p.id(), p.id());
      audit.record(AuditEntry.allowed("PERSON_ACCESS_REPORT", "person", p.id(), p.id()));
      reports.add(new PersonAccessReport(p, audit.forPerson(p.id())));
      // A record merged into this one gave up its NHS number, but its history is this person's.
      for (UUID mergedId : people.mergedIntoThis(p.organisationId(), p.id())) {
        Person merged = people.find(mergedId).orElseThrow();
        audit.record(AuditEntry.allowed("PERSON_ACCESS_REPORT", "person", mergedId, mergedId));
        reports.add(new PersonAccessReport(merged, audit.forPerson(mergedId)));
      }
    }
    return reports;
  }

  /**
   * Merges two records of the same person into one, for service managers ({@link
   * Permission#TRIAGE_REFERRALS}) of the organisation that holds both. In one transaction: the
   * merged record is marked as merged into the kept one (it stays only as a pointer, and is no
   * longer searched, matched, read or changed); fields the kept record has no value for are filled
   * from the merged one (never overwritten; an address, and each contact route with its consent,
   * move as a whole; an NHS number moves); {@link PersonsMerged} is published, so that every module
   * moves its linked records in the same transaction; and both records are audited as {@code
   * PERSON_MERGED}, the kept one naming the fields filled (never their values).
   *
   * @param keptVersion the {@link Person#version()} of the record to keep, as the user compared it
   * @param mergedVersion likewise for the record merged into it
   * @return the kept record as stored now
   * @throws RecordNotFoundException if either record does not exist
   * @throws org.springframework.security.access.AccessDeniedException if the user may not merge
   *     either record (audited)
   * @throws PersonMergeRefusedException if the records are the same, either is merged already, they
   *     belong to different organisations or they have different NHS numbers
   * @throws PersonMergeConflictException if either record changed since the given version
   */
  @Transactional
  public Person merge(UUID keptId, long keptVersion, UUID mergedId, long mergedVersion) {
    Person kept = people.find(keptId).orElseThrow(() -> new RecordNotFoundException("person"));
    Person merged = people.find(mergedId).orElseThrow(() -> new RecordNotFoundException("person"));
    access.require(Permission.TRIAGE_REFERRALS, kept.organisationId(), "person", keptId, keptId);
    access.require(
        Permission.TRIAGE_REFERRALS, merged.organisationId(), "person", mergedId, mergedId);
    if (keptId.equals(mergedId)) {
      throw new PersonMergeRefusedException("person.merge.same");
    }
    if (!kept.organisationId().equals(merged.organisationId())) {
      throw new PersonMergeRefusedException("person.merge.otherOrganisation");
    }
    for (Person p : people.lockBoth(keptId, mergedId)) {
      if (people.mergedInto(p.id()).isPresent()) {
        throw new PersonMergeRefusedException("person.merge.alreadyMerged");
      }
      long expected = p.id().equals(keptId) ? keptVersion : mergedVersion;
      if (p.version() != expected) {
        throw new PersonMergeConflictException(p.id());
      }
      if (p.id().equals(keptId)) {
        kept = p;
      } else {
        merged = p;
      }
    }
    String keptNhs = kept.details().nhsNumber();
    String mergedNhs = merged.details().nhsNumber();
    if (keptNhs != null && mergedNhs != null && !keptNhs.equals(mergedNhs)) {
      throw new PersonMergeRefusedException("person.merge.differentNhsNumbers");
    }
    List<String> filled = new ArrayList<>();
    PersonDetails combined = PersonMerging.fillEmpty(kept.details(), merged.details(), filled);
    UUID organisationId = kept.organisationId();
    // The merged record gives up its NHS number first, so the kept one can take it.
    if (!people.markMerged(organisationId, mergedId, mergedVersion, keptId)
        || !people.update(organisationId, keptId, keptVersion, combined)) {
      throw new PersonMergeConflictException(keptId);
    }
    events.publishEvent(new PersonsMerged(organisationId, keptId, mergedId));
    audit.record(
        AuditEntry.allowed("PERSON_MERGED", "person", keptId, keptId)
            .withDetail(
                "Kept; merged "
                    + mergedId
                    + " into it"
                    + (filled.isEmpty() ? "" : ". Filled from it: " + String.join(", ", filled))));
    audit.record(
        AuditEntry.allowed("PERSON_MERGED", "person", mergedId, mergedId)
            .withDetail("Merged into " + keptId));
    return people.find(keptId).orElseThrow();
  }

  private void refuseIfMerged(UUID id) {
    people
        .mergedInto(id)
        .ifPresent(
            kept -> {
              throw new PersonMergedException(id, kept);
            });
  }

  /** Which fields of the edit differ from the record as it is now; their values stay unsaid. */
  private static PersonEditConflictException conflict(Person current, PersonDetails edit) {
    return new PersonEditConflictException(
        current.id(),
        current.version(),
        PersonRules.normalise(edit).fieldsDifferentFrom(current.details()));
  }

  private void insert(UUID organisationId, UUID id, PersonDetails details) {
    PersonDetails clean = valid(details, organisationId, null);
    try {
      people.insert(organisationId, id, clean);
    } catch (DuplicateKeyException e) {
      // Another registration with the same NHS number committed after the check above.
      throw new PersonValidationException("nhsNumber", "person.nhsNumber.taken");
    }
  }

  /** The normalised details, or every problem with them, including an NHS number already in use. */
  private PersonDetails valid(PersonDetails details, UUID organisationId, UUID exceptId) {
    PersonDetails clean = PersonRules.normalise(details);
    List<Problem> problems = problems(clean);
    if (clean.nhsNumber() != null
        && problems.stream().noneMatch(p -> p.field().equals("nhsNumber"))
        && people.nhsNumberTaken(organisationId, clean.nhsNumber(), exceptId)) {
      problems.add(0, new Problem("nhsNumber", "person.nhsNumber.taken"));
    }
    if (!problems.isEmpty()) {
      throw new PersonValidationException(problems);
    }
    return clean;
  }

  private boolean isGpPractice(UUID organisationId) {
    return identity
        .organisation(organisationId)
        .map(o -> o.type() == OrganisationType.GP_PRACTICE)
        .orElse(false);
  }

  /**
   * The records with these ids that the user may read (the organisation they act for and its member
   * practices), for a list page that shows many people at once; ids of records out of reach or
   * unknown are left out. Audited once as {@code PERSON_LIST_READ} with the number found.
   *
   * @return by id; never null
   */
  @Transactional
  public java.util.Map<UUID, Person> findAll(java.util.Collection<UUID> ids) {
    UUID organisationId = actingOrganisation();
    access.require(Permission.READ_PERSON, organisationId, "person", null, null);
    java.util.Map<UUID, Person> found = new java.util.HashMap<>();
    for (Person p : people.findAll(reachable(organisationId), ids)) {
      found.put(p.id(), p);
    }
    audit.record(
        AuditEntry.allowed("PERSON_LIST_READ", "person", null, null)
            .withDetail("results=" + found.size()));
    return found;
  }

  /**
   * Which of these records have at least one duplicate candidate (see {@link
   * #duplicateCandidates}), checked in one query: for marking a list such as the triage queue. Only
   * records of the organisation the user acts for (and its member practices) are considered.
   * Audited once as {@code PERSON_DUPLICATE_CHECK} with the number marked.
   */
  @Transactional
  public java.util.Set<UUID> withDuplicateCandidates(java.util.Collection<UUID> personIds) {
    UUID organisationId = actingOrganisation();
    if (!access.may(Permission.TRIAGE_REFERRALS, organisationId)) {
      access.require(Permission.READ_PERSON, organisationId, "person", null, null);
    }
    java.util.Set<UUID> marked =
        people.withDuplicateCandidates(reachable(organisationId), personIds);
    audit.record(
        AuditEntry.allowed("PERSON_DUPLICATE_CHECK", "person", null, null)
            .withDetail("checked=" + personIds.size() + " results=" + marked.size()));
    return marked;
  }

  /**
   * The organisation and, for a PCN, its member practices: the records the user's role can reach.
   */
  private List<UUID> reachable(UUID organisationId) {
    List<UUID> organisations = new ArrayList<>();
    organisations.add(organisationId);
    identity.memberPractices(organisationId).stream()
        .map(Organisation::id)
        .forEach(organisations::add);
    return organisations;
  }

  private UUID actingOrganisation() {
    return access
        .currentUser()
        .map(WaymarkUser::organisationId)
        .orElseThrow(
            () ->
                new org.springframework.security.access.AccessDeniedException(
                    "Nobody is signed in"));
  }

  private static LocalDate today() {
    return LocalDate.now(ENGLAND);
  }
}
