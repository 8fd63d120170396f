package org.waymark.directory.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.directory.internal.imports.ImportFixtures.DEPLOYMENT;
import static org.waymark.directory.internal.imports.ImportFixtures.ORUK;
import static org.waymark.directory.internal.imports.ImportFixtures.count;
import static org.waymark.directory.internal.imports.ImportFixtures.id;
import static org.waymark.directory.internal.imports.ImportFixtures.stream;
import static org.waymark.directory.internal.imports.ImportFixtures.uniqueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.DirectoryImports;
import org.waymark.directory.DirectoryImports.Format;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.DirectoryImports.Status;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.support.WaymarkIntegrationTest;
import tools.jackson.databind.JsonNode;

@WaymarkIntegrationTest
class DirectoryCsvAndPostcodeImportTests {

  private static final String COUNSELLING = "ac148810-d857-441c-9679-408f346de14b";

  @Autowired DirectoryImports imports;
  @Autowired JdbcClient jdbc;

  @TempDir Path temp;

  @Test
  void orukCsvPackageOfTheExamplesIsImportedWholeAndAgainWithoutChange() throws IOException {
    Path zip = zip(ORUK.resolve("examples/csv"), temp.resolve("package.zip"));
    String source = uniqueSource("csv");
    Summary first = imports.importFile(Format.ORUK_3_CSV, source, zip, "test");
    assertThat(first.kind()).isEqualTo(DirectoryImports.Kind.ORUK_CSV);
    assertThat(first.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(first.created()).isEqualTo(1);
    assertThat(first.message()).contains("1 taxonomy terms");
    // The example's coordinates (100, 101) are impossible: left out, and the report says so.
    assertThat(imports.lines(first.id(), Outcome.CREATED).get(0).reason())
        .contains("coordinates out of range");

    UUID serviceId = id(source, "service", COUNSELLING);
    Map<String, Object> service =
        jdbc.sql(
                "SELECT name, minimum_age, maximum_age, free_of_charge, details::text AS details,"
                    + " directory_organization_id FROM directory_service WHERE id = :id")
            .param("id", serviceId)
            .query()
            .singleRow();
    assertThat(service.get("name")).isEqualTo("Community Counselling");
    assertThat(service.get("minimum_age")).isEqualTo(12);
    assertThat(service.get("maximum_age")).isEqualTo(100);
    assertThat(service.get("free_of_charge")).isEqualTo(false);
    assertThat(service.get("directory_organization_id"))
        .isEqualTo(id(source, "organization", "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"));
    JsonNode details = Json.MAPPER.readTree((String) service.get("details"));
    assertThat(details.at("/contacts/0/name").asString()).isEqualTo("Ann Persona");
    assertThat(details.at("/contacts/0/phones/0/number").asString()).isEqualTo("+44 1234 234567");
    assertThat(details.at("/cost_options/0/amount").asInt()).isEqualTo(35);
    assertThat(details.at("/funding/0/source").asString()).startsWith("This service is funded");
    assertThat(details.at("/service_areas/0/extent_type").asString()).isEqualTo("geojson");
    assertThat(details.at("/required_documents/0/document").asString())
        .startsWith("Any official identification");
    assertThat(details.at("/languages/0/id").asString())
        .isEqualTo("2989d3ed-c547-48f8-8f9d-432d81c7892e");

    Map<String, Object> location =
        jdbc.sql(
                "SELECT name, latitude, postcode, external_identifier, addresses::text AS a,"
                    + " accessibility::text AS acc FROM directory_location WHERE source = :s")
            .param("s", source)
            .query()
            .singleRow();
    assertThat(location.get("name")).isEqualTo("MyCity Civic Center");
    assertThat(location.get("latitude")).isNull();
    assertThat(location.get("external_identifier")).isEqualTo("10092008082");
    assertThat((String) location.get("a")).contains("MyVillage");
    assertThat((String) location.get("acc")).contains("induction loops");
    assertThat(
            jdbc.sql(
                    "SELECT byday || ' ' || opens_at || '-' || closes_at FROM directory_schedule"
                        + " WHERE service_id = :id AND service_at_location_id IS NOT NULL")
                .param("id", serviceId)
                .query(String.class)
                .single())
        .isEqualTo("TH,FR 10:00:00-18:00:00");
    assertThat(
            jdbc.sql("SELECT count(*) FROM directory_service_at_location WHERE service_id = :id")
                .param("id", serviceId)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // The same package as a folder, under the same source: nothing changes.
    Summary again =
        imports.importFile(Format.ORUK_3_CSV, source, ORUK.resolve("examples/csv"), "test");
    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.created() + again.updated() + again.failed()).isZero();
    assertThat(count(jdbc, "directory_service", source)).isEqualTo(1);
    assertThat(count(jdbc, "directory_location", source)).isEqualTo(1);
  }

  @Test
  void aFileThatIsNotAZipFailsTheImportWithAReason() throws IOException {
    Path notZip = Files.writeString(temp.resolve("x.zip"), "id,name\n1,Nothing\n");
    Summary s = imports.importFile(Format.ORUK_3_CSV, uniqueSource("bad-zip"), notZip, "test");
    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.message()).startsWith("The package could not be read");
  }

