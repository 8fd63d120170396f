package org.waymark.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.directory.ListingValidationException.Problem;
import org.waymark.directory.internal.curation.ListingRepository;
import org.waymark.directory.internal.curation.ListingRules;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.NeedDomain;
import org.waymark.shared.RecordNotFoundException;

/**
 * The directory's curation API: create and edit listings, pause and resume referrals, mark a
 * listing as verified, decide its need domains, list listings (and those not verified for 12
 * months), and read each listing's change history.
 *
 * <p>Every method acts for the signed-in user. Curators (service managers, administrators: {@link
 * Permission#CURATE_DIRECTORY}) may change every listing; anyone else with {@link
 * Permission#EDIT_DIRECTORY_LISTING} (VCS coordinators) only the listings their organisation holds.
 * Refusals are audited and thrown as {@link AccessDeniedException}. Every change moves the
 * listing's {@code last_modified} on and is kept in its change history with who and when, in the
 * same transaction; invalid details throw {@link ListingValidationException} and nothing is
 * written.
 */
@Service
public class DirectoryCuration {

  private static final String RECORD_TYPE = "directory_service";

  private final ListingRepository listings;
  private final AccessPolicy access;
  private final IdentityManagement identity;
  private final AuditLog audit;

  DirectoryCuration(
      ListingRepository listings,
      AccessPolicy access,
      IdentityManagement identity,
      AuditLog audit) {
    this.listings = listings;
    this.access = access;
    this.identity = identity;
    this.audit = audit;
  }

  /**
   * The rules these details break, without saving anything or checking access: for showing every
   * problem with a form at once. Never null.
   */
  public List<Problem> problems(ListingDetails details) {
    return ListingRules.problems(ListingRules.normalise(details));
  }

  /** True if the signed-in user curates the whole directory (service managers, administrators). */
  public boolean mayCurate() {
    return access.may(Permission.CURATE_DIRECTORY);
  }

  /** True if the signed-in user may change listings held by this organisation. */
  public boolean mayEdit(UUID holderOrganisationId) {
    return mayCurate() || access.may(Permission.EDIT_DIRECTORY_LISTING, holderOrganisationId);
  }

  /**
   * Adds a listing held by an organisation: a VCS coordinator's own, or any organisation's for a
   * curator. It is published as the holder's own ORUK organisation's service (the deployment's
   * listings as a service on its own), with source {@code waymark} and its id as source id.
   *
   * @throws ListingValidationException if the details break a rule or there is no such holder
   * @throws AccessDeniedException if the user may not keep listings for that holder (audited)
   */
  @Transactional
  public Listing createListing(UUID holderOrganisationId, ListingDetails details) {
    if (holderOrganisationId == null) {
      throw new ListingValidationException(
          "holderOrganisationId", "directory.curation.holder.required");
    }
    requireEdit(holderOrganisationId, null);
    Listing created = create(holderOrganisationId, details, currentUsername());
    audit.record(AuditEntry.allowed("DIRECTORY_LISTING_CREATED", RECORD_TYPE, created.id(), null));
    return created;
  }

  /**
   * Adds a listing on the system's own behalf, for example demo data at first start. The change
   * history and audit log name {@code system:} and the reason. Refused inside a web request or
   * while a user is signed in, so no page can reach it.
   *
   * @param holderOrganisationId the organisation that holds the listing; it must exist
   * @param reason why the system adds it, for example {@code demo data}
   * @throws IllegalStateException if called while handling a request or with a user signed in
   * @throws ListingValidationException as for {@link #createListing}
   */
  @Transactional
  public Listing createListingBySystem(
      UUID holderOrganisationId, ListingDetails details, String reason) {
    if (RequestContextHolder.getRequestAttributes() != null || access.currentUser().isPresent()) {
      throw new IllegalStateException(
          "The system adds listings only outside requests, with nobody signed in");
    }
    Listing created = create(holderOrganisationId, details, "system: " + reason);
    audit.record(
        new AuditActor(AuditLog.DEPLOYMENT, null, null, null),
        AuditEntry.allowed("DIRECTORY_LISTING_CREATED", RECORD_TYPE, created.id(), null)
            .withDetail("By the system: " + reason));
    return created;
  }

  /**
   * One listing, for someone who may change it.
   *
   * @throws RecordNotFoundException if there is no such listing
   * @throws AccessDeniedException if the user may not change it (audited)
   */
  @Transactional(readOnly = true)
  public Listing listing(UUID id) {
    ListingRepository.Row row = find(id);
    requireEdit(row.holderOrganisationId(), id);
    return listing(row);
  }

