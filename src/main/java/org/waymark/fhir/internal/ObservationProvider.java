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
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;
import org.waymark.casework.Casework;
import org.waymark.outcome.Outcomes;
import org.waymark.outcome.Response;

/**
 * Observation: each score an instrument's answers gave (for example the SWEMWBS metric score),
 * coded by instrument and score and derived from its QuestionnaireResponse; for a system acting for
 * the PCN that holds the case, under the casework rules.
 */
@Component
class ObservationProvider implements IResourceProvider {

  private final Outcomes outcomes;
  private final Casework casework;
  private final CaseworkResources resources;

  ObservationProvider(Outcomes outcomes, Casework casework, CaseworkResources resources) {
    this.outcomes = outcomes;
    this.casework = casework;
    this.resources = resources;
  }

  @Override
  public Class<Observation> getResourceType() {
    return Observation.class;
  }

  @Read
  public Observation read(@IdParam IdType id) {
    CaseworkResources.ObservationId at =
        CaseworkResources.observationId(id.getIdPart())
            .orElseThrow(() -> new ResourceNotFoundException(id));
    Response r = outcomes.response(at.responseId());
    if (at.index() >= r.scores().size()) {
      throw new ResourceNotFoundException(id);
    }
    return resources.observation(r, at.index());
  }

  /**
   * A person's scores, oldest first within each case; {@code code} narrows them to one score, as
   * {@code https://waymark.org.uk/fhir/CodeSystem/score|swemwbs.metric} or the code alone.
   */
  @Search
  public List<Observation> byPatient(
      @RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Observation.SP_CODE) TokenParam code) {
    if (code != null
        && code.getSystem() != null
        && !CaseworkResources.SCORE_SYSTEM.equals(code.getSystem())) {
      return List.of();
    }
    return casework.forPerson(PatientReference.personId(patient)).stream()
        .flatMap(c -> outcomes.forCase(c.id()).stream())
        .flatMap(r -> resources.observations(r).stream())
        .filter(
            o ->
                code == null
                    || code.getValue() == null
                    || o.getCode().getCodingFirstRep().getCode().equalsIgnoreCase(code.getValue()))
        .toList();
  }
}
