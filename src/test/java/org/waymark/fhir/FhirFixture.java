package org.waymark.fhir;

import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.waymark.audit.AuditLog;
import org.waymark.connection.ConnectionFixture;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.TestUsers;

/**
 * A PCN with a practice and a VCS organisation of its own (from {@link ConnectionFixture}), the
 * practice's GP system registered as a FHIR client, and referrals as a GP system would send them.
 */
final class FhirFixture {

  static final String SECRET = "a-long-client-secret-for-tests";

  final ConnectionFixture org;
  final UserAccount admin;
  final FhirClient gpSystem;
  final int port;

  FhirFixture(
      IdentityManagement identity, DirectoryCuration curation, FhirClients clients, int port) {
    this.port = port;
    this.org = new ConnectionFixture(identity, curation, port);
    this.admin = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    this.gpSystem =
        register(
            clients,
            org.practice,
            List.of(
                "system/ServiceRequest.write",
                "system/ServiceRequest.read",
                "system/Task.read",
                "system/Task.write",
                "system/Patient.read",
                "system/DocumentReference.read",
                "system/Consent.read"),
            "GP");
  }

  FhirClient register(
      FhirClients clients, Organisation organisation, List<String> scopes, String source) {
    String clientId = "test-" + UUID.randomUUID().toString().substring(0, 13);
    return TestUsers.as(
            admin,
            () ->
                clients.register(
                    organisation.id(), "System " + clientId, scopes, source, clientId, SECRET))
        .client();
  }

  /** A client of the GP system with a token (all its scopes). */
  FhirHttp gp() {
    return client(gpSystem, null);
  }

  FhirHttp client(FhirClient client, String scope) {
    FhirHttp http = new FhirHttp(port);
    FhirHttp.Answer answer = http.token(client.clientId(), SECRET, scope);
    if (answer.status() != 200) {
      throw new IllegalStateException("No token: " + answer.status() + " " + answer.body());
    }
    return http;
  }

  /** A Patient as a GP system sends one; the NHS number may be null. */
  Patient patient(String given, String family, String nhsNumber) {
    Patient p = new Patient();
    if (nhsNumber != null) {
      p.addIdentifier(
          new Identifier().setSystem("https://fhir.nhs.uk/Id/nhs-number").setValue(nhsNumber));
    }
    p.addName().setFamily(family).addGiven(given);
    p.setGender(AdministrativeGender.FEMALE);
    p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1958-03-14"));
    p.addAddress().addLine("3 Test Row").setCity("Leeds").setPostalCode("LS2 7EY");
    p.addTelecom()
        .setSystem(ContactPoint.ContactPointSystem.PHONE)
        .setUse(ContactPoint.ContactPointUse.MOBILE)
        .setValue("07700 900123");
    if (org.practice.odsCode() != null) {
      p.addGeneralPractitioner(
          new Reference()
              .setIdentifier(
                  new Identifier()
                      .setSystem("https://fhir.nhs.uk/Id/ods-organization-code")
                      .setValue(org.practice.odsCode())));
    }
    return p;
  }

  /**
   * A ServiceRequest for social prescribing with its Consent and the referring GP contained; the
   * subject is set by the caller.
   */
  ServiceRequest serviceRequest(String identifier) {
    ServiceRequest sr = new ServiceRequest();
    sr.addIdentifier().setSystem("https://gp-system.example/referrals").setValue(identifier);
    sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    sr.setCode(
        new CodeableConcept(
            new Coding(
                "http://snomed.info/sct",
                "871731000000106",
                "Referral to social prescribing service")));
    sr.addReasonCode(
        new CodeableConcept(
            new Coding("https://waymark.org.uk/fhir/CodeSystem/need", "LONELINESS", null)));
    sr.addNote().setText("Lives alone since her husband died; would like to meet people.");
    Consent consent = new Consent();
    consent.setId("consent");
    consent.setStatus(Consent.ConsentState.ACTIVE);
    consent.setScope(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", null)));
    consent.addCategory(
        new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
    consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT);
    sr.addContained(consent);
    sr.addSupportingInfo(new Reference("#consent"));
    Practitioner gp = new Practitioner();
    gp.setId("gp");
    gp.addName().setFamily("Okafor").addGiven("Ada").addPrefix("Dr");
    gp.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0113 496 0000");
    sr.addContained(gp);
    PractitionerRole role = new PractitionerRole();
    role.setId("role");
    role.setPractitioner(new Reference("#gp"));
    role.addCode(
        new CodeableConcept(
                new Coding("https://waymark.org.uk/fhir/CodeSystem/referral-source", "GP", "GP"))
            .setText("GP"));
    sr.addContained(role);
    sr.setRequester(new Reference("#role"));
    return sr;
  }

  /** A referral with its Patient contained. */
  ServiceRequest withContainedPatient(String identifier, Patient patient) {
    ServiceRequest sr = serviceRequest(identifier);
    patient.setId("patient");
    sr.addContained(patient);
    sr.setSubject(new Reference("#patient"));
    return sr;
  }

  /** A transaction Bundle: the ServiceRequest and its Patient, referenced by full URL. */
  Bundle transaction(String identifier, Patient patient) {
    ServiceRequest sr = serviceRequest(identifier);
    String patientUrl = "urn:uuid:" + UUID.randomUUID();
    sr.setSubject(new Reference(patientUrl));
    Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    b.addEntry()
        .setFullUrl(patientUrl)
        .setResource(patient)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Patient");
    b.addEntry()
        .setFullUrl("urn:uuid:" + UUID.randomUUID())
        .setResource(sr)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("ServiceRequest");
    return b;
  }
}
