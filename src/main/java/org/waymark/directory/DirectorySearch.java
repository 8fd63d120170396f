package org.waymark.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.waymark.shared.NeedDomain;

/**
 * Finding services in the community service directory: searches for link workers, a service's full
 * listing, suggestions for a person, and the organisations and places of the directory by id, name,
 * identifier or postcode. The directory is published information, read across every holder; callers
 * check that the user may search it ({@code SEARCH_DIRECTORY}) or, for another system, what it may
 * read. Nothing here reads or records anything about a person: suggestions take only needs, a
 * postcode and an age.
 *
 * <p>A search never quietly drops a criterion it cannot apply: a postcode that is not a UK
 * postcode, one that is not in the postcode directory, or a distance search before any postcodes
 * are loaded, ends in a {@link DirectorySearchException}.
 */
public interface DirectorySearch {

  /**
   * The services matching every criterion given, one page of them, each with why it matched.
   *
   * @throws DirectorySearchException if a criterion cannot be applied (see the class comment)
   */
  ServiceSearchResult search(ServiceSearch search);

  /** Everything about one service, whoever holds it; empty if there is no such service. */
  Optional<ServiceDetails> service(UUID id);

  /**
   * Services for a person, best first: those accepting referrals first, then those meeting more of
   * the person's needs (confirmed needs count more than suggested ones), then the nearest, each
   * with its reasons (needs met, distance, age fit, accepting referrals). Services whose age limits
   * exclude the person are left out, and with a postcode only services within {@link
   * ServiceSearch#DEFAULT_DISTANCE} miles are suggested.
   *
   * @param needs at least one need domain; with none there is nothing to suggest (empty list)
   * @param postcode where the person lives, or null
   * @param age the person's age in years, or null
   * @param limit at most this many (1 to 100)
   * @throws DirectorySearchException for a postcode that cannot be used (see the class comment)
   */
  List<ServiceMatch> suggestionsFor(Set<NeedDomain> needs, String postcode, Integer age, int limit);

  /**
   * One organisation of the directory, whoever holds it; empty if there is no such organisation.
   */
  Optional<DirectoryOrganization> organization(UUID id);

  /**
   * Organisations of the directory matching the search, one page of them in name order. A name or
   * identifier that no organisation can have (too long, say) finds none rather than failing.
   */
  DirectoryPage<DirectoryOrganization> organizations(OrganizationSearch search);

  /** One place of the directory, whoever holds it; empty if there is no such place. */
  Optional<DirectoryLocation> location(UUID id);

  /**
   * Places of the directory matching the search, one page of them in name order. A postcode that no
   * place can have (with characters a postcode never holds, say) finds none rather than failing.
   */
  DirectoryPage<DirectoryLocation> locations(LocationSearch search);
}