  /**
   * Changes a listing's details, if it is still at the version the user started from. Details equal
   * to the stored ones change nothing and leave no history.
   *
   * @param version the {@link Listing#version()} the edit started from
   * @return the listing as stored now
   * @throws RecordNotFoundException if there is no such listing
   * @throws AccessDeniedException if the user may not change it (audited)
   * @throws ListingEditConflictException if someone changed the listing since that version
   * @throws ListingValidationException if the details break a rule
   */
  @Transactional
  public Listing update(UUID id, long version, ListingDetails details) {
    ListingRepository.Row current = find(id);
    requireEdit(current.holderOrganisationId(), id);
    ListingDetails clean = ListingRules.normalise(details);
    if (current.version() != version) {
      throw conflict(current, clean);
    }
    valid(clean);
    Map<String, List<String>> changes = ListingRules.differences(current.details(), clean);
    if (changes.isEmpty()) {
      return listing(current);
    }
    boolean written =
        listings.update(
            current.holderOrganisationId(),
            id,
            version,
            clean,
            current.detailsJson(),
            changes.containsKey("description"));
    if (!written) {
      // Another edit committed between reading and writing.
      throw conflict(find(id), clean);
    }
    String summary = "Changed " + fieldList(changes.keySet());
    changed(current.holderOrganisationId(), id, summary, changes, "DIRECTORY_LISTING_UPDATED");
    return listing(find(id));
  }

  /**
   * Stops new referrals for now (only from accepting referrals).
   *
   * @return false if the listing was not accepting referrals, so nothing changed
   * @throws RecordNotFoundException if there is no such listing
   * @throws AccessDeniedException if the user may not change it (audited)
   */
  @Transactional
  public boolean pauseReferrals(UUID id) {
    return moveReferrals(id, AcceptingReferrals.YES, AcceptingReferrals.PAUSED, "Referrals paused");
  }

  /**
   * Takes referrals again after a pause.
   *
   * @return false if referrals were not paused, so nothing changed
   * @throws RecordNotFoundException if there is no such listing
   * @throws AccessDeniedException if the user may not change it (audited)
   */
  @Transactional
  public boolean resumeReferrals(UUID id) {
    return moveReferrals(
        id, AcceptingReferrals.PAUSED, AcceptingReferrals.YES, "Referrals resumed");
  }

  /**
   * Records that the signed-in user has checked the listing with the service now.
   *
   * @return the listing as stored now
   * @throws RecordNotFoundException if there is no such listing
   * @throws AccessDeniedException if the user may not change it (audited)
   */
  @Transactional
  public Listing markVerified(UUID id) {
    ListingRepository.Row current = find(id);
    requireEdit(current.holderOrganisationId(), id);
    String by = currentUsername();
    Instant at = listings.markVerified(current.holderOrganisationId(), id, by);
    Map<String, List<String>> changes = new LinkedHashMap<>();
    changes.put(
        "lastVerifiedAt",
        ListingRules.pair(
            current.lastVerifiedAt() == null ? null : current.lastVerifiedAt().toString(),
            at.toString()));
    if (!by.equals(current.lastVerifiedBy())) {
      changes.put("lastVerifiedBy", ListingRules.pair(current.lastVerifiedBy(), by));
    }
    changed(
        current.holderOrganisationId(),
        id,
        "Marked as verified",
        changes,
        "DIRECTORY_LISTING_VERIFIED");
    return listing(find(id));
  }

  /**
   * Confirms a need domain that was suggested for the listing.
   *
   * @return false if the listing has no such suggestion (already confirmed, or removed)
   * @throws RecordNotFoundException if there is no such listing
   * @throws AccessDeniedException if the user does not curate the directory (audited)
   */
  @Transactional
  public boolean confirmNeed(UUID id, NeedDomain need) {
    ListingRepository.Row current = find(id);
    requireCurate(id);
    if (!listings.confirmNeed(current.holderOrganisationId(), id, need, currentUsername())) {
      return false;
    }
    needChanged(current, need, "SUGGESTED", "CONFIRMED", "Need domain confirmed: ");
    return true;
  }

