package org.waymark.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HAPI FHIR's plain server at {@code /fhir}, with one shared R4 context. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  ServletRegistrationBean<WaymarkFhirServer> fhirServlet(WaymarkFhirServer server) {
    ServletRegistrationBean<WaymarkFhirServer> registration =
        new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