  @Test
  void serviceFullExampleIsImportedFromJson() {
    String source = uniqueSource("service-full");
    Summary s =
        imports.importFile(
            Format.ORUK_3_JSON, source, ORUK.resolve("examples/service_full.json"), "test");
    assertThat(s.created()).isEqualTo(1);
    assertThat(count(jdbc, "directory_taxonomy_term", source)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT taxonomy_text FROM directory_service WHERE id = :id")
                .param("id", id(source, "service", COUNSELLING))
                .query(String.class)
                .single())
        .isEqualTo("name");
  }

  @Test
  void postcodesAreImportedAndLocationsWithoutCoordinatesAreGeocoded() {
    String source = uniqueSource("geo");
    // A postcode of the right shape that no earlier run can have imported.
    int n = ThreadLocalRandom.current().nextInt(10, 99);
    String postcode = "ZZ" + n + " " + (n % 10) + "ZZ";
    // A location with a postcode the directory does not know yet, and no coordinates.
    String service =
        """
        {"id": "g1", "name": "Hall lunch club", "description": "Lunches",
         "service_at_locations": [{"id": "sal-g1", "location": {"id": "loc-g1", "name": "Hall",
           "addresses": [{"address_1": "1 Test Street", "city": "Leeds", "postal_code": "%s"}]}}]}
        """
            .formatted(postcode.toLowerCase());
    imports.importStream(DEPLOYMENT, Format.ORUK_3_JSON, source, stream(service), null);
    UUID location = id(source, "location", "loc-g1");
    assertThat(coordinates(location)).isEqualTo("null,null,false," + postcode);

    String csv =
        """
        pcd,pcds,doterm,lat,long,oa21
        X,%s,,53.801234,-1.548765,E00000001
        X,LS99 9ZY,202001,99.999999,0.000000,E00000002
        X,NOT A POSTCODE,,53.8,-1.5,E00000003
        """
            .formatted(postcode);
    Summary postcodes = imports.importPostcodes("onspd-test", stream(csv), "test");
    assertThat(postcodes.kind()).isEqualTo(DirectoryImports.Kind.POSTCODES);
    assertThat(postcodes.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(postcodes.created() + postcodes.updated() + postcodes.unchanged()).isEqualTo(1);
    assertThat(postcodes.skipped()).isEqualTo(2);
    assertThat(imports.lines(postcodes.id(), Outcome.SKIPPED))
        .extracting(DirectoryImports.Line::reason)
        .containsExactly(
            "No coordinates (the directory gives none for this postcode)", "Not a UK postcode");
    assertThat(postcodes.message()).contains("locations geocoded");
    assertThat(coordinates(location)).isEqualTo("53.801234,-1.548765,true," + postcode);

    // Importing the service again keeps the geocoded coordinates: nothing changed.
    Summary again =
        imports.importStream(DEPLOYMENT, Format.ORUK_3_JSON, source, stream(service), null);
    assertThat(again.unchanged()).isEqualTo(1);
    Summary samePostcodes = imports.importPostcodes("onspd-test", stream(csv), "test");
    assertThat(samePostcodes.unchanged()).isEqualTo(1);
  }

  @Test
  void theLowerLayerSuperOutputAreasOfTheOnspdAreKeptWhenTheFileHasThem() {
    int n = ThreadLocalRandom.current().nextInt(10, 99);
    String english = "ZY" + n + " 1ZZ";
    String scottish = "ZY" + n + " 2ZZ";
    String odd = "ZY" + n + " 3ZZ";
    String csv =
        """
        pcds,lat,long,lsoa11,lsoa21
        %s,53.8,-1.5,E01011264,E01033010
        %s,55.9,-3.2,S01008888,S01013482
        %s,53.8,-1.6,e01011265,
        """
            .formatted(english, scottish, odd);
    Summary s = imports.importPostcodes("onspd-lsoa", stream(csv), "test");
    assertThat(s.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(lsoas(english)).isEqualTo("E01011264,E01033010");
    assertThat(lsoas(scottish)).as("Scottish data zones are not LSOAs").isEqualTo("null,null");
    assertThat(lsoas(odd)).isEqualTo("E01011265,null");

    // The ONSPD's own column names with the cd suffix, and an LSOA that changed.
    String renamed =
        """
        pcds,lat,long,lsoa11cd,lsoa21cd
        %s,53.8,-1.5,E01011264,E01033011
        """
            .formatted(english);
    Summary changed = imports.importPostcodes("onspd-lsoa", stream(renamed), "test");
    assertThat(changed.updated()).isEqualTo(1);
    assertThat(lsoas(english)).isEqualTo("E01011264,E01033011");

    // A file without LSOA columns leaves them as they are.
    Summary without =
        imports.importPostcodes(
            "onspd-lsoa", stream("pcds,lat,long\n" + english + ",53.8,-1.5\n"), "test");
    assertThat(without.unchanged()).isEqualTo(1);
    assertThat(lsoas(english)).isEqualTo("E01011264,E01033011");
    assertThat(
            jdbc.sql("SELECT lsoa21 FROM postcode_area_v WHERE postcode = :p")
                .param("p", english)
                .query(String.class)
                .single())
        .isEqualTo("E01033011");
  }

  private String lsoas(String postcode) {
    return jdbc.sql(
            "SELECT coalesce(lsoa11, 'null') || ',' || coalesce(lsoa21, 'null')"
                + " FROM postcode_location WHERE postcode = :p")
        .param("p", postcode)
        .query(String.class)
        .single();
  }

  @Test
  void aFileWithoutThePostcodeColumnsFails() {
    Summary s = imports.importPostcodes("wrong", stream("a,b\n1,2\n"), "test");
    assertThat(s.status()).isEqualTo(Status.FAILED);
    assertThat(s.message()).contains("pcds, lat and long");
  }

  @Test
  void theDemoDirectoryHasLocalServicesWithGeocodedAndOwnCoordinates() {
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM directory_location WHERE source = 'waymark-demo' AND"
                        + " geocoded_from_postcode")
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM directory_service WHERE source = 'waymark-demo' AND"
                        + " accepting_referrals = 'PAUSED' AND referral_method = 'WAYMARK'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM directory_taxonomy_term WHERE source = 'waymark-demo'"
                        + " AND parent_id IS NOT NULL")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(15);
    assertThat(
            jdbc.sql(
                    "SELECT count(DISTINCT freq) FROM directory_schedule s JOIN directory_service d"
                        + " ON d.organisation_id = s.organisation_id AND d.id = s.service_id"
                        + " WHERE d.source = 'waymark-demo'")
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM directory_service WHERE source = 'waymark-demo'"
                        + " AND organisation_id <> '00000000-0000-0000-0000-000000000000'")
                .query(Long.class)
                .single())
        .as("Good Neighbours Befriending keeps its own listings")
        .isEqualTo(2);
  }

  private String coordinates(UUID location) {
    return jdbc.sql(
            "SELECT coalesce(latitude::text, 'null') || ',' || coalesce(longitude::text, 'null')"
                + " || ',' || geocoded_from_postcode || ',' || postcode FROM directory_location"
                + " WHERE id = :id")
        .param("id", location)
        .query(String.class)
        .single();
  }

  private static Path zip(Path folder, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target);
        ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        zip.putNextEntry(new ZipEntry("package/" + f.getFileName()));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
    }
    return target;
  }
}
