package org.waymark.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.Serial;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The FHIR R4 server: resource providers over the modules' APIs, the scope check, the translation
 * of the modules' exceptions into OperationOutcomes, and the CapabilityStatement HAPI generates
 * from the providers (so it lists exactly what is served).
 */
@Component
class WaymarkFhirServer extends RestfulServer {

  @Serial private static final long serialVersionUID = 1L;

  WaymarkFhirServer(
      FhirContext context,
      List<IResourceProvider> providers,
      List<FhirPlainProvider> plainProviders,
      ScopeInterceptor scopes,
      FhirErrors errors,
      CapabilityStatementCustomiser capabilities) {
    super(context);
    setResourceProviders(List.copyOf(providers));
    plainProviders.forEach(this::registerProvider);
    setDefaultResponseEncoding(EncodingEnum.JSON);
    setDefaultPrettyPrint(false);
    registerInterceptor(scopes);
    registerInterceptor(errors);
    registerInterceptor(capabilities);
    setImplementationDescription("Waymark social prescribing");
    setServerName("Waymark");
  }
}
