package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.waymark.support.FhirValidation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A FHIR client system over real HTTP: it gets a client-credentials token from the authorisation
 * server and sends FHIR JSON with it. Every resource it reads back is validated.
 */
final class FhirHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private String token;

  FhirHttp(int port) {
    this.base = "http://localhost:" + port;
  }

  record Answer(int status, String body, java.net.http.HttpHeaders headers) {
    IBaseResource resource() {
      return FhirValidation.CONTEXT.newJsonParser().parseResource(body);
    }

    @SuppressWarnings("unchecked")
    <T extends IBaseResource> T valid(Class<T> type) {
      IBaseResource r = resource();
      assertThat(r).isInstanceOf(type);
      return (T) FhirValidation.assertValid(r);
    }
  }

  /** Gets a token with HTTP Basic client authentication; the answer's status is returned. */
  Answer token(String clientId, String secret, String scope) {
    String form =
        "grant_type=client_credentials"
            + (scope == null
                ? ""
                : "&scope=" + java.net.URLEncoder.encode(scope, StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    Answer answer = send(request);
    if (answer.status() == 200) {
      JsonNode json = JSON.readTree(answer.body());
      token = json.get("access_token").asString();
    }
    return answer;
  }

  FhirHttp withToken(String token) {
    this.token = token;
    return this;
  }

  String token() {
    return token;
  }

  Answer get(String path) {
    return send(builder(path).GET().build());
  }

  Answer post(String path, IBaseResource resource) {
    return send(
        builder(path)
            .header("Content-Type", "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(resource)))
            .build());
  }

  Answer put(String path, IBaseResource resource) {
    return send(
        builder(path)
            .header("Content-Type", "application/fhir+json")
            .PUT(HttpRequest.BodyPublishers.ofString(encode(resource)))
            .build());
  }

  /** Sends a body as it is, with the content type given (none if null). */
  Answer raw(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder b = builder(path);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  Answer delete(String path) {
    return send(builder(path).DELETE().build());
  }

  static String encode(IBaseResource resource) {
    return FhirValidation.CONTEXT.newJsonParser().encodeResourceToString(resource);
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/fhir+json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
