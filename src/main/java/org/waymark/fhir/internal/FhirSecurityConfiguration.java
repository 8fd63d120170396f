package org.waymark.fhir.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.fhir.FhirClient;
import org.waymark.fhir.FhirClients;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Membership;
import org.waymark.identity.UserAccount;
import org.waymark.identity.WaymarkUser;

/**
 * {@code /fhir/**} as an OAuth2 resource server: a bearer token from Waymark's authorisation
 * server, whose client is still registered and enabled, authenticates the request as the client's
 * account. The CapabilityStatement ({@code /fhir/metadata}) is public, as FHIR clients read it
 * before they have a token. Stateless, without CSRF (no cookie is read), and every error is an
 * OperationOutcome.
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurityConfiguration {

  static final int ORDER = AuthorisationServerConfiguration.ORDER + 1;

  @Bean
  @Order(ORDER)
  SecurityFilterChain fhir(
      HttpSecurity http, FhirClients clients, IdentityManagement identity, AuditLog audit)
      throws Exception {
    http.securityMatcher("/fhir", "/fhir/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/fhir/metadata")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(t -> authenticate(t, clients, identity)))
                    .authenticationEntryPoint(
                        (request, response, e) -> {
                          response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                          outcome(response, 401, "login", "A valid bearer token is required.");
                        })
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          audit.recordIndependently(
                              AuditEntry.refused(
                                  "ACCESS_REFUSED",
                                  "endpoint",
                                  request.getMethod() + " " + request.getRequestURI(),
                                  null));
                          outcome(response, 403, "forbidden", "You do not have access to this.");
                        }))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.deny()));
    return http.build();
  }

  /**
   * The token's client must still be registered and enabled, and its account must still be a member
   * of the client's organisation: disabling either takes effect on the next request.
   */
  static FhirClientAuthentication authenticate(
      Jwt token, FhirClients clients, IdentityManagement identity) {
    FhirClient client =
        clients
            .enabledByClientId(token.getSubject())
            .orElseThrow(() -> new InvalidBearerTokenException("Unknown or disabled client"));
    UserAccount account =
        identity
            .user(client.systemUserId())
            .filter(UserAccount::enabled)
            .orElseThrow(() -> new InvalidBearerTokenException("The client's account is disabled"));
    Optional<Membership> acting =
        account.memberships().stream()
            .filter(m -> m.organisationId().equals(client.organisationId()))
            .findFirst();
    if (acting.isEmpty()) {
      throw new InvalidBearerTokenException("The client no longer acts for its organisation");
    }
    WaymarkUser user =
        new WaymarkUser(
            account.id(),
            account.email(),
            account.displayName(),
            null,
            true,
            account.memberships(),
            acting.get());
    List<String> granted = token.getClaimAsStringList("scope");
    Set<String> scopes = new HashSet<>(granted == null ? List.of() : granted);
    // A scope taken away since the token was issued no longer counts.
    scopes.retainAll(client.scopes());
    return new FhirClientAuthentication(user, client, scopes);
  }

  static void outcome(HttpServletResponse response, int status, String code, String text)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/fhir+json;charset=UTF-8");
    String body =
        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
            + code
            + "\",\"diagnostics\":\""
            + text.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}]}";
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
