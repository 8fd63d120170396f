package org.waymark.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organisation of the community service directory (an ORUK organization), as its holder lists
 * it: published information, read across every holder. Texts are plain text; {@code website} is an
 * http or https address. Fields the listing does not give are null or empty.
 *
 * @param holderOrganisationId the tenant that holds the listing (the deployment for imported feeds)
 * @param parentId the directory organisation this one is part of; may be null
 * @param identifiers third-party identifiers, such as a charity number
 * @param serviceIds the directory services it runs, in name order
 * @param lastModified when the listing last changed
 */
public record DirectoryOrganization(
    UUID id,
    UUID holderOrganisationId,
    String name,
    String description,
    String website,
    String email,
    UUID parentId,
    List<Identifier> identifiers,
    List<UUID> serviceIds,
    Instant lastModified) {

  public DirectoryOrganization {
    identifiers = List.copyOf(identifiers);
    serviceIds = List.copyOf(serviceIds);
  }

  /**
   * A third-party identifier of an organisation.
   *
   * @param scheme the register it is from, as org-id.guide codes them (for example {@code GB-CHC},
   *     the Charity Commission for England and Wales); may be null
   * @param type what it is in words (for example Charity number); may be null
   * @param value the identifier itself
   */
  public record Identifier(String scheme, String type, String value) {}
}
