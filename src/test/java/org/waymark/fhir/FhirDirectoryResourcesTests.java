package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.directory.DirectoryCuration;
import org.waymark.directory.DirectoryImports;
import org.waymark.identity.IdentityManagement;
import org.waymark.support.FhirValidation;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * The directory's organisations and places as Organization and Location resources: a listing
 * imported from an ORUK feed is read as a HealthcareService whose {@code providedBy} and {@code
 * location} references a client follows; each is searched by name, identifier or postcode and
 * paged; unknown ids are 404, bad parameters 400, and a client without the scope is refused. Every
 * resource read back is valid FHIR R4.
 */
@WaymarkIntegrationTest
class FhirDirectoryResourcesTests {

  static final List<String> SCOPES =
      List.of("system/Organization.read", "system/Location.read", "system/HealthcareService.read");

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired DirectoryImports imports;
  @Autowired FhirClients clients;
  @Autowired JdbcClient jdbc;

  FhirFixture f;
  FhirHttp reader;

  /** A word in every name of this test's listing, and nowhere else. */
  String token;

  String postcode;
  String charityNumber;
  UUID serviceId;

  @BeforeEach
  void importListing() {
    f = new FhirFixture(identity, curation, clients, port);
    reader = f.client(f.register(clients, f.org.practice, SCOPES, "GP"), null);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder t = new StringBuilder("Qz");
    for (int i = 0; i < 8; i++) {
      t.append((char) ('a' + r.nextInt(26)));
    }
    token = t.toString();
    postcode =
        "ZZ"
            + r.nextInt(1, 10)
            + " "
            + r.nextInt(10)
            + (char) ('A' + r.nextInt(26))
            + (char) ('A' + r.nextInt(26));
    charityNumber = Integer.toString(r.nextInt(1_000_000, 9_999_999));
    String source = "fhir-test-" + token;
    String json =
        """
        {"id": "svc-1", "name": "%1$s Lunch Club", "description": "Hot lunches on Thursdays.",
         "status": "active",
         "organization": {"id": "org-1", "name": "%1$s Community Trust",
           "description": "<p>A small charity for <b>older</b> people & their carers.</p>",
           "email": "hello@example.org", "website": "https://example.org/trust",
           "organization_identifiers": [{"identifier_scheme": "GB-CHC",
             "identifier_type": "Charity number", "identifier": "%2$s"}]},
         "service_at_locations": [
           {"id": "sal-1", "location": {"id": "loc-1", "name": "%1$s Hall A",
             "description": "The church hall behind the library.",
             "latitude": 53.8008, "longitude": -1.5491,
             "addresses": [{"address_1": "1 Chapel Street", "city": "Leeds",
               "postal_code": "%3$s", "country": "GB"}],
             "accessibility": [{"description": "Step-free entrance"},
               {"description": "Hearing loop"}]}},
           {"id": "sal-2", "location": {"id": "loc-2", "name": "%1$s Hall B",
             "addresses": [{"address_1": "2 Chapel Street", "city": "Leeds",
               "postal_code": "%3$s"}]}},
           {"id": "sal-3", "location": {"id": "loc-3", "name": "%1$s Hall C",
             "addresses": [{"address_1": "3 Chapel Street", "city": "Leeds",
               "postal_code": "%3$s"}]}}]}
        """
            .formatted(token, charityNumber, postcode.toLowerCase().replace(" ", ""));
    DirectoryImports.Summary summary =
        imports.importStream(
            AuditLog.DEPLOYMENT,
            DirectoryImports.Format.ORUK_3_JSON,
            source,
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            null);
    assertThat(summary.status()).isEqualTo(DirectoryImports.Status.SUCCEEDED);
    serviceId =
        jdbc.sql("SELECT id FROM directory_service WHERE organisation_id = ? AND source = ?")
            .params(AuditLog.DEPLOYMENT, source)
            .query(UUID.class)
            .single();
  }

