package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class OpenApiTests {

  @LocalServerPort int port;

  @Test
  void theJsonApiIsDescribedByOpenApi() {
    WebSession.Page docs = new WebSession(port).get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body()).contains("\"openapi\":\"3.");
  }

  @Test
  void swaggerUiIsServed() {
    WebSession.Page ui = new WebSession(port).get("/swagger-ui.html");
    assertThat(ui.status()).isIn(200, 302);
  }
}
