package org.waymark.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.WaymarkUser;

/**
 * Staff sign-in through an OpenID Connect provider, beside the sign-in form (ADR 0021). Exists only
 * when {@code waymark.oidc.issuer-uri} is set; {@code SecurityConfiguration} then adds it to the
 * pages' filter chain.
 *
 * <p>The authorization code flow, always with PKCE (S256), a {@code state} and a {@code nonce},
 * which Spring Security checks on the way back. The ID token's signature (against the provider's
 * published keys), issuer, audience, expiry and nonce are checked by Spring's ID token decoder;
 * {@link OidcAccounts} then finds the pre-provisioned account. The session gets a new id and holds
 * the same {@link WaymarkUser} a password sign-in makes, never the provider's tokens. Sign-in and
 * refusal are audited as form sign-in is.
 */
@Component
@ConditionalOnExpression("!'${waymark.oidc.issuer-uri:}'.isBlank()")
class OidcSignIn {

  private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);
  static final String AUTHORIZATION_BASE_URI = "/oauth2/authorization";

  private final OidcSettings settings;
  private final OidcProviderRegistration registration;
  private final OidcAccounts accounts;
  private final AuditLog audit;
  private final JwtDecoderFactory<ClientRegistration> idTokenDecoders =
      new OidcIdTokenDecoderFactory();
  private final SecurityContextRepository contexts =
      new DelegatingSecurityContextRepository(
          new RequestAttributeSecurityContextRepository(),
          new HttpSessionSecurityContextRepository());

  OidcSignIn(
      @Value("${waymark.oidc.issuer-uri}") String issuerUri,
      @Value("${waymark.oidc.client-id:}") String clientId,
      @Value("${waymark.oidc.client-secret:}") String clientSecret,
      @Value("${waymark.oidc.name:}") String name,
      @Value("${waymark.oidc.scopes:openid,email}") String scopes,
      @Value("${waymark.oidc.match:email}") String match,
      @Value("${waymark.oidc.require-mfa:false}") boolean requireMfa,
      @Value("${waymark.oidc.mfa-acr-values:}") String acrValues,
      @Value("${waymark.oidc.mfa-amr-values:}") String amrValues,
      UserStore users,
      WaymarkUserDetailsService principals,
      AuditLog audit) {
    this.settings =
        OidcSettings.of(
            issuerUri,
            clientId,
            clientSecret,
            name,
            scopes,
            match,
            requireMfa,
            acrValues,
            amrValues);
    this.registration = new OidcProviderRegistration(settings);
    this.accounts = new OidcAccounts(settings, users, principals, audit);
    this.audit = audit;
  }

  /** Adds OpenID Connect sign-in to the pages' filter chain. */
  void configure(HttpSecurity http) throws Exception {
    DefaultOAuth2AuthorizationRequestResolver requests =
        new DefaultOAuth2AuthorizationRequestResolver(registration, AUTHORIZATION_BASE_URI);
    requests.setAuthorizationRequestCustomizer(authorizationRequest());

    OidcAuthorizationCodeAuthenticationProvider provider =
        new OidcAuthorizationCodeAuthenticationProvider(
            new RestClientAuthorizationCodeTokenResponseClient(), accounts);
    provider.setJwtDecoderFactory(idTokenDecoders);
    // Its own manager: the chain's manager checks passwords only.
    ProviderManager manager = new ProviderManager(provider);

    http.oauth2Login(
        login ->
            login
                .loginPage("/login")
                .clientRegistrationRepository(registration)
                .authorizedClientRepository(new NoAuthorizedClients())
                .authorizationEndpoint(
                    endpoint ->
                        endpoint
                            .baseUri(AUTHORIZATION_BASE_URI)
                            .authorizationRequestResolver(requests))
                .successHandler(this::signedIn)
                .failureHandler(this::refused)
                .withObjectPostProcessor(
                    new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                      @Override
                      public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(manager);
                        return filter;
                      }
                    })
                .withObjectPostProcessor(
                    new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                      @Override
                      public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(
                          O filter) {
                        filter.setAuthenticationFailureHandler(this::unavailable);
                        return filter;
                      }

                      private void unavailable(
                          HttpServletRequest request,
                          HttpServletResponse response,
                          AuthenticationException e)
                          throws IOException {
                        log.warn("OpenID Connect sign-in could not start: {}", e.getMessage());
                        response.sendRedirect(request.getContextPath() + "/login?oidcFailed");
                      }
                    }));
  }

  /**
   * PKCE for every client, public or confidential (RFC 9700, section 2.1.1); where multi-factor
   * authentication is required and acr values are known, the provider is asked for one of them.
   */
  private Consumer<OAuth2AuthorizationRequest.Builder> authorizationRequest() {
    Consumer<OAuth2AuthorizationRequest.Builder> pkce =
        OAuth2AuthorizationRequestCustomizers.withPkce();
    return builder -> {
      pkce.accept(builder);
      if (settings.requireMfa() && !settings.acrValues().isEmpty()) {
        builder.additionalParameters(
            parameters ->
                parameters.put(
                    "acr_values",
                    String.join(" ", settings.acrValues().stream().sorted().toList())));
      }
    };
  }

  private void signedIn(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    WaymarkUser user = ((OidcAccounts.SignedIn) authentication.getPrincipal()).user();
    // The session holds the Waymark user, as after a password sign-in, and no provider token.
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    audit.record(
        new AuditActor(user.organisationId(), user.userId(), user.username(), user.role()),
        AuditEntry.allowed("SIGN_IN", "user", user.userId(), null).withDetail("OpenID Connect"));
    response.sendRedirect(
        request.getContextPath() + (user.hasSeveralMemberships() ? "/choose-organisation" : "/"));
  }

  private void refused(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String code =
        e instanceof OAuth2AuthenticationException oauth
            ? oauth.getError().getErrorCode()
            : "authentication_failed";
    String username = "";
    String detail = "OpenID Connect: " + code;
    if (e instanceof OidcAccounts.Refused refusal) {
      username = refusal.email() == null ? "" : refusal.email();
      detail += ", subject " + refusal.subject();
    }
    audit.record(
        new AuditActor(AuditLog.DEPLOYMENT, null, username, null),
        AuditEntry.refused("SIGN_IN_FAILED", "user", null, null).withDetail(detail));
    String page =
        switch (code) {
          case OidcAccounts.ACCOUNT_NOT_RECOGNISED -> "/login?oidcRefused";
          case OidcAccounts.MFA_REQUIRED -> "/login?oidcMfa";
          default -> "/login?oidcFailed";
        };
    response.sendRedirect(request.getContextPath() + page);
  }

  /**
   * Keeps no access or refresh token: Waymark signs people in with the provider and calls none of
   * its APIs, so there is nothing to keep in memory or in the session.
   */
  private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

    @Override
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
        String clientRegistrationId, Authentication principal, HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(
        OAuth2AuthorizedClient authorizedClient,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}

    @Override
    public void removeAuthorizedClient(
        String clientRegistrationId,
        Authentication principal,
        HttpServletRequest request,
        HttpServletResponse response) {}
  }
}
