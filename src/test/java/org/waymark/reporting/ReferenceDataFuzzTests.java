package org.waymark.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.reporting.ReferenceDataImportsTests.IOD2019_HEADER;
import static org.waymark.reporting.ReferenceDataImportsTests.csv;
import static org.waymark.reporting.ReferenceDataImportsTests.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.reporting.ReferenceDataImports.Import;
import org.waymark.reporting.ReferenceDataImports.Status;
import org.waymark.support.JsonMutations;
import org.waymark.support.Mutations;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Fuzzing the reference data imports with mutants of good files (IoD CSV and XLSX, the practice
 * populations CSV): each import either stores the whole file, every row it read accounted for as
 * stored or skipped, or fails with a reason and leaves the data held before exactly as it was. The
 * administrator's page answers every mutant with the page and a message, never a server error.
 */
@WaymarkIntegrationTest
class ReferenceDataFuzzTests {

  @Autowired ReferenceDataImports imports;
  @Autowired IdentityManagement identity;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  static final String GOOD_IMD =
      IOD2019_HEADER
          + "E01000001,City of London 001A,E09000001,6.2,29199,9,10\n"
          + "E01011264,Leeds 111A,E08000035,51.3,\"1,234\",1,2\n"
          + "W01000002,Cardiff 002B,W06000015,30.0,15000,5,5\n"
          + "E01000005,Somewhere,E09000001,1.0,100,3,3\n";

  /** Rows and a checksum of a table, or of one LSOA vintage of the deciles. */
  String checksum(String table, String where) {
    return jdbc.sql(
            "SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)), 0) FROM "
                + table
                + " t"
                + (where == null ? "" : " WHERE " + where))
        .query(String.class)
        .single();
  }

  long rows(String vintage) {
    return jdbc.sql("SELECT count(*) FROM report_imd WHERE lsoa_vintage = :v")
        .param("v", vintage)
        .query(Long.class)
        .single();
  }

  /**
   * A failed import leaves the deciles as they were; one that succeeded replaced one vintage whole
   * with the rows it stored and left the other alone.
   */
  void assertImdWholeOrUnchanged(Import done, String as, String before2011, String before2021) {
    as = as + " -> " + done.status() + ": " + done.message();
    assertThat(done.rowsRead()).as(as).isEqualTo(done.rowsStored() + done.rowsSkipped());
    String after2011 = checksum("report_imd", "lsoa_vintage = '2011'");
    String after2021 = checksum("report_imd", "lsoa_vintage = '2021'");
    if (!done.succeeded()) {
      assertThat(after2011).as(as).isEqualTo(before2011);
      assertThat(after2021).as(as).isEqualTo(before2021);
      assertThat(done.message()).as(as).isNotBlank().doesNotContain("Exception");
      return;
    }
    assertThat(done.rowsStored()).as(as).isPositive();
    String replaced = done.message().contains("LSOAs of 2021") ? "2021" : "2011";
    assertThat(rows(replaced)).as(as).isEqualTo(done.rowsStored());
    assertThat(replaced.equals("2011") ? after2021 : after2011)
        .as(as + ": the other vintage")
        .isEqualTo(replaced.equals("2011") ? before2021 : before2011);
  }

  @Test
  void imdCsvMutantsReplaceTheDecilesWholeOrLeaveThemExactly() {
    Mutations mutations = new Mutations(2201);
    Random random = new Random(2201);
    for (int i = 0; i < 120; i++) {
      String mutant =
          random.nextInt(3) == 0 ? columnMutant(GOOD_IMD, random) : mutations.mutate(GOOD_IMD);
      String before2011 = checksum("report_imd", "lsoa_vintage = '2011'");
      String before2021 = checksum("report_imd", "lsoa_vintage = '2021'");
      Import done = imports.importImd("fuzz-" + i + ".csv", csv(mutant));
      assertImdWholeOrUnchanged(done, "mutant " + i + ": " + mutant, before2011, before2021);
    }
  }

