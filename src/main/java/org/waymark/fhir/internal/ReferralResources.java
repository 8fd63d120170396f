package org.waymark.fhir.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import org.waymark.casework.CodedEntry;
import org.waymark.casework.Discharge;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.person.Person;
import org.waymark.person.PersonDetails;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.Referrals;
import org.waymark.referral.Urgency;

/**
 * A referral to the social prescribing service as FHIR resources: the ServiceRequest, the Task the
 * referrer follows (its status from the referral's, ADR 20), the Patient as the referral gave them,
 * and the discharge summary as a DocumentReference with its SNOMED CT codes.
 */
@Component
class ReferralResources {

  private final IdentityManagement identity;
  private final CodeLists codeLists;
  private final FhirReferralStore links;
  private final Referrals referrals;

  ReferralResources(
      IdentityManagement identity,
      CodeLists codeLists,
      FhirReferralStore links,
      Referrals referrals) {
    this.referrals = referrals;
    this.identity = identity;
    this.codeLists = codeLists;
    this.links = links;
  }

  ServiceRequest serviceRequest(Referral r) {
    ServiceRequest sr = new ServiceRequest();
    sr.setId(Fhir.referralId(r.id()));
    sr.getMeta()
        .setLastUpdated(Date.from(r.statusChangedAt()))
        .setVersionId(Long.toString(r.version()));
    sr.addIdentifier().setSystem(Fhir.REFERRAL_REFERENCE).setValue(r.reference());
    links
        .find(r.organisationId(), r.id())
        .ifPresent(l -> sr.addIdentifier().setSystem(l.system()).setValue(l.value()));
    sr.setStatus(
        switch (r.status()) {
          case RECEIVED, INFORMATION_REQUESTED, ACCEPTED ->
              ServiceRequest.ServiceRequestStatus.ACTIVE;
          case DECLINED, WITHDRAWN -> ServiceRequest.ServiceRequestStatus.REVOKED;
          case CLOSED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
        });
    sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    sr.setCode(
        new CodeableConcept(
            new Coding(
                Fhir.SNOMED,
                Fhir.SOCIAL_PRESCRIBING_REFERRAL,
                Fhir.SOCIAL_PRESCRIBING_REFERRAL_DISPLAY)));
    sr.setPriority(
        r.urgency() == Urgency.URGENT
            ? ServiceRequest.ServiceRequestPriority.URGENT
            : ServiceRequest.ServiceRequestPriority.ROUTINE);
    sr.setSubject(patientReference(r));
    sr.setAuthoredOn(Date.from(r.receivedAt()));
    if (r.referrer() != null && r.referrer().name() != null) {
      sr.setRequester(new Reference().setDisplay(r.referrer().name()));
    }
    sr.addPerformer(organisation(r.organisationId()));
    for (String need : r.needs()) {
      sr.addReasonCode(codeable(CodeList.NEED, Fhir.NEED_SYSTEM, need));
    }
    if (r.reason() != null) {
      sr.addNote().setText(r.reason());
    }
    if (r.consentToShare()) {
      sr.addSupportingInfo(new Reference("Consent/" + Fhir.referralId(r.id())));
    }
    return sr;
  }

  Task task(Referral r) {
    Task t = new Task();
    t.setId(Fhir.referralId(r.id()));
    t.getMeta()
        .setLastUpdated(Date.from(r.statusChangedAt()))
        .setVersionId(Long.toString(r.version()));
    t.setStatus(taskStatus(r.status()));
    t.setBusinessStatus(new CodeableConcept().setText(r.status().label()));
    if (r.status() == ReferralStatus.DECLINED) {
      String why = r.declineReason();
      if (r.signposting() != null) {
        why = why + " Signposted to: " + r.signposting();
      }
      t.setStatusReason(new CodeableConcept().setText(why));
    }
    if (r.status() == ReferralStatus.WITHDRAWN) {
      referrals.history(r).stream()
          .filter(c -> c.to() == ReferralStatus.WITHDRAWN)
          .reduce((first, second) -> second)
          .ifPresent(c -> t.setStatusReason(new CodeableConcept().setText(c.note())));
    }
    if (r.status() == ReferralStatus.INFORMATION_REQUESTED && r.informationRequest() != null) {
      t.addNote().setText("More information requested: " + r.informationRequest());
    }
    t.setIntent(Task.TaskIntent.ORDER);
    t.setCode(
        new CodeableConcept(new Coding(Fhir.TASK_CODE, "fulfill", "Fulfill the focal request")));
    t.setFocus(new Reference("ServiceRequest/" + Fhir.referralId(r.id())));
    t.setFor(patientReference(r));
    t.setAuthoredOn(Date.from(r.receivedAt()));
    t.setLastModified(Date.from(r.statusChangedAt()));
    if (r.referrer() != null && r.referrer().name() != null) {
      t.setRequester(new Reference().setDisplay(r.referrer().name()));
    }
    t.setOwner(organisation(r.organisationId()));
    if (r.status() == ReferralStatus.CLOSED) {
      t.addOutput()
          .setType(
              new CodeableConcept(
                  new Coding(Fhir.SNOMED, Fhir.DISCHARGE_SUMMARY, "Discharge summary")))
          .setValue(new Reference("DocumentReference/" + Fhir.dischargeId(r.id())));
    }
    return t;
  }

  static Task.TaskStatus taskStatus(ReferralStatus status) {
    return switch (status) {
      // Asking the referrer for more information keeps the referral waiting for a decision.
      case RECEIVED, INFORMATION_REQUESTED -> Task.TaskStatus.REQUESTED;
      case ACCEPTED -> Task.TaskStatus.ACCEPTED;
      case DECLINED -> Task.TaskStatus.REJECTED;
      case CLOSED -> Task.TaskStatus.COMPLETED;
      case WITHDRAWN -> Task.TaskStatus.CANCELLED;
    };
  }

