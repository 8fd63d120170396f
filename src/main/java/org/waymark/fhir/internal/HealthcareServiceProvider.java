package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.ServiceDetails;
import org.waymark.directory.ServiceSearch;

/**
 * HealthcareService: the community service directory, as a referring system or a regional platform
 * reads it. The organisation that runs a service and the places it is offered at are referred to as
 * Organization and Location resources of their own, with their names as display, so a client reads
 * them when it needs more than the name.
 */
@Component
class HealthcareServiceProvider implements IResourceProvider {

  /** The most a search answers. */
  static final int PAGE = 100;

  private final DirectorySearch directory;

  HealthcareServiceProvider(DirectorySearch directory) {
    this.directory = directory;
  }

  @Override
  public Class<HealthcareService> getResourceType() {
    return HealthcareService.class;
  }

  @Read
  public HealthcareService read(@IdParam IdType id) {
    return Fhir.uuid(id.getIdPart())
        .flatMap(directory::service)
        .map(HealthcareServiceProvider::resource)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  /**
   * By name or words in it (the directory's own text search), by name when none is given; or the
   * services of one organisation ({@code organization}, in name order).
   */
  @Search
  public List<HealthcareService> search(
      @OptionalParam(name = HealthcareService.SP_NAME) StringParam name,
      @OptionalParam(name = HealthcareService.SP_ORGANIZATION, targetTypes = Organization.class)
          ReferenceParam organization) {
    FhirSearch.supported(name);
    if (organization != null) {
      FhirSearch.supported(organization);
      if (organization.getResourceType() != null
          && !"Organization".equals(organization.getResourceType())) {
        return List.of();
      }
      return Fhir.uuid(organization.getIdPart()).flatMap(directory::organization).stream()
          .flatMap(o -> o.serviceIds().stream())
          .map(directory::service)
          .flatMap(Optional::stream)
          .filter(
              s ->
                  name == null
                      || name.getValue() == null
                      || s.name()
                          .toLowerCase(Locale.ROOT)
                          .contains(name.getValue().strip().toLowerCase(Locale.ROOT)))
          .limit(PAGE)
          .map(HealthcareServiceProvider::resource)
          .toList();
    }
    ServiceSearch search =
        new ServiceSearch(
            name == null ? null : name.getValue(),
            Set.of(),
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            null,
            false,
            false,
            name == null ? ServiceSearch.Sort.NAME : ServiceSearch.Sort.RELEVANCE,
            0,
            PAGE);
    return directory.search(search).services().stream()
        .map(m -> directory.service(m.id()))
        .flatMap(Optional::stream)
        .map(HealthcareServiceProvider::resource)
        .toList();
  }

  static HealthcareService resource(ServiceDetails s) {
    HealthcareService hs = new HealthcareService();
    hs.setId(s.id().toString());
    if (s.lastVerifiedAt() != null) {
      hs.getMeta().setLastUpdated(Date.from(s.lastVerifiedAt()));
    }
    hs.setActive("active".equalsIgnoreCase(s.status()));
    hs.setName(s.name());
    if (s.descriptionHtml() != null) {
      hs.setComment(Jsoup.parse(s.descriptionHtml()).text());
    }
    if (s.organization() != null) {
      hs.setProvidedBy(
          new Reference("Organization/" + s.organization().id())
              .setDisplay(s.organization().name()));
    }
    for (ServiceDetails.Location l : s.locations()) {
      if (!"physical".equalsIgnoreCase(l.type()) && l.postcode() == null) {
        continue;
      }
      hs.addLocation(new Reference("Location/" + l.id()).setDisplay(l.name()));
    }
    for (ServiceDetails.Need need : s.needs()) {
      if (need.confirmed()) {
        hs.addCategory(
            new CodeableConcept(
                    new Coding(Fhir.NEED_SYSTEM, need.domain().name(), need.domain().label()))
                .setText(need.domain().label()));
      }
    }
    for (ServiceDetails.Phone p : s.phones()) {
      hs.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.number());
    }
    if (s.email() != null) {
      hs.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(s.email());
    }
    if (s.url() != null) {
      hs.addTelecom().setSystem(ContactPoint.ContactPointSystem.URL).setValue(s.url());
    }
    hs.addEligibility().setCode(new CodeableConcept().setText("Ages: " + s.ages()));
    for (String language : s.languages()) {
      hs.addCommunication(new CodeableConcept().setText(language));
    }
    if (!s.openingTimes().isEmpty()) {
      hs.setAvailabilityExceptions(String.join("; ", s.openingTimes()));
    }
    hs.addCharacteristic(
        new CodeableConcept()
            .setText(
                s.acceptingReferrals() == null
                    ? AcceptingReferrals.NO.label()
                    : s.acceptingReferrals().label()));
    if (s.fees() != null) {
      hs.addServiceProvisionCode(new CodeableConcept().setText(s.fees()));
    }
    return hs;
  }
}