  @Test
  void aServicesOrganisationAndPlacesAreFollowedFromItsReferences() {
    HealthcareService service =
        reader.get("/fhir/HealthcareService/" + serviceId).valid(HealthcareService.class);
    assertThat(service.getContained()).isEmpty();
    Reference providedBy = service.getProvidedBy();
    assertThat(providedBy.getReference()).startsWith("Organization/");
    assertThat(providedBy.getDisplay()).isEqualTo(token + " Community Trust");
    assertThat(service.getLocation())
        .extracting(Reference::getDisplay)
        .containsExactly(token + " Hall A", token + " Hall B", token + " Hall C");

    Organization org = reader.get("/fhir/" + providedBy.getReference()).valid(Organization.class);
    assertThat(org.getName()).isEqualTo(token + " Community Trust");
    assertThat(org.getIdElement().getIdPart())
        .isEqualTo(providedBy.getReferenceElement().getIdPart());
    assertThat(org.getMeta().getLastUpdated()).isNotNull();
    assertThat(org.getIdentifierFirstRep().getSystem())
        .isEqualTo("https://org-id.guide/list/GB-CHC");
    assertThat(org.getIdentifierFirstRep().getValue()).isEqualTo(charityNumber);
    assertThat(org.getIdentifierFirstRep().getType().getText()).isEqualTo("Charity number");
    assertThat(org.getTelecom())
        .extracting(ContactPoint::getSystem, ContactPoint::getValue)
        .containsExactly(
            tuple(ContactPoint.ContactPointSystem.URL, "https://example.org/trust"),
            tuple(ContactPoint.ContactPointSystem.EMAIL, "hello@example.org"));
    assertThat(org.getText().getDivAsString())
        .contains("A small charity for older people &amp; their carers.");

    Location hall =
        reader.get("/fhir/" + service.getLocationFirstRep().getReference()).valid(Location.class);
    assertThat(hall.getName()).isEqualTo(token + " Hall A");
    assertThat(hall.getMeta().getLastUpdated()).isNotNull();
    assertThat(hall.getStatus()).isEqualTo(Location.LocationStatus.ACTIVE);
    assertThat(hall.getAddress().getLine())
        .extracting(l -> l.getValue())
        .containsExactly("1 Chapel Street", "Leeds");
    assertThat(hall.getAddress().getPostalCode()).isEqualTo(postcode);
    assertThat(hall.getAddress().getType()).isEqualTo(Address.AddressType.PHYSICAL);
    assertThat(hall.getPosition().getLatitude().doubleValue()).isEqualTo(53.8008);
    assertThat(hall.getPosition().getLongitude().doubleValue()).isEqualTo(-1.5491);
    assertThat(hall.getDescription())
        .isEqualTo(
            "The church hall behind the library.\n\nAccess: Step-free entrance; Hearing loop");

    Bundle services =
        reader
            .get("/fhir/HealthcareService?organization=" + providedBy.getReference())
            .valid(Bundle.class);
    assertThat(ids(services)).containsExactly(serviceId.toString());
  }

  @Test
  void organisationsAreSearchedByNameAndIdentifier() {
    String org = organisationId();
    assertThat(ids(search("/fhir/Organization?name=" + token.toLowerCase()))).containsExactly(org);
    assertThat(ids(search("/fhir/Organization?name:contains=community%20trust"))).contains(org);
    assertThat(ids(search("/fhir/Organization?name:exact=" + enc(token + " Community Trust"))))
        .containsExactly(org);
    assertThat(ids(search("/fhir/Organization?name:exact=" + token))).isEmpty();
    assertThat(ids(search("/fhir/Organization?name=Community%20Trust%20" + token))).isEmpty();
    // LIKE's wildcards are taken as written.
    assertThat(ids(search("/fhir/Organization?name:contains=%25"))).doesNotContain(org);
    assertThat(ids(search("/fhir/Organization?name=" + token.substring(0, 3) + "_"))).isEmpty();
    assertThat(
            ids(
                search(
                    "/fhir/Organization?identifier="
                        + enc("https://org-id.guide/list/GB-CHC|" + charityNumber))))
        .containsExactly(org);
    assertThat(ids(search("/fhir/Organization?identifier=" + charityNumber))).contains(org);
    assertThat(
            ids(
                search(
                    "/fhir/Organization?identifier="
                        + enc("https://org-id.guide/list/GB-COH|" + charityNumber))))
        .isEmpty();
    assertThat(
            ids(
                search(
                    "/fhir/Organization?identifier="
                        + enc("https://example.org/ids|" + charityNumber))))
        .isEmpty();
    assertThat(
            ids(
                search(
                    "/fhir/Organization?name="
                        + token
                        + "&identifier="
                        + enc("https://org-id.guide/list/GB-CHC|" + charityNumber))))
        .containsExactly(org);
  }

  @Test
  void placesAreSearchedByNameAndPostcode() {
    assertThat(names(search("/fhir/Location?name=" + token)))
        .containsExactly(token + " Hall A", token + " Hall B", token + " Hall C");
    assertThat(names(search("/fhir/Location?name:contains=" + enc("hall b"))))
        .contains(token + " Hall B")
        .doesNotContain(token + " Hall A");
    assertThat(names(search("/fhir/Location?name:exact=" + enc(token + " hall c"))))
        .containsExactly(token + " Hall C");
    for (String pc :
        List.of(
            postcode,
            postcode.toLowerCase().replace(" ", ""),
            postcode.substring(0, postcode.indexOf(' ')))) {
      assertThat(names(search("/fhir/Location?address-postalcode=" + enc(pc))))
          .as(pc)
          .contains(token + " Hall A", token + " Hall B", token + " Hall C");
    }
    assertThat(
            names(search("/fhir/Location?name=" + token + "&address-postalcode=" + enc("ZZ0 0AA"))))
        .isEmpty();
    assertThat(names(search("/fhir/Location?address-postalcode=" + enc("<script>")))).isEmpty();
  }

