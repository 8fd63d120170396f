package org.waymark.directory.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Fetches JSON from an ORUK API, with timeouts and a size limit. */
final class HttpJson {

  static final long MAX_BYTES = 50L * 1024 * 1024;

  /** Why a request gave no JSON, in words for the import report. */
  static final class FetchException extends Exception {
    FetchException(String message) {
      super(message);
    }
  }

  private final HttpClient client;
  private final Duration timeout;

  HttpJson(Duration connectTimeout, Duration timeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.timeout = timeout;
  }

  JsonNode get(String url) throws FetchException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("User-Agent", "Waymark directory harvester")
            .GET()
            .build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new FetchException("HTTP " + response.statusCode() + " from " + url);
        }
        byte[] bytes = body.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new FetchException("The answer from " + url + " is larger than 50 MB");
        }
        return Json.MAPPER.readTree(bytes);
      }
    } catch (JacksonException e) {
      throw new FetchException("The answer from " + url + " is not JSON");
    } catch (java.net.http.HttpTimeoutException e) {
      throw new FetchException("No answer from " + url + " in time");
    } catch (IOException e) {
      throw new FetchException("Could not reach " + url);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("Interrupted while fetching " + url);
    }
  }
}
