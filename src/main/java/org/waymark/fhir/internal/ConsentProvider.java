package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;

/**
 * Consent: what the person agreed to when they were referred (to the referral and to their details
 * being shared with the service; and to being contacted by it), as the referral recorded it. The
 * referral's ServiceRequest names it in {@code supportingInfo}.
 */
@Component
class ConsentProvider implements IResourceProvider {

  private final Referrals referrals;
  private final ReferralResources resources;

  ConsentProvider(Referrals referrals, ReferralResources resources) {
    this.referrals = referrals;
    this.resources = resources;
  }

  @Override
  public Class<Consent> getResourceType() {
    return Consent.class;
  }

  @Read
  public Consent read(@IdParam IdType id) {
    UUID referralId =
        Fhir.uuidAfter(Fhir.REFERRAL_PREFIX, id.getIdPart())
            .orElseThrow(() -> new ResourceNotFoundException(id));
    Referral r = referrals.find(referralId);
    if (!r.consentToShare()) {
      throw new ResourceNotFoundException(id);
    }
    return consent(r);
  }

  Consent consent(Referral r) {
    Consent c = new Consent();
    c.setId(Fhir.referralId(r.id()));
    c.getMeta().setLastUpdated(Date.from(r.receivedAt()));
    c.setStatus(Consent.ConsentState.ACTIVE);
    c.setScope(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/consentscope",
                "patient-privacy",
                "Privacy Consent")));
    c.addCategory(
        new CodeableConcept(new Coding("http://loinc.org", "59284-0", "Patient Consent")));
    c.setPatient(new Reference("Patient/" + r.personId()).setDisplay(r.personName()));
    c.setDateTime(Date.from(r.receivedAt()));
    c.addOrganization(resources.organisation(r.organisationId()));
    c.setPolicyRule(
        new CodeableConcept(
            new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in")));
    Consent.ProvisionComponent provision = c.getProvision();
    provision.setType(Consent.ConsentProvisionType.PERMIT);
    provision.setPeriod(new Period().setStart(Date.from(r.receivedAt())));
    provision.addCode(
        new CodeableConcept()
            .setText(
                "The referral to social prescribing, and sharing the person's details with the"
                    + " service"));
    Consent.ProvisionComponent contact = provision.addProvision();
    contact.setType(
        r.consentToContact()
            ? Consent.ConsentProvisionType.PERMIT
            : Consent.ConsentProvisionType.DENY);
    contact.addCode(new CodeableConcept().setText("Being contacted by the service"));
    return c;
  }
}
