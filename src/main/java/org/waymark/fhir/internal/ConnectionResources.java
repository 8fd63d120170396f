package org.waymark.fhir.internal;

import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import org.waymark.codelist.CodeList;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.SharedDetails;

/**
 * An onward referral to a community service as the service (the performer) sees it: a
 * ServiceRequest carrying only what the link worker shared, and the Task the service moves through
 * the Gravity states. The person is named, never referenced: the service has no Patient to read.
 */
@Component
class ConnectionResources {

  private final ReferralResources referrals;

  ConnectionResources(ReferralResources referrals) {
    this.referrals = referrals;
  }

  ServiceRequest serviceRequest(Connection c) {
    ServiceRequest sr = new ServiceRequest();
    sr.setId(Fhir.connectionId(c.id()));
    sr.getMeta()
        .setLastUpdated(Date.from(c.statusChangedAt()))
        .setVersionId(Long.toString(c.version()));
    sr.setStatus(
        switch (c.status()) {
          case REQUESTED, ACCEPTED, IN_PROGRESS -> ServiceRequest.ServiceRequestStatus.ACTIVE;
          case ON_HOLD -> ServiceRequest.ServiceRequestStatus.ONHOLD;
          case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
          case REJECTED, CANCELLED, FAILED -> ServiceRequest.ServiceRequestStatus.REVOKED;
        });
    sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    sr.setCode(new CodeableConcept().setText("Referral to " + c.serviceName()));
    SharedDetails shared = c.shared();
    sr.setSubject(new Reference().setDisplay(shared.name()));
    sr.setAuthoredOn(Date.from(c.requestedAt()));
    sr.setRequester(referrals.organisation(c.organisationId()));
    sr.addPerformer(
        referrals.organisation(c.serviceHolderId()).setDisplay(c.serviceOrganisationName()));
    for (String need : c.needs()) {
      sr.addReasonCode(referrals.codeable(CodeList.NEED, Fhir.NEED_SYSTEM, need));
    }
    sr.setPatientInstruction(shared.contact());
    if (shared.whatMatters() != null) {
      sr.addNote().setText("What matters to the person: " + shared.whatMatters());
    }
    if (shared.mustKnow() != null) {
      sr.addNote().setText("What the service must know: " + shared.mustKnow());
    }
    sr.addNote().setText(shared.consent());
    return sr;
  }

  Task task(Connection c) {
    Task t = new Task();
    t.setId(Fhir.connectionId(c.id()));
    t.getMeta()
        .setLastUpdated(Date.from(c.statusChangedAt()))
        .setVersionId(Long.toString(c.version()));
    t.setStatus(Task.TaskStatus.fromCode(c.status().fhirCode()));
    t.setBusinessStatus(new CodeableConcept().setText(c.status().label()));
    if (c.statusReason() != null) {
      CodeableConcept reason =
          new CodeableConcept(
              new Coding(
                  Fhir.STATUS_REASON_SYSTEM, c.statusReason().name(), c.statusReason().label()));
      reason.setText(c.statusDetail() != null ? c.statusDetail() : c.statusReason().label());
      t.setStatusReason(reason);
    }
    t.setIntent(Task.TaskIntent.ORDER);
    t.setCode(
        new CodeableConcept(new Coding(Fhir.TASK_CODE, "fulfill", "Fulfill the focal request")));
    t.setFocus(new Reference("ServiceRequest/" + Fhir.connectionId(c.id())));
    t.setFor(new Reference().setDisplay(c.shared().name()));
    t.setAuthoredOn(Date.from(c.requestedAt()));
    t.setLastModified(Date.from(c.statusChangedAt()));
    t.setRequester(referrals.organisation(c.organisationId()));
    t.setOwner(referrals.organisation(c.serviceHolderId()).setDisplay(c.serviceOrganisationName()));
    if (c.answerDueOn() != null && c.status() == ConnectionStatus.REQUESTED) {
      t.getRestriction().getPeriod().setEnd(java.sql.Date.valueOf(c.answerDueOn()));
    }
    if (c.status() == ConnectionStatus.COMPLETED && c.outcomeSummary() != null) {
      t.addOutput()
          .setType(new CodeableConcept().setText("What was done"))
          .setValue(new StringType(c.outcomeSummary()));
    }
    return t;
  }

  static UUID idOf(String fhirId) {
    return Fhir.uuidAfter(Fhir.CONNECTION_PREFIX, fhirId).orElse(null);
  }
}