  @Test
  void imdWorkbookMutantsReplaceTheDecilesWholeOrLeaveThemExactly() throws IOException {
    JsonMutations bytes = new JsonMutations(2202);
    Mutations text = new Mutations(2202);
    Random random = new Random(2202);
    List<List<Object>> good =
        List.of(
            List.of("E01033010", "Leeds 112B", 12.0, 2.0),
            List.of("E01033011", "Leeds 112C", 30001.0, 10.0),
            List.of("E01033012", "Leeds 112D", 500.0, 1.0));
    byte[] goodBook = workbook("LSOA code (2021)", good);
    for (int i = 0; i < 80; i++) {
      byte[] mutant;
      String what;
      if (random.nextBoolean()) {
        mutant = bytes.mutateBytes(goodBook);
        what = "bytes mutated";
      } else {
        // A well-formed workbook whose cells are bad.
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : good) {
          List<Object> copy = new ArrayList<>(row);
          if (random.nextInt(3) == 0) {
            int c = random.nextInt(copy.size());
            copy.set(c, text.mutate(String.valueOf(copy.get(c))));
          }
          rows.add(copy);
        }
        String header =
            random.nextInt(4) == 0 ? text.mutate("LSOA code (2021)") : "LSOA code (2021)";
        mutant = workbook(header, rows);
        what = header + " " + rows;
      }
      String before2011 = checksum("report_imd", "lsoa_vintage = '2011'");
      String before2021 = checksum("report_imd", "lsoa_vintage = '2021'");
      Import done = imports.importImd("fuzz-" + i + ".xlsx", new ByteArrayInputStream(mutant));
      assertImdWholeOrUnchanged(done, "workbook " + i + ": " + what, before2011, before2021);
    }
  }

  @Test
  void practicePopulationMutantsAreStoredWholeOrChangeNothing() {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 99_999));
    Organisation pcn =
        identity.createOrganisation(OrganisationType.PCN, "Fuzz PCN " + suffix, null, null, null);
    identity.createOrganisation(
        OrganisationType.GP_PRACTICE, "Fuzz A " + suffix, "F" + suffix, pcn.id(), null);
    identity.createOrganisation(
        OrganisationType.GP_PRACTICE, "Fuzz B " + suffix, "G" + suffix, pcn.id(), null);
    String good =
        """
        PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS
        Patients Registered at a GP Practice,01MAR2027,GP,F%1$s,LS6 1AA,ALL,ALL,12345
        Patients Registered at a GP Practice,01MAR2027,GP,G%1$s,LS6 1AB,ALL,ALL,"8,001"
        Patients Registered at a GP Practice,01MAR2027,GP,Q99999,LS6 1AD,ALL,ALL,5000
        """
            .formatted(suffix);
    Mutations mutations = new Mutations(2203);
    Random random = new Random(2203);
    for (int i = 0; i < 120; i++) {
      String mutant = random.nextInt(3) == 0 ? columnMutant(good, random) : mutations.mutate(good);
      String before = checksum("report_practice_population", null);
      Import done = imports.importPracticePopulation("fuzz-" + i + ".csv", csv(mutant));
      String as = "mutant " + i + ": " + mutant + " -> " + done.status() + ": " + done.message();
      assertThat(done.rowsRead()).as(as).isEqualTo(done.rowsStored() + done.rowsSkipped());
      if (!done.succeeded()) {
        assertThat(checksum("report_practice_population", null)).as(as).isEqualTo(before);
        assertThat(done.message()).as(as).isNotBlank().doesNotContain("Exception");
      }
    }
  }

  @Test
  void aFileWhoseNameHoldsANulCharacterIsRecordedUnderTheNameWithoutIt() {
    Import done = imports.importImd("dep\u0000rivation.csv", csv(GOOD_IMD));
    assertThat(done.status()).as(done.message()).isEqualTo(Status.SUCCEEDED);
    assertThat(done.fileName()).isEqualTo("deprivation.csv");
    Import failed = imports.importImd("\u0000", csv("nothing,here\n1,2\n"));
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.fileName()).isNull();
  }

  /** A CSV file with one line's columns disturbed: a quote left open, a column shifted or lost. */
  static String columnMutant(String csv, Random random) {
    List<String> lines = new ArrayList<>(csv.lines().toList());
    int at = random.nextInt(lines.size());
    switch (random.nextInt(5)) {
      case 0 -> lines.set(at, "\"" + lines.get(at));
      case 1 -> lines.set(at, "," + lines.get(at));
      case 2 -> lines.set(at, lines.get(at).replaceFirst(",[^,]*", ""));
      case 3 -> lines.set(at, lines.get(at).replace(",", ";"));
      default -> lines.set(at, lines.get(at) + ",\"un\"\"balanced");
    }
    return String.join("\n", lines) + "\n";
  }

  @Test
  void theAdministratorsPageAnswersEveryMutantWithAMessage() throws IOException {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    Mutations mutations = new Mutations(2204);
    JsonMutations bytes = new JsonMutations(2204);
    Random random = new Random(2204);
    byte[] book = workbook("LSOA code (2011)", List.of(List.of("E01000007", "Camden", 2.0, 1.0)));
    for (int i = 0; i < 30; i++) {
      boolean imd = random.nextBoolean();
      byte[] content =
          random.nextBoolean() ? bytes.mutateBytes(book) : bytes.encode(mutations.mutate(GOOD_IMD));
      WebSession.Page answer =
          admin.postFile(
              imd ? "/admin/reporting/imd" : "/admin/reporting/practice-populations",
              imd ? "imdFile" : "populationFile",
              Mutations.junk(random) + (random.nextBoolean() ? ".csv" : ".xlsx"),
              "application/octet-stream",
              content);
      String as = "upload " + i + ": " + answer.body();
      // 400 and 413: a file name that breaks the multipart header, or is longer than a part's
      // header may be, which no browser sends.
      assertThat(answer.status()).as(as).isIn(200, 302, 400, 413);
      assertThat(answer.body()).as(as).doesNotContain("Exception", "\tat org.", "at java.");
      if (answer.status() == 200) {
        assertThat(answer.document().select(".nhsuk-error-summary").text()).as(as).isNotBlank();
      }
    }
    // The good file is still read after all that.
    Import good = imports.importImd("good.csv", csv(GOOD_IMD));
    assertThat(good.status()).as(good.message()).isEqualTo(Status.SUCCEEDED);
    assertThat(good.rowsStored()).isEqualTo(4);
  }
}
