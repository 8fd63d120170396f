package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.UUID;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.Discharge;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;

/**
 * DocumentReference: the discharge summary sent back to the referrer when the case closed, the
 * output of the referral's completed Task, with its SNOMED CT codes.
 */
@Component
class DocumentReferenceProvider implements IResourceProvider {

  private final Referrals referrals;
  private final CaseClosures closures;
  private final ReferralResources resources;

  DocumentReferenceProvider(
      Referrals referrals, CaseClosures closures, ReferralResources resources) {
    this.referrals = referrals;
    this.closures = closures;
    this.resources = resources;
  }

  @Override
  public Class<DocumentReference> getResourceType() {
    return DocumentReference.class;
  }

  @Read
  public DocumentReference read(@IdParam IdType id) {
    UUID referralId =
        Fhir.uuidAfter(Fhir.DISCHARGE_PREFIX, id.getIdPart())
            .orElseThrow(() -> new ResourceNotFoundException(id));
    Discharge d =
        closures
            .dischargeOfReferral(referralId)
            .orElseThrow(() -> new ResourceNotFoundException(id));
    Referral r = referrals.find(referralId);
    return resources.discharge(r, d);
  }
}
