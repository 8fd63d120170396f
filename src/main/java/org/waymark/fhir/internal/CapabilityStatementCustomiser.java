package org.waymark.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.springframework.stereotype.Component;

/**
 * Adds to the generated CapabilityStatement how clients get a token: OAuth2 client credentials from
 * Waymark's token endpoint, whose metadata is at {@code /.well-known/oauth-authorization-server}.
 * SMART's oauth-uris extension is not used: it requires an authorize endpoint, which client systems
 * do not have.
 */
@Component
@Interceptor
class CapabilityStatementCustomiser {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void customise(IBaseConformance generated, RequestDetails request) {
    CapabilityStatement cs = (CapabilityStatement) generated;
    cs.setPublisher("Waymark");
    String base = request.getFhirServerBase();
    String root = base.endsWith("/fhir") ? base.substring(0, base.length() - 5) : base;
    for (CapabilityStatement.CapabilityStatementRestComponent rest : cs.getRest()) {
      CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
      security.addService(
          new CodeableConcept(
              new Coding(
                  "http://terminology.hl7.org/CodeSystem/restful-security-service",
                  "SMART-on-FHIR",
                  "SMART-on-FHIR")));
      security.setDescription(
          "OAuth2 client credentials: registered client systems get a bearer token from "
              + root
              + "/oauth2/token with scopes such as system/ServiceRequest.write.");
    }
  }
}
