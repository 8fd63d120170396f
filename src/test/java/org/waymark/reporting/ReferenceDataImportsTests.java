package org.waymark.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.reporting.ReferenceDataImports.Import;
import org.waymark.reporting.ReferenceDataImports.Kind;
import org.waymark.reporting.ReferenceDataImports.Status;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * Importing the reference data the figures use: the English Indices of Deprivation (CSV and XLSX,
 * both LSOA vintages) and NHS England's practice populations. The deciles are the same for every
 * test, so each test replaces a vintage with a file of its own and checks what it holds after.
 */
@WaymarkIntegrationTest
class ReferenceDataImportsTests {

  static final String IOD2019_HEADER =
      "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),"
          + "Index of Multiple Deprivation (IMD) Score,"
          + "Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),"
          + "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs),"
          + "Income Decile (where 1 is most deprived 10% of LSOAs)\n";

  @Autowired ReferenceDataImports imports;
  @Autowired ReportingRefresh refresh;
  @Autowired IdentityManagement identity;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @Test
  void anIod2019CsvReplacesTheDecilesOfLsoasOf2011AndSkipsAndCountsBadRows() {
    String csv =
        IOD2019_HEADER
            + "E01000001,City of London 001A,E09000001,6.2,29199,9,10\n"
            + "E01011264,Leeds 111A,E08000035,51.3,\"1,234\",1,2\n"
            + "W01000002,Not really Wales,W06000001,30.0,15000,5,5\n"
            + "S01008888,Glasgow,S12000049,40.0,3000,2,2\n"
            + "E01000003,Decile eleven,E09000001,1.0,30000,11,10\n"
            + "E01000004,No decile,E09000001,1.0,30000,,10\n"
            + "E01000001,City of London 001A again,E09000001,6.2,29199,9,10\n";
    Import done = imports.importImd("File_7_IoD2019.csv", csv(csv));

    assertThat(done.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.kind()).isEqualTo(Kind.IMD);
    assertThat(done.fileName()).isEqualTo("File_7_IoD2019.csv");
    assertThat(done.rowsRead()).isEqualTo(7);
    assertThat(done.rowsStored()).isEqualTo(3);
    assertThat(done.rowsSkipped()).isEqualTo(4);
    assertThat(done.message())
        .contains("LSOAs of 2011")
        .contains("row 5: not an LSOA code")
        .contains("row 6: IMD decile not a whole number from 1 to 10")
        .contains("row 7: IMD decile")
        .contains("row 8: LSOA repeated");
    assertThat(deciles("2011"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("E01000001", 9, "E01011264", 1, "W01000002", 5));
    assertThat(
            jdbc.sql("SELECT imd_rank FROM report_imd WHERE lsoa_code = 'E01011264'")
                .query(Integer.class)
                .single())
        .isEqualTo(1234);

    // A second file replaces the vintage whole: LSOAs it does not name are gone.
    Import again =
        imports.importImd(
            "again.csv", csv(IOD2019_HEADER + "E01000005,Somewhere,E09000001,1.0,100,3,3\n"));
    assertThat(again.rowsStored()).isEqualTo(1);
    assertThat(deciles("2011")).containsExactlyEntriesOf(Map.of("E01000005", 3));
  }

  @Test
  void anIod2025WorkbookIsReadFromItsFirstSheetWithTheColumnsAndReplacesLsoasOf2021()
      throws IOException {
    byte[] xlsx =
        workbook(
            "LSOA code (2021)",
            List.of(
                List.of("E01033010", "Leeds 112B", 12.0, 2.0),
                List.of("E01033011", "Leeds 112C", 30001.0, 10.0),
                List.of("nonsense", "Nowhere", 5.0, 5.0)));
    Import done = imports.importImd("File_1_IoD2025.xlsx", new ByteArrayInputStream(xlsx));

    assertThat(done.status()).as(done.message()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.rowsStored()).isEqualTo(2);
    assertThat(done.rowsSkipped()).isEqualTo(1);
    assertThat(done.message()).contains("LSOAs of 2021").contains("row 5: not an LSOA code");
    assertThat(deciles("2021"))
        .containsExactlyInAnyOrderEntriesOf(Map.of("E01033010", 2, "E01033011", 10));
  }

  @Test
  void anIod2019WorkbookFillsTheLsoasOf2011() throws IOException {
    byte[] xlsx =
        workbook("LSOA code (2011)", List.of(List.of("E01000007", "Camden 001A", 2000.0, 1.0)));
    Import done = imports.importImd("File_1_IoD2019.xlsx", new ByteArrayInputStream(xlsx));
    assertThat(done.status()).as(done.message()).isEqualTo(Status.SUCCEEDED);
    assertThat(deciles("2011")).containsExactlyEntriesOf(Map.of("E01000007", 1));
  }

  @Test
  void aFileThatFailsLeavesTheDecilesHeldBeforeAndSaysWhatWasWrong() {
    imports.importImd(
        "good.csv", csv(IOD2019_HEADER + "E01000009,Somewhere,E09000001,1.0,100,4,3\n"));
    Map<String, Integer> before = deciles("2011");
    assertThat(before).containsExactlyEntriesOf(Map.of("E01000009", 4));

    Import wrongColumns = imports.importImd("wrong.csv", csv("postcode,decile\nLS1 1AA,3\n"));
    assertThat(wrongColumns.status()).isEqualTo(Status.FAILED);
    assertThat(wrongColumns.message()).contains("no LSOA code column and IMD decile column");

    Import noRowGood =
        imports.importImd(
            "all-bad.csv", csv(IOD2019_HEADER + "X,Somewhere,E09000001,1.0,100,4,3\n"));
    assertThat(noRowGood.status()).isEqualTo(Status.FAILED);
    assertThat(noRowGood.message())
        .startsWith("No row has an LSOA code")
        .contains("row 2: not an LSOA code");

    Import otherYear =
        imports.importImd(
            "2001.csv",
            csv(IOD2019_HEADER.replace("(2011)", "(2001)") + "E01000010,x,y,1,1,1,1\n"));
    assertThat(otherYear.status()).isEqualTo(Status.FAILED);
    assertThat(otherYear.message()).contains("LSOAs of 2001");

    Import noYear =
        imports.importImd(
            "no-year.csv", csv(IOD2019_HEADER.replace("(2011)", "") + "E01000010,x,y,1,1,1,1\n"));
    assertThat(noYear.message()).contains("LSOA code (2011) or LSOA code (2021)");

    byte[] xls = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, 1, 2, 3, 4};
    Import oldExcel = imports.importImd("old.xls", new ByteArrayInputStream(xls));
    assertThat(oldExcel.status()).isEqualTo(Status.FAILED);
    assertThat(oldExcel.message()).contains(".xls");

    byte[] brokenZip = {0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9};
    Import broken = imports.importImd("broken.xlsx", new ByteArrayInputStream(brokenZip));
    assertThat(broken.status()).isEqualTo(Status.FAILED);

    Import empty = imports.importImd("empty.csv", csv(""));
    assertThat(empty.status()).isEqualTo(Status.FAILED);
    assertThat(empty.message()).isEqualTo("The file is empty");

    assertThat(deciles("2011")).isEqualTo(before);
    assertThat(imports.recentImports(20))
        .extracting(Import::id)
        .contains(wrongColumns.id(), noRowGood.id(), oldExcel.id(), broken.id());
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedWithoutReadingItAll() {
    long limit = imports.maxBytes();
    InputStream huge =
        new InputStream() {
          long served;

          @Override
          public int read() {
            return served++ <= limit ? 'a' : -1;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (served > limit) {
              return -1;
            }
            int n = (int) Math.min(len, limit + 1 - served);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            served += n;
            return n;
          }
        };
    Import done = imports.importImd("huge.csv", huge);
    assertThat(done.status()).isEqualTo(Status.FAILED);
    assertThat(done.message()).startsWith("The file is larger than");
  }

  @Test
  void anImportIsAuditedAndMarksEveryTenantsFiguresChanged() {
    UUID tenant = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO report_refresh (organisation_id, refreshed_at) VALUES (:o, now() + interval '1 hour')")
        .param("o", tenant)
        .update();
    assertThat(refresh.pending(List.of(tenant))).isFalse();

    Import done =
        imports.importImd(
            "audited.csv", csv(IOD2019_HEADER + "E01000011,Somewhere,E09000001,1.0,100,6,3\n"));

    assertThat(refresh.pending(List.of(tenant))).isTrue();
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        null, null, ReferenceDataImports.AUDIT_ACTION, null, null, 0, 100))
                .events())
        .anySatisfy(e -> assertThat(e.recordId()).isEqualTo(done.id().toString()));
    jdbc.sql("DELETE FROM report_refresh WHERE organisation_id = :o").param("o", tenant).update();
  }

  @Test
  void practicePopulationsAreKeptUnderTheirPcnForTheMonthOfTheExtract() {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
    Organisation pcn =
        identity.createOrganisation(OrganisationType.PCN, "Pop PCN " + suffix, null, null, null);
    Organisation first =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE, "Pop A " + suffix, "Y" + suffix, pcn.id(), null);
    Organisation second =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE, "Pop B " + suffix, "X" + suffix, pcn.id(), null);
    identity.createOrganisation(
        OrganisationType.GP_PRACTICE, "Pop lone " + suffix, "W" + suffix, null, null);
    String csv =
        """
        PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS
        Patients Registered at a GP Practice,01NOV2026,GP,Y%1$s,LS6 1AA,ALL,ALL,12345
        Patients Registered at a GP Practice,2026-11-01,GP,x%1$s,LS6 1AB,ALL,ALL,"8,001"
        Patients Registered at a GP Practice,01NOV2026,GP,W%1$s,LS6 1AC,ALL,ALL,4000
        Patients Registered at a GP Practice,01NOV2026,GP,Q99999,LS6 1AD,ALL,ALL,5000
        Patients Registered at a GP Practice,01NOV2026,GP,Q99998,LS6 1AE,ALL,ALL,6000
        Patients Registered at a GP Practice,01NOV2026,GP,Y%1$s,LS6 1AA,MALE,ALL,6000
        Patients Registered at a GP Practice,31NOV2026,GP,Y%1$s,LS6 1AA,ALL,ALL,1
        Patients Registered at a GP Practice,01NOV2026,GP,X%1$s,LS6 1AB,ALL,ALL,many
        """
            .formatted(suffix);
    Import done = imports.importPracticePopulation("gp-reg-pat-prac-all.csv", csv(csv));

    assertThat(done.status()).as(done.message()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.kind()).isEqualTo(Kind.PRACTICE_POPULATION);
    assertThat(done.rowsRead()).isEqualTo(8);
    assertThat(done.rowsStored()).isEqualTo(2);
    assertThat(done.rowsSkipped()).isEqualTo(6);
    assertThat(done.message())
        .contains("November 2026")
        .contains("3 for practices not in Waymark or in no PCN")
        .contains("1 not a whole practice")
        .contains("row 8: EXTRACT_DATE not a date")
        .contains("row 9: NUMBER_OF_PATIENTS not a whole number")
        .doesNotContain("Q99999");
    assertThat(population(pcn.id(), first.id(), LocalDate.of(2026, 11, 1))).isEqualTo(12345);
    assertThat(population(pcn.id(), second.id(), LocalDate.of(2026, 11, 1))).isEqualTo(8001);
    assertThat(refresh.pending(List.of(pcn.id()))).isTrue();

    // The same month again replaces its figure; a new month is added beside it.
    Organisation otherPcn =
        identity.createOrganisation(OrganisationType.PCN, "Pop PCN 2 " + suffix, null, null, null);
    identity.updateOrganisation(first.id(), first.name(), first.odsCode(), otherPcn.id(), null);
    Import later =
        imports.importPracticePopulation(
            "gp-reg-pat-prac-all.csv",
            csv(
                """
                PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS
                Patients Registered at a GP Practice,01NOV2026,GP,Y%1$s,LS6 1AA,ALL,ALL,12400
                Patients Registered at a GP Practice,01DEC2026,GP,Y%1$s,LS6 1AA,ALL,ALL,12500
                """
                    .formatted(suffix)));
    assertThat(later.rowsStored()).isEqualTo(2);
    assertThat(population(otherPcn.id(), first.id(), LocalDate.of(2026, 11, 1))).isEqualTo(12400);
    assertThat(population(otherPcn.id(), first.id(), LocalDate.of(2026, 12, 1))).isEqualTo(12500);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM report_practice_population WHERE practice_id = :p"
                        + " AND month = '2026-11-01'")
                .param("p", first.id())
                .query(Long.class)
                .single())
        .as("a practice that moved PCN keeps one figure a month")
        .isEqualTo(1);
    assertThat(imports.overview().latestPopulationMonth())
        .isAfterOrEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void aFileThatIsNotThePracticePopulationFails() {
    Import wrong =
        imports.importPracticePopulation(
            "referrals.csv", csv("NHS number,Name\n9990000018,Someone\n"));
    assertThat(wrong.status()).isEqualTo(Status.FAILED);
    assertThat(wrong.message()).contains("gp-reg-pat-prac-all.csv");

    Import byAge =
        imports.importPracticePopulation(
            "gp-reg-pat-prac-sing-age-male.csv",
            csv(
                """
                PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS
                Patients Registered at a GP Practice,01NOV2026,GP,B86001,LS6 1AA,MALE,0,12
                """));
    assertThat(byAge.status()).isEqualTo(Status.FAILED);
    assertThat(byAge.message()).contains("no row for a whole practice");
  }

  private Map<String, Integer> deciles(String vintage) {
    Map<String, Integer> found = new java.util.TreeMap<>();
    jdbc.sql("SELECT lsoa_code, imd_decile FROM report_imd WHERE lsoa_vintage = :v")
        .param("v", vintage)
        .query((rs, n) -> found.put(rs.getString(1), rs.getInt(2)))
        .list();
    return found;
  }

  private Integer population(UUID pcn, UUID practice, LocalDate month) {
    return jdbc.sql(
            "SELECT registered FROM report_practice_population WHERE organisation_id = :o"
                + " AND practice_id = :p AND month = :m")
        .param("o", pcn)
        .param("p", practice)
        .param("m", month)
        .query(Integer.class)
        .optional()
        .orElse(null);
  }

  static InputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A workbook like the IoD's File 1: a notes sheet first, then the data with numbers as numeric
   * cells (columns: LSOA code, LSOA name, IMD rank, IMD decile).
   */
  static byte[] workbook(String lsoaHeader, List<List<Object>> rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet notes = wb.createSheet("Notes");
      notes.createRow(0).createCell(0).setCellValue("English Indices of Deprivation");
      notes.createRow(2).createCell(0).setCellValue("LSOA code (2011) is explained here");
      Sheet data = wb.createSheet("IMD");
      Row header = data.createRow(0);
      header.createCell(0).setCellValue(lsoaHeader);
      header.createCell(1).setCellValue("LSOA name");
      header.createCell(2).setCellValue("Index of Multiple Deprivation (IMD) Rank");
      header.createCell(3).setCellValue("Index of Multiple Deprivation (IMD) Decile");
      int r = 1;
      for (List<Object> values : rows) {
        Row row = data.createRow(++r);
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v instanceof Double d) {
            row.createCell(c).setCellValue(d);
          } else {
            row.createCell(c).setCellValue(String.valueOf(v));
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }
}
