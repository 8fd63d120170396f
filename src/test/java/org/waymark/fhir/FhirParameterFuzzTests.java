package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.support.Mutations;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * Fuzzing the FHIR server's parameters: random searches of every resource the GP system may read,
 * and of the directory's resources, with every search parameter given values of every wrong kind
 * and size, and reads of made-up ids, are answered with a Bundle or resource, or with an
 * OperationOutcome, never a server error.
 */
@WaymarkIntegrationTest
class FhirParameterFuzzTests {

  static final List<String> RESOURCES =
      List.of(
          "ServiceRequest",
          "Task",
          "Patient",
          "DocumentReference",
          "Consent",
          "HealthcareService",
          "Organization",
          "Location");
  static final List<String> PARAMETERS =
      List.of(
          "_id",
          "_count",
          "_offset",
          "_lastUpdated",
          "_sort",
          "_include",
          "_elements",
          "patient",
          "subject",
          "status",
          "identifier",
          "focus",
          "code",
          "authored",
          "date",
          "name",
          "name:contains",
          "name:exact",
          "birthdate",
          "organization",
          "address-postalcode");
  static final List<String> GOOD =
      List.of(
          "10",
          "active",
          "requested",
          "ge2026-01-01",
          "https://fhir.nhs.uk/Id/nhs-number|9434765919",
          "http://snomed.info/sct|871731000000106",
          "Patient/00000000-0000-0000-0000-000000000000",
          "Organization/00000000-0000-0000-0000-000000000000",
          "LS2 7EY",
          "LS2");
  static final Set<Integer> ANSWERS = Set.of(200, 400, 401, 403, 404, 405, 410, 422);

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired FhirClients clients;

  /** What a PCN's own system reads: the people it holds and their casework. */
  static final List<String> CASEWORK_RESOURCES =
      List.of("Patient", "QuestionnaireResponse", "Observation", "CarePlan", "Goal");

  @Test
  void searchesAndReadsWithBadParametersNeverGiveAServerError() {
    FhirFixture f = new FhirFixture(identity, curation, clients, port);
    List<String> scopes = new java.util.ArrayList<>(f.gpSystem.scopes());
    scopes.addAll(FhirDirectoryResourcesTests.SCOPES);
    fuzz(
        f.client(f.register(clients, f.org.practice, scopes, "GP"), null),
        RESOURCES,
        new Random(31));
  }

  @Test
  void aPcnSystemsSearchesAndReadsWithBadParametersNeverGiveAServerError() {
    FhirFixture f = new FhirFixture(identity, curation, clients, port);
    FhirHttp pcn =
        f.client(
            f.register(clients, f.org.pcn, FhirCaseworkResourcesTests.CASEWORK_SCOPES, null), null);
    fuzz(pcn, CASEWORK_RESOURCES, new Random(37));
  }

  private static void fuzz(FhirHttp client, List<String> resources, Random random) {
    for (int i = 0; i < 400; i++) {
      StringBuilder path =
          new StringBuilder("/fhir/").append(resources.get(random.nextInt(resources.size())));
      if (random.nextInt(5) == 0) {
        path.append('/').append(URLEncoder.encode(Mutations.junk(random), StandardCharsets.UTF_8));
      } else {
        int n = 1 + random.nextInt(4);
        for (int p = 0; p < n; p++) {
          String value =
              random.nextBoolean() ? GOOD.get(random.nextInt(GOOD.size())) : Mutations.junk(random);
          path.append(p == 0 ? '?' : '&')
              .append(PARAMETERS.get(random.nextInt(PARAMETERS.size())))
              .append('=')
              .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
      }
      FhirHttp.Answer answer = client.get(path.toString());
      assertThat(answer.status()).as(path.toString()).isIn(ANSWERS);
      if (answer.status() != 200) {
        // An address with control characters or an encoded slash is refused before FHIR sees it
        // (by the security firewall or the servlet container): a plain 400 page. Everything else
        // that is refused is explained in an OperationOutcome.
        boolean firewall =
            answer.status() == 400
                && (answer.body().contains("There is a problem with your request")
                    || answer.body().contains("HTTP Status 400"));
        assertThat(firewall || answer.body().contains("OperationOutcome"))
            .as(path + ": " + answer.body())
            .isTrue();
        assertThat(answer.body()).as(path.toString()).doesNotContain("Exception", "at org.");
      }
    }
  }
}
