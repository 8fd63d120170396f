package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.connection.Connections;
import org.waymark.connection.ServiceInbox;
import org.waymark.fhir.FhirClient;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralSubmission;
import org.waymark.referral.Referrals;

/**
 * ServiceRequest: a GP system refers (create, idempotent by the request's own identifier), reads
 * and searches its referrals. Everything goes through {@link Referrals}, so the same rules, access
 * checks and audit apply as to the referral form and the JSON API.
 */
@Component
class ServiceRequestProvider implements IResourceProvider {

  private final Referrals referrals;
  private final InboundReferrals inbound;
  private final ReferralResources resources;
  private final Connections connections;
  private final ConnectionResources connectionResources;
  private final ServiceInbox inbox;
  private final FhirReferralStore links;
  private final TransactionTemplate transactions;

  ServiceRequestProvider(
      FhirReferralStore links,
      TransactionTemplate transactions,
      Referrals referrals,
      InboundReferrals inbound,
      ReferralResources resources,
      Connections connections,
      ConnectionResources connectionResources,
      ServiceInbox inbox) {
    this.inbox = inbox;
    this.links = links;
    this.transactions = transactions;
    this.referrals = referrals;
    this.inbound = inbound;
    this.resources = resources;
    this.connections = connections;
    this.connectionResources = connectionResources;
  }

  @Override
  public Class<ServiceRequest> getResourceType() {
    return ServiceRequest.class;
  }

  /**
   * A referral with its Patient (and Consent, PractitionerRole) contained. A retry with the same
   * identifier and the same content answers the referral the first request made.
   */
  @Create
  public MethodOutcome create(@ResourceParam ServiceRequest request) {
    ReferralSubmission s = submit(request, ref -> contained(request, ref));
    MethodOutcome outcome = new MethodOutcome(id(s.referral()));
    outcome.setCreated(s.created());
    outcome.setResource(resources.serviceRequest(s.referral()));
    return outcome;
  }

  ReferralSubmission submit(
      ServiceRequest request, java.util.function.Function<Reference, Resource> resolve) {
    FhirClient client = ScopeInterceptor.current().client();
    InboundReferrals.Read read = inbound.read(request, resolve, client);
    // The referral and the record of which client made it commit together.
    return transactions.execute(
        status -> {
          ReferralSubmission s =
              referrals.submitIdempotently(
                  read.idempotencyKey(), read.requestHash(), read.referral());
          links.insert(
              s.referral().organisationId(),
              s.referral().id(),
              client.id(),
              read.identifierSystem(),
              read.identifierValue());
          return s;
        });
  }

  static IdType id(Referral r) {
    return new IdType("ServiceRequest", Fhir.referralId(r.id()), Long.toString(r.version()));
  }

  /** A resource contained in the request, by a {@code #id} reference. */
  static Resource contained(ServiceRequest request, Reference ref) {
    if (ref == null || ref.getReference() == null || !ref.getReference().startsWith("#")) {
      return ref != null && ref.getResource() instanceof Resource r ? r : null;
    }
    String wanted = ref.getReference().substring(1);
    return request.getContained().stream()
        .filter(
            r -> wanted.equals(r.getIdElement().getIdPart()) || ("#" + wanted).equals(r.getId()))
        .findFirst()
        .orElse(null);
  }

  @Read
  public ServiceRequest read(@IdParam IdType id) {
    UUID connectionId = ConnectionResources.idOf(id.getIdPart());
    if (connectionId != null) {
      return connectionResources.serviceRequest(connections.findForService(connectionId));
    }
    UUID referralId =
        Fhir.uuidAfter(Fhir.REFERRAL_PREFIX, id.getIdPart())
            .orElseThrow(() -> new ResourceNotFoundException(id));
    return resources.serviceRequest(referrals.find(referralId));
  }

  /** The client's own referrals, or the onward referrals its organisation received. */
  @Search
  public List<ServiceRequest> search(
      @OptionalParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = ServiceRequest.SP_STATUS) TokenParam status,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
    if (ReferralSearch.performer()) {
      return patient != null
          ? List.of()
          : ReferralSearch.received(inbox, connections, lastUpdated).stream()
              .map(connectionResources::serviceRequest)
              .filter(sr -> status == null || sr.getStatus().toCode().equals(status.getValue()))
              .toList();
    }
    return ReferralSearch.mine(referrals, patient, lastUpdated).stream()
        .map(resources::serviceRequest)
        .filter(sr -> status == null || sr.getStatus().toCode().equals(status.getValue()))
        .toList();
  }
}
