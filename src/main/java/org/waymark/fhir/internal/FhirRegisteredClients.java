package org.waymark.fhir.internal;

import java.time.Duration;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.waymark.fhir.FhirClient;

/**
 * The authorisation server's view of the registered FHIR clients: enabled clients only, each with
 * the client credentials grant, its secret hash and its scopes. Clients are registered through
 * {@link org.waymark.fhir.FhirClients}, never through this repository.
 */
@Component
class FhirRegisteredClients implements RegisteredClientRepository {

  /** Short, so that a disabled client or a changed scope takes effect soon even in a copy. */
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

  private final FhirClientStore store;

  FhirRegisteredClients(FhirClientStore store) {
    this.store = store;
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("FHIR clients are registered through FhirClients");
  }

  @Override
  public RegisteredClient findById(String id) {
    try {
      return store.find(UUID.fromString(id)).filter(FhirClient::enabled).map(this::of).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return store.findByClientId(clientId).filter(FhirClient::enabled).map(this::of).orElse(null);
  }

  private RegisteredClient of(FhirClient c) {
    return RegisteredClient.withId(c.id().toString())
        .clientId(c.clientId())
        .clientSecret(store.secretHash(c.clientId()).orElseThrow())
        .clientName(c.name())
        .clientIdIssuedAt(c.createdAt())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(scopes -> scopes.addAll(c.scopes()))
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
        .build();
  }
}
