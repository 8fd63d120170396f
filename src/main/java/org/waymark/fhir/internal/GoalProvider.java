package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Casework;
import org.waymark.casework.PlanGoal;
import org.waymark.casework.SupportPlans;

/**
 * Goal: a goal of a support plan in the person's own words, with its needs, target date, how it
 * ended and its dated reviews; for a system acting for the PCN that holds the case, under the
 * casework rules.
 */
@Component
class GoalProvider implements IResourceProvider {

  private final Casework casework;
  private final SupportPlans plans;
  private final CaseworkResources resources;

  GoalProvider(Casework casework, SupportPlans plans, CaseworkResources resources) {
    this.casework = casework;
    this.plans = plans;
    this.resources = resources;
  }

  @Override
  public Class<Goal> getResourceType() {
    return Goal.class;
  }

  @Read
  public Goal read(@IdParam IdType id) {
    PlanGoal g =
        plans.goal(Fhir.uuid(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id)));
    return resources.goal(casework.find(g.caseId()), g);
  }

  /** A person's goals across their plans; {@code lifecycle-status} narrows them. */
  @Search
  public List<Goal> byPatient(
      @RequiredParam(name = Goal.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Goal.SP_LIFECYCLE_STATUS) TokenParam status) {
    return casework.forPerson(PatientReference.personId(patient)).stream()
        .flatMap((CaseFile c) -> plans.goals(c.id()).stream().map(g -> resources.goal(c, g)))
        .filter(
            g ->
                status == null
                    || status.getValue() == null
                    || g.getLifecycleStatus().toCode().equals(status.getValue()))
        .toList();
  }
}