  /**
   * Adds a need domain to the listing, confirmed.
   *
   * @return false if the listing has that need domain already (suggested or confirmed)
   * @throws RecordNotFoundException if there is no such listing
   * @throws AccessDeniedException if the user does not curate the directory (audited)
   */
  @Transactional
  public boolean addNeed(UUID id, NeedDomain need) {
    ListingRepository.Row current = find(id);
    requireCurate(id);
    if (!listings.addNeed(current.holderOrganisationId(), id, need, currentUsername())) {
      return false;
    }
    needChanged(current, need, null, "CONFIRMED", "Need domain added: ");
    return true;
  }

  /**
   * Removes a need domain from the listing, suggested or confirmed.
   *
   * @return false if the listing did not have it
   * @throws RecordNotFoundException if there is no such listing
   * @throws AccessDeniedException if the user does not curate the directory (audited)
   */
  @Transactional
  public boolean removeNeed(UUID id, NeedDomain need) {
    ListingRepository.Row current = find(id);
    requireCurate(id);
    return listings
        .removeNeed(current.holderOrganisationId(), id, need)
        .map(
            before -> {
              needChanged(current, need, before, null, "Need domain removed: ");
              return true;
            })
        .orElse(false);
  }

  /**
   * The listing's change history, newest first.
   *
   * @throws RecordNotFoundException if there is no such listing
   * @throws AccessDeniedException if the user may not change it (audited)
   */
  @Transactional(readOnly = true)
  public List<ListingChange> history(UUID id) {
    ListingRepository.Row row = find(id);
    requireEdit(row.holderOrganisationId(), id);
    return listings.history(row.holderOrganisationId(), id);
  }

  /**
   * The listings the user may change that match the search: every holder's for curators, their own
   * organisation's for anyone else (whatever holder the search names). Ordered by name, or with
   * {@link ListingSearch#staleOnly()} by when last verified, never-verified first.
   *
   * @throws AccessDeniedException if the user may not change listings at all
   */
  @Transactional(readOnly = true)
  public ListingPage listings(ListingSearch search) {
    UUID holder = search.holderOrganisationId();
    if (!mayCurate()) {
      WaymarkUser user =
          access.currentUser().orElseThrow(() -> refused(null, "EDIT_DIRECTORY_LISTING"));
      holder = user.organisationId();
      access.require(Permission.EDIT_DIRECTORY_LISTING, holder, RECORD_TYPE, null, null);
    }
    long total =
        listings.count(holder, search.staleOnly(), search.needsToConfirm(), search.accepting());
    Map<UUID, String> names = new HashMap<>();
    List<ListingSummary> rows = new ArrayList<>();
    for (ListingRepository.SummaryRow r :
        listings.search(
            holder,
            search.staleOnly(),
            search.needsToConfirm(),
            search.accepting(),
            search.size(),
            (long) search.page() * search.size())) {
      rows.add(
          new ListingSummary(
              r.id(),
              r.name(),
              r.holderOrganisationId(),
              names.computeIfAbsent(r.holderOrganisationId(), this::organisationName),
              r.contactEmail(),
              r.acceptingReferrals(),
              r.lastVerifiedAt(),
              r.lastVerifiedBy(),
              r.suggestedNeeds(),
              r.stale()));
    }
    return new ListingPage(rows, search.page(), search.size(), total);
  }

  /**
   * The organisations that hold listings, by name, for a curator's holder filter; for anyone else
   * only their own organisation.
   */
  @Transactional(readOnly = true)
  public List<ListingHolder> holders() {
    List<UUID> ids =
        mayCurate()
            ? listings.holders()
            : access.currentUser().map(u -> List.of(u.organisationId())).orElse(List.of());
    List<ListingHolder> holders = new ArrayList<>();
    for (UUID id : ids) {
      holders.add(new ListingHolder(id, organisationName(id)));
    }
    holders.sort(Comparator.comparing(h -> h.name().toLowerCase(java.util.Locale.UK)));
    return holders;
  }

  private Listing create(UUID holder, ListingDetails details, String by) {
    Organisation organisation =
        identity
            .organisation(holder)
            .orElseThrow(
                () ->
                    new ListingValidationException(
                        "holderOrganisationId", "directory.curation.holder.required"));
    ListingDetails clean = ListingRules.normalise(details);
    valid(clean);
    UUID directoryOrganization =
        organisation.type() == OrganisationType.DEPLOYMENT
            ? null
            : listings.ownOrganization(holder, organisation.name());
    UUID id = UUID.randomUUID();
    listings.insert(holder, id, directoryOrganization, clean);
    listings.recordChange(holder, id, by, "Listing created", ListingRules.asCreated(clean));
    return listing(find(id));
  }

