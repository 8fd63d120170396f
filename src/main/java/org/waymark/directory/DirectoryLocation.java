package org.waymark.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A place of the community service directory (an ORUK location) where services are offered:
 * published information, read across every holder. Fields the listing does not give are null or
 * empty.
 *
 * @param holderOrganisationId the tenant that holds the listing (the deployment for imported feeds)
 * @param type 'physical', 'postal' or 'virtual'
 * @param address the address lines, in order, without the postcode
 * @param postcode the UK postcode in its normal form, or the postal code as held
 * @param latitude degrees north, with {@code longitude}; both null when not known
 * @param accessibility what the place offers or lacks for access, each as written by the holder
 * @param lastModified when the listing of the place last changed
 */
public record DirectoryLocation(
    UUID id,
    UUID holderOrganisationId,
    String type,
    String name,
    String description,
    List<String> address,
    String postcode,
    Double latitude,
    Double longitude,
    List<String> accessibility,
    Instant lastModified) {

  public DirectoryLocation {
    address = List.copyOf(address);
    accessibility = List.copyOf(accessibility);
  }
}
