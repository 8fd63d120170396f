package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.identity.Role;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class ApiProblemDetailsTests {

  @LocalServerPort int port;

  @Test
  void anonymousApiCallsGetA401Problem() {
    WebSession.Page answer = new WebSession(port).json("GET", "/api/anything", null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(answer.body()).contains("\"status\":401").contains("\"requestId\"");
  }

  @Test
  void unknownApiAddressesGetA404ProblemWithTheRequestId() {
    WebSession browser = new WebSession(port).signedInAs(Role.SERVICE_MANAGER);
    WebSession.Page answer = browser.json("GET", "/api/no-such-thing", null);
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    String requestId = answer.header("X-Request-Id").orElseThrow();
    assertThat(answer.body())
        .contains("\"requestId\":\"" + requestId + "\"")
        .doesNotContain("Exception");
  }

  @Test
  void aBodyOverTheLimitGets413() {
    WebSession browser = new WebSession(port).signedInAs(Role.SERVICE_MANAGER);
    String big = "{\"x\":\"" + "a".repeat(1_100_000) + "\"}";
    WebSession.Page answer = browser.json("POST", "/api/people", big);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(answer.body()).contains("\"status\":413");
  }

  @Test
  void theCallersRequestIdIsKeptWhenSensible() {
    WebSession.Page answer =
        new WebSession(port).header("X-Request-Id", "trace-12345678").get("/login");
    assertThat(answer.header("X-Request-Id")).hasValue("trace-12345678");
    WebSession.Page odd = new WebSession(port).header("X-Request-Id", "<script>").get("/login");
    assertThat(odd.header("X-Request-Id").orElseThrow()).isNotEqualTo("<script>").hasSize(36);
  }

  @Test
  void healthSaysUpWithoutSigningIn() {
    WebSession.Page health = new WebSession(port).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void prometheusMetricsAreForAdministratorsOnly() {
    assertThat(
            new WebSession(port).signedInAs(Role.LINK_WORKER).get("/actuator/prometheus").status())
        .isEqualTo(403);
    WebSession.Page metrics =
        new WebSession(port).signedInAs(Role.ADMINISTRATOR).get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
  }
}
