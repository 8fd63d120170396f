package org.waymark.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
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
 * the same {@link WaymarkUser} a password sign-in makes, and no access or refresh token; only the
 * ID token is kept, as the hint for signing out at the provider. Sign-in and refusal are audited as
 * form sign-in is, and counted by the same {@link SignInThrottle}: an address with too many failed
 * sign-ins is sent back to the sign-in page before it reaches the provider or redeems a code.
 *
 * <p>Signing out of Waymark after an OpenID Connect sign-in also ends the session at the provider
 * (OpenID Connect RP-Initiated Logout 1.0) when its discovery document names an {@code
 * end_session_endpoint}, unless {@code waymark.oidc.sign-out-at-provider} is false: the browser is
 * sent there with the ID token as a hint and comes back to the sign-in page.
 */
@Component
@ConditionalOnExpression("!'${waymark.oidc.issuer-uri:}'.isBlank()")
class OidcSignIn {

  private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);
  static final String AUTHORIZATION_BASE_URI = "/oauth2/authorization";
  static final String CALLBACK_BASE_URI = "/login/oauth2/code/";

  /** The session attribute holding the ID token, and the request attribute it is moved to. */
  static final String ID_TOKEN = OidcSignIn.class.getName() + ".ID_TOKEN";

  private final OidcSettings settings;
  private final OidcProviderRegistration registration;
  private final OidcAccounts accounts;
  private final AuditLog audit;
  private final SignInThrottle throttle;
  private final boolean signOutAtProvider;
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
      @Value("${waymark.oidc.sign-out-at-provider:true}") boolean signOutAtProvider,
      UserStore users,
      WaymarkUserDetailsService principals,
      AuditLog audit,
      SignInThrottle throttle) {
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
    this.throttle = throttle;
    this.signOutAtProvider = signOutAtProvider;
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

    http.addFilterBefore(new Throttle(), OAuth2AuthorizationRequestRedirectFilter.class);
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

  /**
   * Sends an address with too many failed sign-ins back to the sign-in page, both before it goes to
   * the provider and when it comes back with a code, and audits it.
   */
  private final class Throttle extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      return !path.startsWith(AUTHORIZATION_BASE_URI) && !path.startsWith(CALLBACK_BASE_URI);
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (throttle.addressBlockedUntil(request.getRemoteAddr()).isPresent()) {
        audit.record(
            new AuditActor(AuditLog.DEPLOYMENT, null, "", null),
            AuditEntry.refused("SIGN_IN_FAILED", "user", null, null)
                .withDetail("OpenID Connect: too many failed sign-ins from this address"));
        response.sendRedirect(request.getContextPath() + "/login?throttled");
        return;
      }
      chain.doFilter(request, response);
    }
  }

  /** Keeps the ID token from the session for {@link #signOut}, before the session ends. */
  LogoutHandler keepIdTokenForSignOut() {
    return (request, response, authentication) -> {
      HttpSession session = request.getSession(false);
      if (session != null && session.getAttribute(ID_TOKEN) instanceof String token) {
        request.setAttribute(ID_TOKEN, token);
      }
    };
  }

  /**
   * After signing out of Waymark: to the provider's end-session endpoint when the person signed in
   * there and the provider has one (it sends them back to {@code signedOutPage}), else straight to
   * {@code signedOutPage}.
   */
  LogoutSuccessHandler signOut(String signedOutPage) {
    return (request, response, authentication) -> {
      String back =
          ServletUriComponentsBuilder.fromContextPath(request)
              .path(signedOutPage)
              .build()
              .toUriString();
      String endSession = endSessionEndpoint();
      if (signOutAtProvider
          && endSession != null
          && request.getAttribute(ID_TOKEN) instanceof String token) {
        audit.record(AuditEntry.allowed("SIGN_OUT_AT_PROVIDER", "user", null, null));
        response.sendRedirect(
            UriComponentsBuilder.fromUriString(endSession)
                .queryParam("id_token_hint", token)
                .queryParam("client_id", settings.clientId())
                .queryParam("post_logout_redirect_uri", back)
                .encode()
                .build()
                .toUriString());
        return;
      }
      response.sendRedirect(back);
    };
  }

  private String endSessionEndpoint() {
    ClientRegistration provider =
        registration.findByRegistrationId(OidcProviderRegistration.REGISTRATION_ID);
    if (provider == null) {
      return null;
    }
    Object endpoint =
        provider.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    return endpoint instanceof String s && s.startsWith("http") ? s : null;
  }

  private void signedIn(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    OidcAccounts.SignedIn signedIn = (OidcAccounts.SignedIn) authentication.getPrincipal();
    WaymarkUser user = signedIn.user();
    throttle.recordSuccess(user.username(), request.getRemoteAddr());
    // The session holds the Waymark user, as after a password sign-in, and no provider token.
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    request.getSession().setAttribute(ID_TOKEN, signedIn.getIdToken().getTokenValue());
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
    throttle.recordFailure(username.isEmpty() ? "oidc" : username, request.getRemoteAddr());
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
