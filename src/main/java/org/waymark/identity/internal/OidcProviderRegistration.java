package org.waymark.identity.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The one identity provider, found through its discovery document the first time someone signs in
 * with it rather than at start: Waymark starts, and local accounts work, while the provider is
 * unreachable. A failed look-up is tried again after {@link #RETRY_AFTER}; a successful one is
 * kept. The discovery document must name exactly the configured issuer (OpenID Connect Discovery
 * 1.0, section 4.3), so ID tokens are checked against that issuer.
 */
final class OidcProviderRegistration implements ClientRegistrationRepository {

  static final String REGISTRATION_ID = "oidc";
  static final Duration RETRY_AFTER = Duration.ofSeconds(30);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(OidcProviderRegistration.class);

  private final OidcSettings settings;
  private final HttpClient http;
  private final Clock clock = Clock.systemUTC();
  private volatile ClientRegistration registration;
  private Instant retryAfter = Instant.MIN;

  OidcProviderRegistration(OidcSettings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The provider's registration, or null if the id is another or the provider cannot be found. */
  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!REGISTRATION_ID.equals(registrationId)) {
      return null;
    }
    ClientRegistration known = registration;
    return known != null ? known : discover();
  }

  private synchronized ClientRegistration discover() {
    if (registration != null) {
      return registration;
    }
    Instant now = clock.instant();
    if (now.isBefore(retryAfter)) {
      return null;
    }
    String location = discoveryLocation(settings.issuerUri());
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(location))
                  .timeout(TIMEOUT)
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("answered " + answer.statusCode());
      }
      Map<String, Object> metadata = JSONObjectUtils.parse(answer.body());
      if (!settings.issuerUri().equals(metadata.get("issuer"))) {
        throw new IllegalStateException("it names another issuer: " + metadata.get("issuer"));
      }
      ClientRegistration.Builder builder =
          ClientRegistrations.fromOidcConfiguration(metadata)
              .registrationId(REGISTRATION_ID)
              .clientName(settings.name())
              .clientId(settings.clientId())
              .scope(settings.scopes())
              .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
              .userNameAttributeName("sub");
      if (settings.clientSecret() == null) {
        builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
      } else {
        builder.clientSecret(settings.clientSecret());
      }
      registration = builder.build();
      return registration;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Exception e) {
      // Never the exception's stack: the log says which provider and why, nothing more is needed.
      log.warn("OpenID Connect discovery at {} failed: {}", location, e.toString());
      retryAfter = now.plus(RETRY_AFTER);
      return null;
    }
  }

  static String discoveryLocation(String issuer) {
    return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
        + "/.well-known/openid-configuration";
  }
}
