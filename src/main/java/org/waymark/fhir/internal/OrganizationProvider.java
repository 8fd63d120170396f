package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import org.waymark.directory.DirectoryOrganization;
import org.waymark.directory.DirectoryPage;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.OrganizationSearch;

/**
 * Organization: an organisation of the community service directory, the one a HealthcareService
 * names as {@code providedBy}. Read by id, searched by name and by identifier (a charity or company
 * number, with its register as an org-id.guide list). Published information: the scopes alone
 * decide who reads it.
 */
@Component
class OrganizationProvider implements IResourceProvider {

  /** An org-id.guide register, such as GB-CHC: the identifier's system ends with it. */
  private static final Pattern SCHEME = Pattern.compile("[A-Z]{2}-[A-Z0-9]{2,20}");

  private final DirectorySearch directory;

  OrganizationProvider(DirectorySearch directory) {
    this.directory = directory;
  }

  @Override
  public Class<Organization> getResourceType() {
    return Organization.class;
  }

  @Read
  public Organization read(@IdParam IdType id) {
    return Fhir.uuid(id.getIdPart())
        .flatMap(directory::organization)
        .map(OrganizationProvider::resource)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  /**
   * By the start of the name (or words anywhere in it with {@code :contains}, the whole name with
   * {@code :exact}), and by identifier: {@code system|value}, or a value of any register. Paged
   * with {@code _count} (at most 100) and {@code _offset}, in name order.
   */
  @Search
  public IBundleProvider search(
      @OptionalParam(name = Organization.SP_NAME) StringParam name,
      @OptionalParam(name = Organization.SP_IDENTIFIER) TokenParam identifier,
      @Offset Integer offset,
      @Count Integer count) {
    int from = DirectoryBundle.offset(offset);
    int limit = DirectoryBundle.limit(count);
    String scheme = null;
    String value = null;
    if (identifier != null) {
      FhirSearch.supported(identifier);
      value = FhirSearch.blankToNull(identifier.getValue());
      String system = FhirSearch.blankToNull(identifier.getSystem());
      if (system != null) {
        if (!system.startsWith(Fhir.ORG_ID) || value == null) {
          return DirectoryBundle.of(List.of(), from, limit, 0);
        }
        scheme = system.substring(Fhir.ORG_ID.length());
      }
    }
    DirectoryPage<DirectoryOrganization> page =
        directory.organizations(
            new OrganizationSearch(
                FhirSearch.text(name), FhirSearch.match(name), scheme, value, from, limit));
    return DirectoryBundle.of(
        page.items().stream().map(OrganizationProvider::resource).toList(),
        from,
        limit,
        page.total());
  }

  static Organization resource(DirectoryOrganization o) {
    Organization org = new Organization();
    org.setId(o.id().toString());
    if (o.lastModified() != null) {
      org.getMeta().setLastUpdated(Date.from(o.lastModified()));
    }
    org.setActive(true);
    org.setName(o.name());
    if (o.description() != null) {
      // Organization has no description element: the narrative carries it.
      org.getText()
          .setStatus(Narrative.NarrativeStatus.ADDITIONAL)
          .setDivAsString(
              "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>"
                  + FhirSearch.escape(o.description())
                  + "</p></div>");
    }
    for (DirectoryOrganization.Identifier i : o.identifiers()) {
      var identifier = org.addIdentifier().setValue(i.value());
      if (i.scheme() != null && SCHEME.matcher(i.scheme()).matches()) {
        identifier.setSystem(Fhir.ORG_ID + i.scheme());
      }
      String type = i.type() != null ? i.type() : i.scheme();
      if (type != null) {
        identifier.setType(new CodeableConcept().setText(type));
      }
    }
    if (o.website() != null) {
      org.addTelecom().setSystem(ContactPoint.ContactPointSystem.URL).setValue(o.website());
    }
    if (o.email() != null) {
      org.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(o.email());
    }
    if (o.parentId() != null) {
      org.setPartOf(new Reference("Organization/" + o.parentId()));
    }
    return org;
  }
}