  private boolean moveReferrals(
      UUID id, AcceptingReferrals from, AcceptingReferrals to, String summary) {
    ListingRepository.Row current = find(id);
    requireEdit(current.holderOrganisationId(), id);
    if (current.details().acceptingReferrals() != from) {
      return false;
    }
    listings.setAccepting(current.holderOrganisationId(), id, to);
    Map<String, List<String>> changes = new LinkedHashMap<>();
    changes.put("acceptingReferrals", ListingRules.pair(from.name(), to.name()));
    changed(current.holderOrganisationId(), id, summary, changes, "DIRECTORY_LISTING_UPDATED");
    return true;
  }

  private void needChanged(
      ListingRepository.Row current, NeedDomain need, String from, String to, String summary) {
    listings.touch(current.holderOrganisationId(), current.id());
    Map<String, List<String>> changes = new LinkedHashMap<>();
    changes.put("need." + need.name(), ListingRules.pair(from, to));
    changed(
        current.holderOrganisationId(),
        current.id(),
        summary + need.label(),
        changes,
        "DIRECTORY_LISTING_NEEDS_CHANGED");
  }

  private void changed(
      UUID holder, UUID id, String summary, Map<String, List<String>> changes, String action) {
    listings.recordChange(holder, id, currentUsername(), summary, changes);
    audit.record(AuditEntry.allowed(action, RECORD_TYPE, id, null).withDetail(summary));
  }

  private Listing listing(ListingRepository.Row row) {
    return new Listing(
        row.id(),
        row.holderOrganisationId(),
        organisationName(row.holderOrganisationId()),
        row.details(),
        row.status(),
        row.source(),
        row.sourceId(),
        row.createdAt(),
        row.lastModified(),
        row.lastVerifiedAt(),
        row.lastVerifiedBy(),
        row.version(),
        row.stale(),
        listings.needs(row.holderOrganisationId(), row.id()));
  }

  private ListingRepository.Row find(UUID id) {
    return listings.find(id).orElseThrow(() -> new RecordNotFoundException("listing"));
  }

  private static void valid(ListingDetails clean) {
    List<Problem> problems = ListingRules.problems(clean);
    if (!problems.isEmpty()) {
      throw new ListingValidationException(problems);
    }
  }

  /** Curators change every listing; anyone else only those their organisation holds. */
  private void requireEdit(UUID holder, UUID id) {
    if (!mayCurate()) {
      access.require(Permission.EDIT_DIRECTORY_LISTING, holder, RECORD_TYPE, id, null);
    }
  }

  /**
   * Curation is a role, not a relationship: a service manager decides need domains for listings
   * held by organisations they do not act for.
   */
  private void requireCurate(UUID id) {
    if (!mayCurate()) {
      throw refused(id, Permission.CURATE_DIRECTORY.name());
    }
  }

  private AccessDeniedException refused(UUID id, String permission) {
    audit.recordIndependently(AuditEntry.refused(permission, RECORD_TYPE, id, null));
    return new AccessPolicy.AuditedAccessDeniedException();
  }

  private static ListingEditConflictException conflict(
      ListingRepository.Row current, ListingDetails edit) {
    return new ListingEditConflictException(
        current.id(),
        current.version(),
        List.copyOf(ListingRules.differences(current.details(), edit).keySet()));
  }

  private String currentUsername() {
    return access
        .currentUser()
        .map(WaymarkUser::username)
        .orElseThrow(() -> new AccessDeniedException("Nobody is signed in"));
  }

  private String organisationName(UUID id) {
    return identity.organisation(id).map(Organisation::name).orElse("Unknown organisation");
  }

  /** Field names as people read them, joined with commas and a final and. */
  private static String fieldList(java.util.Collection<String> fields) {
    List<String> words = fields.stream().map(DirectoryCuration::words).toList();
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }

  private static String words(String field) {
    return switch (field) {
      case "url" -> "website";
      case "email" -> "email address";
      case "phones" -> "phone numbers";
      case "freeOfCharge" -> "free of charge";
      case "acceptingReferrals" -> "accepting referrals";
      case "referralMethod" -> "how to refer";
      case "referralEmail" -> "referral email address";
      case "referralFormUrl" -> "referral form address";
      case "answerDays" -> "days to answer";
      default -> field.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.UK);
    };
  }
}
