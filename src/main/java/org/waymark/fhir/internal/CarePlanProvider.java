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
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Casework;
import org.waymark.casework.SupportPlans;

/**
 * CarePlan: a case's support plan, one per case under the case's id, naming its goals and with each
 * step as an activity; for a system acting for the PCN that holds the case, under the casework
 * rules (each read audited as {@code PLAN_READ}).
 */
@Component
class CarePlanProvider implements IResourceProvider {

  private final Casework casework;
  private final SupportPlans plans;
  private final CaseworkResources resources;

  CarePlanProvider(Casework casework, SupportPlans plans, CaseworkResources resources) {
    this.casework = casework;
    this.plans = plans;
    this.resources = resources;
  }

  @Override
  public Class<CarePlan> getResourceType() {
    return CarePlan.class;
  }

  @Read
  public CarePlan read(@IdParam IdType id) {
    CaseFile c =
        casework.find(
            Fhir.uuid(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id)));
    return resources.carePlan(c, plans.goals(c.id()));
  }

  /** A person's plans, newest first; {@code status} active or completed narrows them. */
  @Search
  public List<CarePlan> byPatient(
      @RequiredParam(name = CarePlan.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = CarePlan.SP_STATUS) TokenParam status) {
    return casework.forPerson(PatientReference.personId(patient)).stream()
        .map(c -> resources.carePlan(c, plans.goals(c.id())))
        .filter(
            p ->
                status == null
                    || status.getValue() == null
                    || p.getStatus().toCode().equals(status.getValue()))
        .toList();
  }
}
