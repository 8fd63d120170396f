package org.waymark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.reporting.Commissioning;
import org.waymark.reporting.ReferenceDataImports;
import org.waymark.reporting.ReferenceDataImports.Import;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * The demo's reporting set-up. Other tests replace the deprivation deciles with files of their own,
 * so this checks the demo's import as recorded, and the postcodes' LSOAs, which they leave alone.
 */
@WaymarkIntegrationTest
class DemoReportingTests {

  @Autowired IdentityManagement identity;
  @Autowired Commissioning commissioning;
  @Autowired ReferenceDataImports imports;
  @Autowired JdbcClient jdbc;

  @Test
  void westRidingIcbSeesEveryDemoPcn() {
    UUID icb = organisation(OrganisationType.ICB, DemoReporting.ICB).id();
    assertThat(commissioning.pcnsOf(icb))
        .contains(
            organisation(OrganisationType.PCN, "Aire Valley PCN").id(),
            organisation(OrganisationType.PCN, "Moorland PCN").id());
  }

  @Test
  void theDemoPeoplesPostcodesHaveAnLsoaWithADecileFromTheDemoFile() {
    List<String> peoplesPostcodes =
        List.of(
            "LS6 3BN",
            "LS7 2AH",
            "LS9 6QE",
            "LS11 8PL",
            "LS8 4JD",
            "LS12 5HA",
            "LS4 2QT",
            "BD3 8QW",
            "BD9 5AA",
            "BD7 1DP",
            "BD2 4LT",
            "BD5 0JA");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM postcode_area_v WHERE postcode IN (:p)"
                        + " AND lsoa11 IS NOT NULL AND lsoa21 IS NOT NULL")
                .param("p", peoplesPostcodes)
                .query(Long.class)
                .single())
        .isEqualTo(peoplesPostcodes.size());
    Import demo =
        imports.recentImports(1000).stream()
            .filter(i -> "imd-iod2019-demo.csv".equals(i.fileName()))
            .findFirst()
            .orElseThrow();
    assertThat(demo.succeeded()).isTrue();
    assertThat(demo.rowsStored()).isEqualTo(22);
    assertThat(demo.rowsSkipped()).isZero();
    assertThat(demo.importedBy()).isNull();
  }

  @Test
  void theDemoPracticesHavePopulationsForTheLastThreeMonths() {
    LocalDate thisMonth = LocalDate.now(java.time.ZoneId.of("Europe/London")).withDayOfMonth(1);
    for (String practice :
        List.of(
            "Kirkgate Surgery",
            "Riverside Medical Practice",
            "Hillside Health Centre",
            "Canal Road Surgery")) {
      Organisation o = organisation(OrganisationType.GP_PRACTICE, practice);
      assertThat(
              jdbc.sql(
                      "SELECT month FROM report_practice_population WHERE organisation_id = :pcn"
                          + " AND practice_id = :p AND month >= :from AND month < :to")
                  .param("pcn", o.parentId())
                  .param("p", o.id())
                  .param("from", thisMonth.minusMonths(3))
                  .param("to", thisMonth)
                  .query(LocalDate.class)
                  .list())
          .as(practice)
          .hasSize(3);
    }
  }

  @Test
  void theWrittenPublicationHasThreeMonthsOfEveryDemoPractice() throws Exception {
    String csv = DemoReporting.populations(LocalDate.of(2027, 2, 14));
    assertThat(csv.lines().count()).isEqualTo(1 + 3 * 4);
    assertThat(csv)
        .contains("Patients Registered at a GP Practice,01NOV2026,GP,B86001,LS1 6BP,ALL,ALL,11791")
        .contains(",01JAN2027,GP,B83002,BD2 1AB,ALL,ALL,6566");
  }

  private Organisation organisation(OrganisationType type, String name) {
    return identity.organisations(type).stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
