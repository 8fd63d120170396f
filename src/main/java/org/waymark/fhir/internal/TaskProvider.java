package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import org.waymark.referral.Referrals;

/**
 * Task: the referral's closed loop as the referrer follows it (requested, accepted, rejected,
 * completed with the discharge summary as its output).
 */
@Component
class TaskProvider implements IResourceProvider {

  private final Referrals referrals;
  private final ReferralResources resources;

  TaskProvider(Referrals referrals, ReferralResources resources) {
    this.referrals = referrals;
    this.resources = resources;
  }

  @Override
  public Class<Task> getResourceType() {
    return Task.class;
  }

  @Read
  public Task read(@IdParam IdType id) {
    UUID referralId =
        Fhir.uuidAfter(Fhir.REFERRAL_PREFIX, id.getIdPart())
            .orElseThrow(() -> new ResourceNotFoundException(id));
    return resources.task(referrals.find(referralId));
  }

  /** The Tasks of the client's referrals, most recently changed first. */
  @Search
  public List<Task> search(
      @OptionalParam(name = Task.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Task.SP_STATUS) TokenParam status,
      @OptionalParam(name = Task.SP_FOCUS) ReferenceParam focus,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
    UUID focusId =
        focus == null
            ? null
            : Fhir.uuidAfter(Fhir.REFERRAL_PREFIX, focus.getIdPart()).orElse(new UUID(0, 0));
    return ReferralSearch.mine(referrals, patient, lastUpdated).stream()
        .filter(r -> focusId == null || r.id().equals(focusId))
        .map(resources::task)
        .filter(t -> status == null || t.getStatus().toCode().equals(status.getValue()))
        .toList();
  }
}
