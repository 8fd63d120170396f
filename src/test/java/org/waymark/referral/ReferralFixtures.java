package org.waymark.referral;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.support.WebSession;

/** Request bodies, demo organisations and an HTTP Basic client for the referral tests. */
final class ReferralFixtures {

  private ReferralFixtures() {}

  /** A fresh valid NHS number in the 999 range, which is never issued to real patients. */
  static String nhsNumber() {
    while (true) {
      String nine = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (nine.charAt(i) - '0') * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        return nine + check;
      }
    }
  }

  static Organisation organisation(IdentityManagement identity, String odsCode) {
    return identity.organisations().stream()
        .filter(o -> odsCode.equals(o.odsCode()))
        .findFirst()
        .orElseThrow();
  }

  static UUID practice(IdentityManagement identity, String odsCode) {
    Organisation o = organisation(identity, odsCode);
    if (o.type() != OrganisationType.GP_PRACTICE) {
      throw new IllegalArgumentException(odsCode);
    }
    return o.id();
  }

  /** A valid referral body for a person with this NHS number. */
  static String body(String nhsNumber) {
    return body(nhsNumber, "Lives alone and rarely goes out");
  }

  static String body(String nhsNumber, String reason) {
    return """
        {"person": {"nhsNumber": "%s", "givenName": "Robin", "familyName": "Testperson",
                    "dateOfBirth": "1950-02-03", "postcode": "BD3 9DA", "phone": "01632 960123",
                    "email": "robin.testperson@example.org"},
         "source": "GP", "needs": ["LONELINESS", "MONEY"], "reason": "%s",
         "consentToShare": true, "consentToContact": true, "urgency": "ROUTINE",
         "preferredContactMethod": "PHONE", "preferredContactTimes": "Mornings",
         "referrer": {"name": "Dr Test", "jobTitle": "GP", "organisation": "Hillside Health Centre",
                      "phone": "01632 960999", "email": "dr.test@example.org"}}
        """
        .formatted(nhsNumber, reason);
  }

  /** An HTTP client that signs every request with HTTP Basic, as a GP system would. */
  static final class BasicClient {
    private final String base;
    private final String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    BasicClient(int port, String username, String password) {
      this.base = "http://localhost:" + port;
      this.authorization =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    BasicClient header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    WebSession.Page post(String path, String idempotencyKey, String json) {
      HttpRequest.Builder b =
          request(path)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json));
      if (idempotencyKey != null) {
        b.header("Idempotency-Key", idempotencyKey);
      }
      return send(b.build());
    }

    WebSession.Page get(String path) {
      return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", authorization)
              .header("Accept", "application/json");
      headers.forEach(b::header);
      return b;
    }

    private WebSession.Page send(HttpRequest request) {
      try {
        HttpResponse<String> r =
            http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new WebSession.Page(r.statusCode(), r.headers().map(), r.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
