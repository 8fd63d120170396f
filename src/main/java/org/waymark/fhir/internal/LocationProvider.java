package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.math.BigDecimal;
import java.util.Date;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.springframework.stereotype.Component;
import org.waymark.directory.DirectoryLocation;
import org.waymark.directory.DirectoryPage;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.LocationSearch;

/**
 * Location: a place of the community service directory where services are offered, the places a
 * HealthcareService names. Read by id, searched by name and by postcode ({@code
 * address-postalcode}: a whole postcode, a district such as LS2, or the start of one). Published
 * information: the scopes alone decide who reads it.
 */
@Component
class LocationProvider implements IResourceProvider {

  private final DirectorySearch directory;

  LocationProvider(DirectorySearch directory) {
    this.directory = directory;
  }

  @Override
  public Class<Location> getResourceType() {
    return Location.class;
  }

  @Read
  public Location read(@IdParam IdType id) {
    return Fhir.uuid(id.getIdPart())
        .flatMap(directory::location)
        .map(LocationProvider::resource)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  /**
   * By the start of the name (words anywhere with {@code :contains}, the whole name with {@code
   * :exact}) and by postcode. Paged with {@code _count} (at most 100) and {@code _offset}, in name
   * order.
   */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = Location.SP_NAME) StringParam name,
      @OptionalParam(name = Location.SP_ADDRESS_POSTALCODE) StringParam postcode,
      @Offset Integer offset,
      @Count Integer count) {
    int from = DirectoryBundle.offset(offset);
    int limit = DirectoryBundle.limit(count);
    FhirSearch.supported(postcode);
    DirectoryPage<DirectoryLocation> page =
        directory.locations(
            new LocationSearch(
                FhirSearch.text(name),
                FhirSearch.match(name),
                postcode == null ? null : FhirSearch.blankToNull(postcode.getValue()),
                from,
                limit));
    return DirectoryBundle.of(
        page.items().stream().map(LocationProvider::resource).toList(), from, limit, page.total());
  }

  static Location resource(DirectoryLocation l) {
    Location location = new Location();
    location.setId(l.id().toString());
    if (l.lastModified() != null) {
      location.getMeta().setLastUpdated(Date.from(l.lastModified()));
    }
    location.setStatus(Location.LocationStatus.ACTIVE);
    location.setMode(Location.LocationMode.INSTANCE);
    location.setName(l.name());
    // Location has no element for access: it follows the description, as the holder wrote it.
    String access =
        l.accessibility().isEmpty() ? null : "Access: " + String.join("; ", l.accessibility());
    if (l.description() != null || access != null) {
      location.setDescription(
          l.description() == null
              ? access
              : access == null ? l.description() : l.description() + "\n\n" + access);
    }
    if (!l.address().isEmpty() || l.postcode() != null) {
      Address address = location.getAddress();
      l.address().forEach(address::addLine);
      address.setPostalCode(l.postcode());
      address.setType(
          "postal".equals(l.type()) ? Address.AddressType.POSTAL : Address.AddressType.PHYSICAL);
    }
    if (l.latitude() != null && l.longitude() != null) {
      location
          .getPosition()
          .setLatitude(BigDecimal.valueOf(l.latitude()))
          .setLongitude(BigDecimal.valueOf(l.longitude()));
    }
    return location;
  }
}
