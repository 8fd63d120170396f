package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.UUID;

/** The person a {@code patient} or {@code subject} search parameter names. */
final class PatientReference {

  private PatientReference() {}

  /**
   * The person's id from {@code Patient/{id}} or a bare id.
   *
   * @throws InvalidRequestException (400) when it names no Patient by id
   */
  static UUID personId(ReferenceParam patient) {
    if (patient == null
        || patient.getChain() != null
        || (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType()))) {
      throw new InvalidRequestException("Search by patient=Patient/{id}.");
    }
    return Fhir.uuid(patient.getIdPart())
        .orElseThrow(() -> new InvalidRequestException("Search by patient=Patient/{id}."));
  }
}