  /** The person as the referral gave them, under the person record's id. */
  Patient patient(Referral r) {
    return patient(r.personId(), r.receivedAt(), r.personAsReferred());
  }

  /** The person as the service holds them, for a system acting for the PCN. */
  Patient patient(Person person) {
    return patient(person.id(), person.updatedAt(), person.details());
  }

  private Patient patient(UUID id, Instant updatedAt, PersonDetails p) {
    Patient patient = new Patient();
    patient.setId(id.toString());
    patient.getMeta().setLastUpdated(Date.from(updatedAt));
    if (p.nhsNumber() != null) {
      patient.addIdentifier(new Identifier().setSystem(Fhir.NHS_NUMBER).setValue(p.nhsNumber()));
    }
    patient.addName().setFamily(p.familyName()).addGiven(p.givenName());
    if (p.dateOfBirth() != null) {
      patient.setBirthDateElement(new DateType(p.dateOfBirth().toString()));
    }
    patient.setGender(
        p.sex() == null
            ? AdministrativeGender.UNKNOWN
            : switch (p.sex()) {
              case FEMALE -> AdministrativeGender.FEMALE;
              case MALE -> AdministrativeGender.MALE;
              case NOT_KNOWN -> AdministrativeGender.UNKNOWN;
            });
    if (p.postcode() != null || p.addressLine1() != null) {
      var address = patient.addAddress();
      if (p.addressLine1() != null) {
        address.addLine(p.addressLine1());
      }
      if (p.addressLine2() != null) {
        address.addLine(p.addressLine2());
      }
      address.setCity(p.town()).setPostalCode(p.postcode());
    }
    if (p.phone() != null) {
      patient
          .addTelecom()
          .setSystem(ContactPoint.ContactPointSystem.PHONE)
          .setUse(ContactPoint.ContactPointUse.HOME)
          .setValue(p.phone());
    }
    if (p.mobile() != null) {
      patient
          .addTelecom()
          .setSystem(ContactPoint.ContactPointSystem.PHONE)
          .setUse(ContactPoint.ContactPointUse.MOBILE)
          .setValue(p.mobile());
    }
    if (p.email() != null) {
      patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
    }
    if (p.registeredPracticeId() != null) {
      patient.addGeneralPractitioner(organisation(p.registeredPracticeId()));
    }
    return patient;
  }

  /** The discharge summary sent back to the referrer, with its coded part as the events. */
  DocumentReference discharge(Referral r, Discharge d) {
    DocumentReference doc = new DocumentReference();
    doc.setId(Fhir.dischargeId(r.id()));
    doc.getMeta().setLastUpdated(Date.from(d.sentAt()));
    doc.setStatus(DocumentReferenceStatus.CURRENT);
    doc.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
    doc.setType(
        new CodeableConcept(new Coding(Fhir.SNOMED, Fhir.DISCHARGE_SUMMARY, "Discharge summary")));
    doc.setSubject(patientReference(r));
    doc.setDate(Date.from(d.sentAt()));
    doc.addAuthor(organisation(r.organisationId()));
    doc.setDescription("Social prescribing discharge summary");
    doc.addContent()
        .setAttachment(
            new Attachment()
                .setContentType("text/plain; charset=utf-8")
                .setLanguage("en-GB")
                .setTitle("Discharge summary " + r.reference())
                .setCreation(Date.from(d.sentAt()))
                .setData(d.summary().getBytes(StandardCharsets.UTF_8)));
    DocumentReference.DocumentReferenceContextComponent context = doc.getContext();
    for (CodedEntry entry : d.codes()) {
      context.addEvent(
          new CodeableConcept(new Coding(Fhir.SNOMED, entry.snomedCode(), entry.display())));
    }
    context.setPeriod(
        new Period().setStart(Date.from(r.receivedAt())).setEnd(Date.from(d.sentAt())));
    context.addRelated(new Reference("ServiceRequest/" + Fhir.referralId(r.id())));
    if (d.closureReason() != null) {
      doc.addCategory(
          codeable(CodeList.CLOSURE_REASON, Fhir.CLOSURE_REASON_SYSTEM, d.closureReason()));
    }
    return doc;
  }

  private static Reference patientReference(Referral r) {
    return new Reference("Patient/" + r.personId()).setDisplay(r.personName());
  }

  /** An organisation by its ODS code (when it has one) and name. */
  Reference organisation(UUID id) {
    Reference ref = new Reference();
    identity
        .organisation(id)
        .ifPresent(
            (Organisation o) -> {
              ref.setDisplay(o.name());
              if (o.odsCode() != null) {
                ref.setIdentifier(new Identifier().setSystem(Fhir.ODS).setValue(o.odsCode()));
              }
            });
    return ref;
  }

  /** A code list entry with Waymark's coding and, when the entry has one, its SNOMED CT concept. */
  CodeableConcept codeable(CodeList list, String system, String code) {
    CodeableConcept c = new CodeableConcept();
    CodeEntry entry = codeLists.find(list, code).orElse(null);
    c.addCoding(new Coding(system, code, entry == null ? null : entry.label()));
    if (entry != null && entry.snomedCode() != null) {
      c.addCoding(new Coding(Fhir.SNOMED, entry.snomedCode(), entry.label()));
    }
    if (entry != null) {
      c.setText(entry.label());
    }
    return c;
  }
}
