package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.person.PersonManagement;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.shared.NhsNumber;

/**
 * Patient: a person as the client's own referrals gave them, under the person record's id. A
 * referring system sees only people it referred, and only what it sent; every read is audited with
 * the person ({@code FHIR_PATIENT_READ}), and a read of anyone else is refused and audited. A
 * system acting for a PCN reads the person record the service holds, under the person module's
 * rules and audit ({@code PERSON_READ}).
 */
@Component
class PatientProvider implements IResourceProvider {

  private final Referrals referrals;
  private final ReferralResources resources;
  private final AuditLog audit;
  private final PersonManagement persons;

  PatientProvider(
      Referrals referrals, ReferralResources resources, AuditLog audit, PersonManagement persons) {
    this.referrals = referrals;
    this.resources = resources;
    this.audit = audit;
    this.persons = persons;
  }

  @Override
  public Class<Patient> getResourceType() {
    return Patient.class;
  }

  @Read
  public Patient read(@IdParam IdType id) {
    UUID personId = Fhir.uuid(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    if (ScopeInterceptor.current().actsForService()) {
      return resources.patient(persons.find(personId));
    }
    List<Referral> found = referrals.mine(personId, null, null, null, 1);
    if (found.isEmpty()) {
      audit.recordIndependently(
          AuditEntry.refused("FHIR_PATIENT_READ", "person", personId, personId));
      throw new ResourceNotFoundException(id);
    }
    audit.record(AuditEntry.allowed("FHIR_PATIENT_READ", "person", personId, personId));
    return resources.patient(found.get(0));
  }

  /** By NHS number ({@code identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018}). */
  @Search
  public List<Patient> byIdentifier(
      @RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
    if (identifier.getSystem() != null && !Fhir.NHS_NUMBER.equals(identifier.getSystem())) {
      throw new InvalidRequestException("Patients are searched by NHS number only.");
    }
    String nhsNumber = identifier.getValue() == null ? "" : identifier.getValue().replace(" ", "");
    if (!NhsNumber.isValid(nhsNumber)) {
      throw new InvalidRequestException("Not a valid NHS number.");
    }
    if (ScopeInterceptor.current().actsForService()) {
      return persons.findByNhsNumber(nhsNumber).stream().map(resources::patient).toList();
    }
    Map<UUID, Referral> newest = new LinkedHashMap<>();
    for (Referral r : referrals.mine(null, nhsNumber, null, null, ReferralSearch.LIMIT)) {
      newest.putIfAbsent(r.personId(), r);
    }
    List<Patient> patients = new ArrayList<>();
    for (Referral r : newest.values()) {
      audit.record(
          AuditEntry.allowed("FHIR_PATIENT_READ", "person", r.personId(), r.personId())
              .withDetail("Search by NHS number"));
      patients.add(resources.patient(r));
    }
    return patients;
  }
}
