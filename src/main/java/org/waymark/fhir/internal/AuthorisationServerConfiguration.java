package org.waymark.fhir.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.shared.ProblemResponses;

/**
 * Waymark's own OAuth2 authorisation server, for registered FHIR client systems only: the client
 * credentials grant at {@code /oauth2/token} (client secret in HTTP Basic or the form), the signing
 * keys at {@code /oauth2/jwks} and the server's metadata under {@code /.well-known/}. Tokens are
 * short-lived signed JWTs that the FHIR chain checks by signature alone, so they are not stored
 * (ADR 20).
 */
@Configuration(proxyBeanMethods = false)
class AuthorisationServerConfiguration {

  /** Before the API and page chains, which match everything else. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  @Order(ORDER)
  SecurityFilterChain authorisationServer(HttpSecurity http, FhirRegisteredClients clients)
      throws Exception {
    OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
    http.securityMatcher(server.getEndpointsMatcher())
        .with(
            server,
            s ->
                s.registeredClientRepository(clients)
                    .authorizationService(new UnstoredAuthorizations())
                    .tokenEndpoint(
                        token -> token.accessTokenRequestConverter(registeredScopesByDefault())))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .csrf(csrf -> csrf.disable())
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(
                    (request, response, e) ->
                        ProblemResponses.write(
                            response,
                            request,
                            401,
                            "Unauthorized",
                            "Only registered client systems use this endpoint.")));
    return http.build();
  }

  /**
   * A client that asks for no scope gets every scope it was registered with (RFC 6749 section 3.3
   * lets the server choose a default), rather than a token that can do nothing.
   */
  static AuthenticationConverter registeredScopesByDefault() {
    OAuth2ClientCredentialsAuthenticationConverter standard =
        new OAuth2ClientCredentialsAuthenticationConverter();
    return request -> {
      Authentication read = standard.convert(request);
      if (read instanceof OAuth2ClientCredentialsAuthenticationToken asked
          && asked.getScopes().isEmpty()
          && asked.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
          && client.getRegisteredClient() != null) {
        return new OAuth2ClientCredentialsAuthenticationToken(
            client, client.getRegisteredClient().getScopes(), asked.getAdditionalParameters());
      }
      return read;
    };
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    // No fixed issuer: it is taken from each request, so it follows the deployment's address.
    return AuthorizationServerSettings.builder().build();
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(JdbcClient jdbc, TransactionTemplate transactions) {
    RSAKey key = transactions.execute(status -> signingKey(jdbc));
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
  }

  /**
   * The signing key every instance shares: the first to start makes one; if two start together,
   * both keep the older of the two.
   */
  static RSAKey signingKey(JdbcClient jdbc) {
    if (jdbc.sql("SELECT count(*) FROM fhir_signing_key").query(Long.class).single() == 0) {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Base64.Encoder b64 = Base64.getEncoder();
        jdbc.sql(
                "INSERT INTO fhir_signing_key (key_id, private_key, public_key) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .params(
                UUID.randomUUID().toString(),
                b64.encodeToString(pair.getPrivate().getEncoded()),
                b64.encodeToString(pair.getPublic().getEncoded()))
            .update();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return jdbc.sql(
            "SELECT key_id, private_key, public_key FROM fhir_signing_key"
                + " ORDER BY created_at, key_id LIMIT 1")
        .query(
            (rs, n) -> {
              try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                Base64.Decoder b64 = Base64.getDecoder();
                RSAPrivateKey privateKey =
                    (RSAPrivateKey)
                        rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(b64.decode(rs.getString("private_key"))));
                RSAPublicKey publicKey =
                    (RSAPublicKey)
                        rsa.generatePublic(
                            new X509EncodedKeySpec(b64.decode(rs.getString("public_key"))));
                return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyID(rs.getString("key_id"))
                    .build();
              } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
                throw new IllegalStateException(e);
              }
            })
        .single();
  }

  /**
   * Client-credentials tokens are self-contained JWTs checked by signature, so nothing is kept:
   * keeping them would grow without bound, and there is no refresh token or consent to look up.
   */
  static final class UnstoredAuthorizations implements OAuth2AuthorizationService {
    @Override
    public void save(OAuth2Authorization authorization) {}

    @Override
    public void remove(OAuth2Authorization authorization) {}

    @Override
    public OAuth2Authorization findById(String id) {
      return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
      return null;
    }
  }
}
