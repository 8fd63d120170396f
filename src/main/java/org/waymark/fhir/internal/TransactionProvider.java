package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralSubmission;

/**
 * A transaction Bundle with one ServiceRequest for social prescribing and its Patient (each POST):
 * one referral, written whole or not at all. The Consent and who referred are contained in the
 * ServiceRequest. Needs {@code system/ServiceRequest.write}.
 */
@Component
class TransactionProvider implements FhirPlainProvider {

  private final ServiceRequestProvider serviceRequests;
  private final ScopeInterceptor scopes;

  TransactionProvider(ServiceRequestProvider serviceRequests, ScopeInterceptor scopes) {
    this.serviceRequests = serviceRequests;
    this.scopes = scopes;
  }

  @Transaction
  public Bundle transaction(@TransactionParam Bundle bundle) {
    scopes.require("ServiceRequest", true, "POST / (transaction)");
    List<FhirErrors.Problem> problems = new ArrayList<>();
    if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
      problems.add(new FhirErrors.Problem("Bundle.type", "Only transaction Bundles are accepted."));
    }
    ServiceRequest request = null;
    int patients = 0;
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      BundleEntryComponent e = bundle.getEntry().get(i);
      String where = "Bundle.entry[" + i + "]";
      if (!e.hasRequest() || e.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
        problems.add(new FhirErrors.Problem(where + ".request", "Each entry is a POST."));
      }
      if (e.getResource() instanceof ServiceRequest sr && request == null) {
        request = sr;
      } else if (e.getResource() instanceof Patient) {
        patients++;
      } else {
        problems.add(
            new FhirErrors.Problem(
                where + ".resource",
                "A referral Bundle holds one ServiceRequest and its Patient only."));
      }
    }
    if (request == null) {
      problems.add(new FhirErrors.Problem("Bundle.entry", "A ServiceRequest is required."));
    }
    if (patients > 1) {
      problems.add(new FhirErrors.Problem("Bundle.entry", "One Patient at most."));
    }
    if (!problems.isEmpty()) {
      throw new FhirInputException(problems);
    }
    ServiceRequest sr = request;
    ReferralSubmission s = serviceRequests.submit(sr, ref -> resolve(bundle, sr, ref));
    Referral r = s.referral();
    Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
    for (BundleEntryComponent e : bundle.getEntry()) {
      BundleEntryComponent out = response.addEntry();
      if (e.getResource() instanceof ServiceRequest) {
        out.getResponse()
            .setStatus(s.created() ? "201 Created" : "200 OK")
            .setLocation("ServiceRequest/" + Fhir.referralId(r.id()) + "/_history/" + r.version())
            .setEtag("W/\"" + r.version() + "\"")
            .setLastModified(Date.from(r.statusChangedAt()));
      } else {
        // The person record: new, or an existing one matched by NHS number.
        out.getResponse()
            .setStatus(s.created() && !r.matchedByNhsNumber() ? "201 Created" : "200 OK")
            .setLocation("Patient/" + r.personId());
      }
    }
    return response;
  }

  /** A referenced resource: contained in the ServiceRequest, or an entry by fullUrl or type/id. */
  static Resource resolve(Bundle bundle, ServiceRequest sr, Reference ref) {
    Resource contained = ServiceRequestProvider.contained(sr, ref);
    if (contained != null || ref == null || ref.getReference() == null) {
      return contained;
    }
    String wanted = ref.getReference();
    for (BundleEntryComponent e : bundle.getEntry()) {
      Resource r = e.getResource();
      if (r == null) {
        continue;
      }
      if (wanted.equals(e.getFullUrl())
          || wanted.equals(r.fhirType() + "/" + r.getIdElement().getIdPart())) {
        return r;
      }
    }
    return null;
  }
}
