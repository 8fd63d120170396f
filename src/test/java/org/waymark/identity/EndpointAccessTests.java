package org.waymark.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.internal.PermissionInterceptor;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Walks every endpoint the application maps, with every role and with nobody signed in: an endpoint
 * without an access decision fails the build, every refusal is a 403 (and is audited), and every
 * role the rule allows gets past it. This is what keeps a new page from being open by accident.
 */
@WaymarkIntegrationTest
class EndpointAccessTests {

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired AuditLog audit;

  record Endpoint(RequestMethod method, String path, HandlerMethod handler) {
    boolean api() {
      return AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class);
    }

    @Override
    public String toString() {
      return method + " " + path + " (" + handler.getShortLogMessage() + ")";
    }
  }

  private List<Endpoint> waymarkEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = e.getValue();
      if (!PermissionInterceptor.isWaymarks(handler)) {
        continue;
      }
      Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
      // A mapping that requires parameters is only reached with them.
      String query =
          e.getKey().getParamsCondition().getExpressions().stream()
              .filter(p -> !p.isNegated())
              .map(p -> p.getName() + "=" + (p.getValue() == null ? "9990000018" : p.getValue()))
              .reduce((a, b) -> a + "&" + b)
              .map(q -> "?" + q)
              .orElse("");
      for (String pattern : e.getKey().getPatternValues()) {
        String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()) + query;
        for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          endpoints.add(new Endpoint(m, path, handler));
        }
      }
    }
    return endpoints;
  }

  @Test
  void everyEndpointNamesItsAccessRule() {
    List<Endpoint> endpoints = waymarkEndpoints();
    assertThat(endpoints).hasSizeGreaterThan(5);
    assertThat(endpoints)
        .as("endpoints with neither @RequiresPermission nor @PublicEndpoint")
        .allSatisfy(
            e ->
                assertThat(
                        PermissionInterceptor.rule(e.handler()) != null
                            || PermissionInterceptor.isPublic(e.handler()))
                    .as(e.toString())
                    .isTrue());
  }

  @Test
  void everyRoleIsLetThroughOrRefusedExactlyAsItsRuleSays() {
    Map<Role, WebSession> sessions = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      sessions.put(role, new WebSession(port).signedInAs(role));
    }
    List<String> wrong = new ArrayList<>();
    for (Endpoint e : waymarkEndpoints()) {
      if (e.path().equals("/logout")) {
        continue;
      }
      RequiresPermission rule = PermissionInterceptor.rule(e.handler());
      boolean open = PermissionInterceptor.isPublic(e.handler());
      for (Role role : Role.values()) {
        boolean allowed =
            open || rule.value() == Permission.SIGNED_IN || rule.value().grantedTo(role);
        int status = call(sessions.get(role), e).status();
        if (allowed ? (status == 403 || status >= 500) : status != 403) {
          wrong.add(e + " as " + role + ": " + status);
        }
      }
      int anonymous = call(new WebSession(port), e).status();
      if (!open && !(anonymous == 302 || anonymous == 401 || anonymous == 403)) {
        wrong.add(e + " with nobody signed in: " + anonymous);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aRefusalIsAudited() {
    WebSession researcher = new WebSession(port).signedInAs(Role.RESEARCHER);
    assertThat(researcher.get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(
            audit
                .search(new AuditQuery("researcher@", null, "ACCESS_REFUSED", null, null, 0, 50))
                .events())
        .anySatisfy(
            e -> {
              assertThat(e.recordId()).isEqualTo("GET /actuator/prometheus");
              assertThat(e.role()).isEqualTo("RESEARCHER");
            });
  }

  private static WebSession.Page call(WebSession session, Endpoint e) {
    return switch (e.method()) {
      case GET, HEAD, OPTIONS ->
          e.api() ? session.json("GET", e.path(), null) : session.get(e.path());
      default ->
          e.api()
              ? session.json(e.method().name(), e.path(), "{}")
              : session.post(e.path(), Map.of());
    };
  }
}
