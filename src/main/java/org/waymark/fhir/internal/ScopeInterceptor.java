package org.waymark.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;

/**
 * Checks the client's scopes before any provider runs: reads need {@code system/Type.read}, creates
 * and updates {@code system/Type.write}. A refusal is audited and answered 403. Transactions are
 * checked entry by entry by their provider. The CapabilityStatement needs no scope.
 */
@Component
@Interceptor
class ScopeInterceptor {

  private final AuditLog audit;

  ScopeInterceptor(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * Answers a refusal itself (403, an OperationOutcome) and stops the request, rather than
   * throwing: an exception thrown by a hook is logged as an error with its stack trace.
   */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean check(RequestDetails request, HttpServletResponse response) throws IOException {
    RestOperationTypeEnum op = request.getRestOperationType();
    if (op == RestOperationTypeEnum.METADATA) {
      return true;
    }
    FhirClientAuthentication client = current();
    if (op == RestOperationTypeEnum.TRANSACTION || op == RestOperationTypeEnum.GET_PAGE) {
      return true;
    }
    String type = request.getResourceName();
    boolean write =
        switch (op) {
          case CREATE, UPDATE, PATCH, DELETE -> true;
          default -> false;
        };
    if (type == null || !client.allows(type, write)) {
      audit.recordIndependently(
          AuditEntry.refused(
              "FHIR_SCOPE",
              "endpoint",
              request.getRequestType() + " " + request.getRequestPath(),
              null));
      FhirSecurityConfiguration.outcome(
          response, 403, "forbidden", "The client's scopes do not allow this.");
      return false;
    }
    return true;
  }

  /** The calling client; a request without one never reaches here (the security chain). */
  static FhirClientAuthentication current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof FhirClientAuthentication client) {
      return client;
    }
    throw new AuthenticationException("A valid bearer token is required.");
  }

  /** Requires a scope for a resource type, as for an entry of a transaction. */
  void require(String type, boolean write, String what) {
    if (!current().allows(type, write)) {
      refuse(what);
    }
  }

  private void refuse(String what) {
    audit.recordIndependently(AuditEntry.refused("FHIR_SCOPE", "endpoint", what, null));
    throw new ForbiddenOperationException("The client's scopes do not allow this.");
  }
}
