package org.waymark.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.reporting.Commissioning;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;
import org.waymark.support.WebSession.Page;

/**
 * The reporting administration pages through the browser's door: what the administrator sees,
 * uploading the reference files, rebuilding the figures and choosing what commissioners see, each
 * change audited; and everyone else refused.
 */
@WaymarkIntegrationTest
class ReportingAdministrationPagesTests {

  static final String IOD2025 =
      "LSOA code (2021),LSOA name (2021),"
          + "Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),"
          + "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)\n"
          + "E01033010,Leeds 112B,120,1\n"
          + "E01033011,Leeds 112C,33000,10\n"
          + "E0103301,Too short,1,1\n";

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired Commissioning commissioning;
  @Autowired AuditLog audit;

  WebSession admin() {
    return new WebSession(port).signedInAs(Role.ADMINISTRATOR);
  }

  @Test
  void theAdministratorSeesTheReferenceDataTheFiguresAndTheWayIn() {
    WebSession admin = admin();
    Page page = admin.get("/admin/reporting");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.h1()).isEqualTo("Reporting administration");
    Document d = page.document();
    assertThat(d.select("[data-testid=figures] dt").eachText())
        .contains("Organisations with figures out of date", "Last rebuilt");
    assertThat(d.select("[data-testid=reference-data] dt").eachText())
        .contains(
            "Deprivation deciles, LSOAs of 2011 (IoD2019)",
            "Postcodes with an LSOA",
            "Practice populations");
    assertThat(d.selectFirst("[data-testid=imd-form]").attr("enctype"))
        .isEqualTo("multipart/form-data");
    assertThat(d.select("input[type=file]").eachAttr("name"))
        .containsExactly("imdFile", "populationFile");
    assertThat(d.select("[data-testid=commissioning-link]").attr("href"))
        .isEqualTo("/admin/reporting/commissioning");
    assertThat(d.select("header a[href='/admin/reporting'], nav a[href='/admin/reporting']"))
        .isNotEmpty();
    assertThat(admin.get("/").document().select("main a[href='/admin/reporting']")).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"LINK_WORKER", "COMMISSIONER", "SERVICE_MANAGER"})
  void everyoneButAnAdministratorIsRefused(Role role) {
    WebSession session = new WebSession(port).signedInAs(role);
    UUID any = UUID.randomUUID();
    assertThat(session.get("/admin/reporting").status()).isEqualTo(403);
    assertThat(session.get("/admin/reporting/commissioning").status()).isEqualTo(403);
    assertThat(session.post("/admin/reporting/rebuild", Map.of()).status()).isEqualTo(403);
    assertThat(
            session
                .postFile(
                    "/admin/reporting/imd",
                    "imdFile",
                    "iod.csv",
                    "text/csv",
                    IOD2025.getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(403);
    assertThat(
            session
                .post("/admin/reporting/commissioning/" + any + "/pcns", Map.of("pcnId", "x"))
                .status())
        .isEqualTo(403);
    assertThat(
            session
                .post(
                    "/admin/reporting/commissioning/" + any + "/pcns/" + any + "/remove", Map.of())
                .status())
        .isEqualTo(403);
  }

  @Test
  void anUploadedImdFileIsImportedAndTheOutcomeShown() {
    WebSession admin = admin();
    Page answer =
        admin.postFile(
            "/admin/reporting/imd",
            "imdFile",
            "File_1_IoD2025.csv",
            "text/csv",
            IOD2025.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/admin/reporting");

    Document d = admin.get("/admin/reporting").document();
    assertThat(d.select("[data-testid=success] .nhsuk-notification-banner__heading").text())
        .contains("Indices of Deprivation imported: 2 rows stored, 1 skipped");
    assertThat(d.select("[data-testid=imd-2021]").text()).isEqualTo("2 LSOAs");
    assertThat(d.select("[data-testid=last-imd]").text())
        .contains("Succeeded")
        .contains("File_1_IoD2025.csv");
    assertThat(d.select("[data-testid=import-row]").first().text())
        .contains("File_1_IoD2025.csv")
        .contains("row 4: not an LSOA code");
  }

  @Test
  void aWrongFileIsAnErrorOnItsFieldAndChangesNothing() {
    WebSession admin = admin();
    admin.postFile(
        "/admin/reporting/imd",
        "imdFile",
        "good.csv",
        "text/csv",
        IOD2025.getBytes(StandardCharsets.UTF_8));
    Page answer =
        admin.postFile(
            "/admin/reporting/imd",
            "imdFile",
            "postcodes.csv",
            "text/csv",
            "pcds,lat,long\nLS1 1AA,53.8,-1.5\n".getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(200);
    Document d = answer.document();
    assertThat(d.select(".nhsuk-error-summary a").text())
        .startsWith("The file was not imported and nothing changed.")
        .contains("no LSOA code column");
    assertThat(d.select(".nhsuk-error-summary a").attr("href")).isEqualTo("#imdFile");
    assertThat(d.select("#imdFile-error").text()).contains("not imported");
    assertThat(d.select("[data-testid=imd-2021]").text()).isEqualTo("2 LSOAs");
    assertThat(d.select("[data-testid=last-imd]").text()).contains("Failed");

    Page population =
        admin.postFile(
            "/admin/reporting/practice-populations",
            "populationFile",
            "iod.csv",
            "text/csv",
            IOD2025.getBytes(StandardCharsets.UTF_8));
    assertThat(population.status()).isEqualTo(200);
    assertThat(population.document().select(".nhsuk-error-summary a").attr("href"))
        .isEqualTo("#populationFile");
    assertThat(population.document().select(".nhsuk-error-summary").text())
        .contains("gp-reg-pat-prac-all.csv");
  }

  @Test
  void noFileIsAnError() {
    Page answer = admin().post("/admin/reporting/imd", Map.of());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary a").text())
        .isEqualTo("Choose a file to import");
  }

  @Test
  void practicePopulationsAreUploadedForTheDemoPractices() {
    WebSession admin = admin();
    String csv =
        """
        PUBLICATION,EXTRACT_DATE,TYPE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS
        Patients Registered at a GP Practice,01JAN2030,GP,B86001,LS1 6BP,ALL,ALL,9100
        Patients Registered at a GP Practice,01JAN2030,GP,Z99999,LS1 6BP,ALL,ALL,9100
        """;
    Page answer =
        admin.postFile(
            "/admin/reporting/practice-populations",
            "populationFile",
            "gp-reg-pat-prac-all.csv",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8));
    assertThat(answer.status()).isEqualTo(302);
    Document d = admin.get("/admin/reporting").document();
    assertThat(d.select("[data-testid=success] .nhsuk-notification-banner__heading").text())
        .contains("Practice populations imported: 1 row stored, 1 skipped");
    assertThat(d.select("[data-testid=practice-populations]").text())
        .startsWith("January 2030: 1 of");
  }

  @Test
  void rebuildingAllFiguresIsAuditedAndConfirmed() {
    WebSession admin = admin();
    Page answer = admin.post("/admin/reporting/rebuild", Map.of());
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/admin/reporting");
    Document d = admin.get("/admin/reporting").document();
    assertThat(d.select("[data-testid=success] .nhsuk-notification-banner__heading").text())
        .startsWith("Figures rebuilt for");
    assertThat(d.select("[data-testid=last-rebuilt]").text()).isNotEqualTo("Never");
    assertThat(events("REPORTING_REBUILT"))
        .anySatisfy(e -> assertThat(e.username()).startsWith("admin@"));
  }

  @Test
  void theAdministratorChoosesWhichPcnsACommissionerSees() {
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    Organisation council =
        identity.createOrganisation(
            OrganisationType.LOCAL_AUTHORITY, "Council " + suffix, null, null, null);
    Organisation pcn =
        identity.createOrganisation(
            OrganisationType.PCN, "Commissioned PCN " + suffix, null, null, null);
    WebSession admin = admin();

    Page page = admin.get("/admin/reporting/commissioning");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.h1()).isEqualTo("Commissioning");
    assertThat(page.document().select("[data-testid=commissioner] h2").eachText())
        .contains("Integrated care board West Riding ICB", "Local authority Council " + suffix);

    Page added =
        admin.post(
            "/admin/reporting/commissioning/" + council.id() + "/pcns",
            Map.of("pcnId", pcn.id().toString()));
    assertThat(added.status()).isEqualTo(302);
    assertThat(commissioning.pcnsOf(council.id())).containsExactly(pcn.id());
    Document d = admin.get("/admin/reporting/commissioning").document();
    assertThat(d.select("[data-testid=success] .nhsuk-notification-banner__heading").text())
        .isEqualTo("Commissioned PCN " + suffix + " added to what Council " + suffix + " sees");
    assertThat(section(d, council).select("[data-testid=commissioned-pcns] td").eachText())
        .contains("Commissioned PCN " + suffix);
    assertThat(events("COMMISSIONING_ADDED"))
        .anySatisfy(e -> assertThat(e.recordId()).isEqualTo(council.id() + ":" + pcn.id()));

    Page removed =
        admin.post(
            "/admin/reporting/commissioning/" + council.id() + "/pcns/" + pcn.id() + "/remove",
            Map.of());
    assertThat(removed.status()).isEqualTo(302);
    assertThat(commissioning.pcnsOf(council.id())).isEmpty();
    Document after = admin.get("/admin/reporting/commissioning").document();
    assertThat(after.select("[data-testid=success] .nhsuk-notification-banner__heading").text())
        .isEqualTo("Commissioned PCN " + suffix + " removed from what Council " + suffix + " sees");
    assertThat(section(after, council).select("[data-testid=commissioned-pcns]")).isEmpty();
    assertThat(events("COMMISSIONING_REMOVED"))
        .anySatisfy(e -> assertThat(e.recordId()).isEqualTo(council.id() + ":" + pcn.id()));

    // No PCN chosen: said so, nothing changes; a PCN is not a commissioner.
    Page none =
        admin.post("/admin/reporting/commissioning/" + council.id() + "/pcns", Map.of("pcnId", ""));
    assertThat(none.status()).as(none.body()).isEqualTo(302);
    assertThat(
            admin
                .get("/admin/reporting/commissioning")
                .document()
                .select(".nhsuk-error-summary")
                .text())
        .contains("Choose a PCN for Council " + suffix + " to see");
    assertThat(
            admin
                .post(
                    "/admin/reporting/commissioning/" + pcn.id() + "/pcns",
                    Map.of("pcnId", pcn.id().toString()))
                .status())
        .isEqualTo(404);
  }

  private static org.jsoup.nodes.Element section(Document d, Organisation o) {
    return d.selectFirst("[data-testid=commissioner][data-organisation=" + o.id() + "]");
  }

  private java.util.List<AuditEvent> events(String action) {
    return audit.search(new AuditQuery(null, null, action, null, null, 0, 100)).events();
  }
}
