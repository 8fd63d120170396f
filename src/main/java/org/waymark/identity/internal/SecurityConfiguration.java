package org.waymark.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.ProblemResponses;

/**
 * Sign-in, sessions and headers. URL rules here only separate public from signed-in; what a
 * signed-in user may do is decided per endpoint ({@code RequiresPermission}, enforced by
 * PermissionInterceptor) and per record ({@link AccessPolicy}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt by default; the {id} prefix lets a later change of algorithm upgrade hashes on
    // sign-in.
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationManager authenticationManager(
      WaymarkUserDetailsService users,
      PasswordEncoder encoder,
      SignInThrottle throttle,
      AuditLog audit) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(encoder);
    ProviderManager manager =
        new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, audit));
    manager.setEraseCredentialsAfterAuthentication(true);
    return manager;
  }

  /**
   * API requests that carry HTTP Basic credentials: systems such as a GP system. Checked by the
   * same throttled authentication manager as the sign-in form, on every request, and stateless (no
   * session is read or made), so CSRF does not apply: a browser sends Basic credentials only after
   * a {@code WWW-Authenticate} challenge, and this never sends one. Everything else goes through
   * {@link #web}. See ADR 0011.
   */
  @Bean
  @Order(1)
  SecurityFilterChain apiBasic(
      HttpSecurity http, AuthenticationManager authenticationManager, AuditLog audit)
      throws Exception {
    AuthenticationEntryPoint problem =
        (request, response, e) -> {
          if (e instanceof SignInThrottledException) {
            ProblemResponses.write(
                response,
                request,
                429,
                "Too Many Requests",
                "Too many failed sign-in attempts. Try again later.");
          } else {
            ProblemResponses.write(
                response, request, 401, "Unauthorized", "The credentials are not valid.");
          }
        };
    http.securityMatcher(SecurityConfiguration::isApiWithBasicCredentials)
        .authenticationManager(authenticationManager)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problem))
        .securityContext(
            context ->
                context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(problem).accessDeniedHandler(accessDenied(audit)))
        .headers(SecurityConfiguration::secureHeaders)
        .addFilterAfter(new ApiActingOrganisationFilter(), BasicAuthenticationFilter.class);
    return http.build();
  }

  static boolean isApiWithBasicCredentials(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    return ProblemResponses.isApi(request)
        && authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  @Bean
  @Order(2)
  SecurityFilterChain web(
      HttpSecurity http,
      AuthenticationManager authenticationManager,
      AuditLog audit,
      @Value("${waymark.security.session-absolute-timeout}") Duration absoluteTimeout,
      ObjectProvider<OidcSignIn> oidc)
      throws Exception {
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/css/**",
                        "/js/**",
                        "/nhsuk/**",
                        "/images/**",
                        "/favicon.ico",
                        "/login",
                        "/error",
                        "/error/**",
                        "/accessibility",
                        "/privacy",
                        "/cookies",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        // Open Referral UK data is published for anyone (DESIGN.md section 5).
                        "/oruk",
                        "/oruk/**",
                        // People refer themselves without an account (rate-limited per address).
                        "/self-referral",
                        "/self-referral/**",
                        // People answer a questionnaire from a single-use link (rate-limited).
                        "/q/**",
                        "/questionnaire",
                        "/questionnaire/**",
                        // Published study updates are written for partners and the public.
                        "/study-updates/*",
                        "/study-updates/*/pdf",
                        "/study-updates/*/photo")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasRole("ADMINISTRATOR")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(successHandler())
                    .failureHandler(failureHandler())
                    .permitAll())
        .logout(
            logout -> {
              logout.logoutUrl("/logout").addLogoutHandler(auditSignOut(audit));
              OidcSignIn provider = oidc.getIfAvailable();
              if (provider != null) {
                logout
                    .addLogoutHandler(provider.keepIdTokenForSignOut())
                    .logoutSuccessHandler(provider.signOut("/login?signedOut"));
              } else {
                logout.logoutSuccessUrl("/login?signedOut");
              }
              logout.invalidateHttpSession(true).deleteCookies("WAYMARK_SESSION");
            })
        .sessionManagement(
            sessions -> sessions.sessionAuthenticationStrategy(newSessionIdAtSignIn()))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) -> {
                          if (ProblemResponses.isApi(request)) {
                            ProblemResponses.write(
                                response, request, 401, "Unauthorized", "Sign in first.");
                          } else {
                            new LoginUrlAuthenticationEntryPoint("/login")
                                .commence(request, response, e);
                          }
                        })
                    .accessDeniedHandler(accessDenied(audit)))
        .headers(SecurityConfiguration::secureHeaders)
        .addFilterAfter(
            new AbsoluteSessionTimeoutFilter(absoluteTimeout), SecurityContextHolderFilter.class);
    // OpenID Connect sign-in beside the form, only when an issuer is configured (ADR 0021).
    OidcSignIn openIdConnect = oidc.getIfAvailable();
    if (openIdConnect != null) {
      openIdConnect.configure(http);
    }
    return http.build();
  }

  private static void secureHeaders(HeadersConfigurer<HttpSecurity> headers) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
        .referrerPolicy(
            r ->
                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
        .frameOptions(frame -> frame.deny());
  }

  private static SessionAuthenticationStrategy newSessionIdAtSignIn() {
    return new ChangeSessionIdAuthenticationStrategy();
  }

  private static AuthenticationSuccessHandler successHandler() {
    return (request, response, authentication) -> {
      WaymarkUser user = (WaymarkUser) authentication.getPrincipal();
      response.sendRedirect(
          request.getContextPath() + (user.hasSeveralMemberships() ? "/choose-organisation" : "/"));
    };
  }

  private static AuthenticationFailureHandler failureHandler() {
    return (request, response, e) ->
        response.sendRedirect(
            request.getContextPath()
                + (e instanceof SignInThrottledException ? "/login?throttled" : "/login?error"));
  }

  private static LogoutHandler auditSignOut(AuditLog audit) {
    return (request, response, authentication) -> {
      if (authentication != null && authentication.getPrincipal() instanceof WaymarkUser user) {
        audit.record(
            new AuditActor(user.organisationId(), user.userId(), user.username(), user.role()),
            AuditEntry.allowed("SIGN_OUT", "user", user.userId(), null));
      }
    };
  }

  private static AccessDeniedHandler accessDenied(AuditLog audit) {
    return (request, response, e) -> {
      if (!(e instanceof AccessPolicy.AuditedAccessDeniedException)) {
        audit.recordIndependently(
            AuditEntry.refused(
                "ACCESS_REFUSED",
                "endpoint",
                request.getMethod() + " " + request.getRequestURI(),
                null));
      }
      if (ProblemResponses.isApi(request)) {
        ProblemResponses.write(
            response, request, 403, "Forbidden", "You do not have access to this.");
      } else {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
      }
    };
  }
}
