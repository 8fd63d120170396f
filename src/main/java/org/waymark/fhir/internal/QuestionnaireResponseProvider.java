package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.stereotype.Component;
import org.waymark.casework.Casework;
import org.waymark.outcome.Outcomes;

/**
 * QuestionnaireResponse: a person's answers to an outcome instrument at one occasion (baseline,
 * review, discharge, follow-up), for a system acting for the PCN that holds the case. Reads go
 * through the casework rules and are audited with the case; other clients are refused.
 */
@Component
class QuestionnaireResponseProvider implements IResourceProvider {

  private final Outcomes outcomes;
  private final Casework casework;
  private final CaseworkResources resources;

  QuestionnaireResponseProvider(Outcomes outcomes, Casework casework, CaseworkResources resources) {
    this.outcomes = outcomes;
    this.casework = casework;
    this.resources = resources;
  }

  @Override
  public Class<QuestionnaireResponse> getResourceType() {
    return QuestionnaireResponse.class;
  }

  @Read
  public QuestionnaireResponse read(@IdParam IdType id) {
    return Fhir.uuid(id.getIdPart())
        .map(outcomes::response)
        .map(resources::questionnaireResponse)
        .orElseThrow(() -> new ResourceNotFoundException(id));
  }

  /** A person's answers across their cases, oldest first within each case. */
  @Search
  public List<QuestionnaireResponse> byPatient(
      @RequiredParam(name = QuestionnaireResponse.SP_PATIENT) ReferenceParam patient) {
    return casework.forPerson(PatientReference.personId(patient)).stream()
        .flatMap(c -> outcomes.forCase(c.id()).stream())
        .map(resources::questionnaireResponse)
        .toList();
  }
}