  @Test
  void searchesArePagedWithCountAndOffset() {
    Bundle first = search("/fhir/Location?name=" + token + "&_count=2");
    assertThat(first.getTotal()).isEqualTo(3);
    assertThat(names(first)).containsExactly(token + " Hall A", token + " Hall B");
    assertThat(first.getLink("previous")).isNull();
    String next = first.getLink("next").getUrl();
    assertThat(next).contains("_offset=2").contains("_count=2");

    Bundle second = search(next.substring(next.indexOf("/fhir/")));
    assertThat(second.getTotal()).isEqualTo(3);
    assertThat(names(second)).containsExactly(token + " Hall C");
    assertThat(second.getLink("next")).isNull();
    assertThat(second.getLink("previous").getUrl()).contains("_offset=0");

    Bundle countOnly = search("/fhir/Location?name=" + token + "&_count=0");
    assertThat(countOnly.getTotal()).isEqualTo(3);
    assertThat(countOnly.getEntry()).isEmpty();
    assertThat(countOnly.getLink("next")).isNull();

    Bundle many = search("/fhir/Location?name=" + token + "&_count=1000");
    assertThat(names(many)).hasSize(3);
    assertThat(many.getLink("next")).isNull();

    Bundle past = search("/fhir/Organization?name=" + token + "&_offset=50");
    assertThat(past.getTotal()).isEqualTo(1);
    assertThat(past.getEntry()).isEmpty();
  }

  @Test
  void unknownIdsAreNotFoundAndBadParametersAreRefused() {
    for (String path :
        List.of(
            "/fhir/Organization/" + UUID.randomUUID(),
            "/fhir/Organization/not-a-uuid",
            "/fhir/Location/" + UUID.randomUUID(),
            "/fhir/Location/12345",
            "/fhir/HealthcareService/" + UUID.randomUUID())) {
      FhirHttp.Answer answer = reader.get(path);
      assertThat(answer.status()).as(path).isEqualTo(404);
      FhirValidation.assertValid(answer.valid(OperationOutcome.class));
    }
    for (String path :
        List.of(
            "/fhir/Organization?_count=-1",
            "/fhir/Organization?_count=many",
            "/fhir/Location?_offset=-5",
            "/fhir/Location?_offset=later",
            "/fhir/Organization?name:missing=true",
            "/fhir/Location?address-postalcode:missing=false",
            "/fhir/Organization?name=a&name=b")) {
      FhirHttp.Answer answer = reader.get(path);
      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.resource()).as(path).isInstanceOf(OperationOutcome.class);
      assertThat(answer.body()).as(path).doesNotContain("Exception", "at org.");
    }
    assertThat(ids(search("/fhir/HealthcareService?organization=Organization/nonsense"))).isEmpty();
    assertThat(ids(search("/fhir/HealthcareService?organization=" + UUID.randomUUID()))).isEmpty();
  }

  @Test
  void aClientWithoutTheScopeIsRefused() {
    String org = organisationId();
    FhirHttp servicesOnly =
        f.client(
            f.register(clients, f.org.practice, List.of("system/HealthcareService.read"), "GP"),
            null);
    for (String path :
        List.of(
            "/fhir/Organization/" + org,
            "/fhir/Organization?name=" + token,
            "/fhir/Location?name=" + token,
            "/fhir/Location?address-postalcode=" + enc(postcode))) {
      FhirHttp.Answer answer = servicesOnly.get(path);
      assertThat(answer.status()).as(path).isEqualTo(403);
      FhirValidation.assertValid(answer.valid(OperationOutcome.class));
    }
    assertThat(servicesOnly.get("/fhir/HealthcareService/" + serviceId).status()).isEqualTo(200);
  }

  private String organisationId() {
    return reader
        .get("/fhir/HealthcareService/" + serviceId)
        .valid(HealthcareService.class)
        .getProvidedBy()
        .getReferenceElement()
        .getIdPart();
  }

  /** A search's Bundle, with it and every resource in it valid. */
  private Bundle search(String path) {
    FhirHttp.Answer answer = reader.get(path);
    assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
    Bundle bundle = answer.valid(Bundle.class);
    bundle.getEntry().forEach(e -> FhirValidation.assertValid(e.getResource()));
    return bundle;
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }

  private static List<String> names(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> ((Location) e.getResource()).getName()).toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
