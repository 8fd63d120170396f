package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.Delete;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.fhir.FhirClient;

/**
 * Subscription: a client asks to be told when its Tasks change (rest-hook, without a payload; see
 * {@link Subscriptions}). A client sees and removes only its own subscriptions.
 */
@Component
class SubscriptionProvider implements IResourceProvider {

  private final SubscriptionStore store;
  private final AuditLog audit;

  SubscriptionProvider(SubscriptionStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  @Override
  public Class<Subscription> getResourceType() {
    return Subscription.class;
  }

  @Create
  public MethodOutcome create(@ResourceParam Subscription s) {
    List<FhirErrors.Problem> problems = new ArrayList<>();
    try {
      Subscriptions.statuses(s.getCriteria());
    } catch (IllegalArgumentException e) {
      problems.add(new FhirErrors.Problem("Subscription.criteria", e.getMessage()));
    }
    if (!s.hasReason() || s.getReason().isBlank()) {
      problems.add(new FhirErrors.Problem("Subscription.reason", "A reason is required."));
    }
    Subscription.SubscriptionChannelComponent channel = s.getChannel();
    if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
      problems.add(
          new FhirErrors.Problem("Subscription.channel.type", "Only rest-hook is offered."));
    }
    String endpointProblem = Subscriptions.endpointProblem(channel.getEndpoint());
    if (endpointProblem != null) {
      problems.add(new FhirErrors.Problem("Subscription.channel.endpoint", endpointProblem));
    }
    if (channel.hasPayload()) {
      problems.add(
          new FhirErrors.Problem(
              "Subscription.channel.payload",
              "Notifications carry no payload: leave it out, and read the Task when told."));
    }
    List<String> headers = channel.getHeader().stream().map(StringType::getValue).toList();
    for (String header : headers) {
      String problem = header == null ? "Empty header." : Subscriptions.headerProblem(header);
      if (problem != null) {
        problems.add(new FhirErrors.Problem("Subscription.channel.header", problem));
      }
    }
    if (!problems.isEmpty()) {
      throw new FhirInputException(problems);
    }
    FhirClient client = ScopeInterceptor.current().client();
    UUID id = UUID.randomUUID();
    store.insert(
        new SubscriptionStore.StoredSubscription(
            client.organisationId(),
            id,
            client.id(),
            s.getCriteria(),
            Subscriptions.statuses(s.getCriteria()),
            channel.getEndpoint(),
            headers,
            s.getReason(),
            "active",
            null,
            s.hasEnd() ? s.getEnd().toInstant() : null,
            null));
    audit.record(
        AuditEntry.allowed("FHIR_SUBSCRIPTION_CREATED", "fhir_subscription", id, null)
            .withDetail(s.getCriteria()));
    SubscriptionStore.StoredSubscription stored = own(id.toString());
    MethodOutcome outcome = new MethodOutcome(new IdType("Subscription", id.toString()));
    outcome.setCreated(true);
    outcome.setResource(resource(stored));
    return outcome;
  }

  @Read
  public Subscription read(@IdParam IdType id) {
    return resource(own(id.getIdPart()));
  }

  @Search
  public List<Subscription> mine() {
    return store.ofClient(ScopeInterceptor.current().client().id()).stream()
        .map(SubscriptionProvider::resource)
        .toList();
  }

  @Delete
  public void delete(@IdParam IdType id) {
    SubscriptionStore.StoredSubscription s = own(id.getIdPart());
    store.switchOff(s.organisationId(), s.id());
    audit.record(
        AuditEntry.allowed("FHIR_SUBSCRIPTION_DELETED", "fhir_subscription", s.id(), null));
  }

  private SubscriptionStore.StoredSubscription own(String fhirId) {
    FhirClient client = ScopeInterceptor.current().client();
    return Fhir.uuid(fhirId)
        .flatMap(id -> store.find(client.organisationId(), id))
        .filter(s -> s.clientId().equals(client.id()))
        .orElseThrow(() -> new ResourceNotFoundException(new IdType("Subscription", fhirId)));
  }

  static Subscription resource(SubscriptionStore.StoredSubscription s) {
    Subscription r = new Subscription();
    r.setId(s.id().toString());
    r.setStatus(
        "error".equals(s.status())
            ? Subscription.SubscriptionStatus.ERROR
            : Subscription.SubscriptionStatus.ACTIVE);
    r.setReason(s.reason());
    r.setCriteria(s.criteria());
    if (s.error() != null) {
      r.setError(s.error());
    }
    if (s.endAt() != null) {
      r.setEnd(Date.from(s.endAt()));
    }
    r.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(s.endpoint());
    // Headers may hold the client's own credentials for its endpoint: never shown back.
    return r;
  }
}
