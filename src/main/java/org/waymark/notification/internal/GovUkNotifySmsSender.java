package org.waymark.notification.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Text messages through GOV.UK Notify's API (v2): each text is sent with one Notify template whose
 * body is {@code ((body))}, and the outbox id as its reference. Requests carry a JSON Web Token
 * (HS256, {@code iss} the service id, {@code iat} now in seconds) signed with the API key's secret.
 * 201 is sent; 429, 5xx and network errors are tried again; 400 and 403 are refused for good.
 */
public class GovUkNotifySmsSender implements SmsSender {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI baseUrl;
  private final String serviceId;
  private final byte[] secret;
  private final String templateId;
  private final HttpClient http;
  private final Clock clock;

  /**
   * @param apiKey {@code {key_name}-{service_id}-{secret_key}}, the last two each a 36-character
   *     UUID
   * @param templateId the Notify template whose body is {@code ((body))}
   */
  public GovUkNotifySmsSender(String baseUrl, String apiKey, String templateId, Clock clock) {
    String key = apiKey.strip();
    if (key.length() < 74) {
      throw new IllegalArgumentException("Not a GOV.UK Notify API key (too short)");
    }
    this.serviceId = key.substring(key.length() - 73, key.length() - 37);
    this.secret = key.substring(key.length() - 36).getBytes(StandardCharsets.UTF_8);
    UUID.fromString(serviceId);
    UUID.fromString(new String(secret, StandardCharsets.UTF_8));
    this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.templateId = templateId;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.clock = clock;
  }

  @Override
  public DeliveryResult send(String phoneNumber, String body, UUID reference) {
    ObjectNode request = JSON.createObjectNode();
    request.put("phone_number", phoneNumber);
    request.put("template_id", templateId);
    request.putObject("personalisation").put("body", body);
    request.put("reference", reference.toString());
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request("v2/notifications/sms")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return DeliveryResult.retry("GOV.UK Notify could not be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.retry("Interrupted while sending");
    }
    int status = response.statusCode();
    if (status == 201) {
      return DeliveryResult.sent(field(response.body(), "id"));
    }
    String error = "GOV.UK Notify answered " + status + ": " + errors(response.body());
    if (status == 429 || status >= 500) {
      return DeliveryResult.retry(error);
    }
    return DeliveryResult.failed(error);
  }

  @Override
  public Optional<String> alreadySent(UUID reference) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request(
                      "v2/notifications?reference="
                          + URLEncoder.encode(reference.toString(), StandardCharsets.UTF_8))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("GOV.UK Notify could not be reached: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking GOV.UK Notify", e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GOV.UK Notify answered "
              + response.statusCode()
              + " when asked for a reference: "
              + errors(response.body()));
    }
    JsonNode notifications = parse(response.body()).path("notifications");
    for (JsonNode n : notifications) {
      if (reference.toString().equals(n.path("reference").asString(null))) {
        return Optional.ofNullable(n.path("id").asString(null));
      }
    }
    return Optional.empty();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token())
        .header("User-Agent", "waymark");
  }

  /** A fresh token: Notify refuses one whose {@code iat} is more than 30 seconds from its clock. */
  String token() {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
              new JWTClaimsSet.Builder()
                  .issuer(serviceId)
                  .issueTime(Date.from(clock.instant()))
                  .build());
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a GOV.UK Notify token", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }

  private static String field(String body, String name) {
    return parse(body).path(name).asString(null);
  }

  /** Notify's {@code errors[].message}, joined; the status alone if there are none. */
  private static String errors(String body) {
    List<String> messages = new ArrayList<>();
    for (JsonNode e : parse(body).path("errors")) {
      String m = e.path("message").asString(null);
      if (m != null) {
        messages.add(m);
      }
    }
    return messages.isEmpty() ? "no error message" : String.join("; ", messages);
  }
}
