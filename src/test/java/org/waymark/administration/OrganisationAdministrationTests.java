package org.waymark.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.administration.AdministrationFixtures.EVERY_OTHER_ROLE;
import static org.waymark.administration.AdministrationFixtures.form;
import static org.waymark.administration.AdministrationFixtures.idFrom;
import static org.waymark.administration.AdministrationFixtures.odsCode;
import static org.waymark.administration.AdministrationFixtures.path;
import static org.waymark.administration.AdministrationFixtures.suffix;

import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;
import org.waymark.support.WebSession.Page;

@WaymarkIntegrationTest
class OrganisationAdministrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;

  @Test
  void administratorCreatesAPcnAndAPracticeThatShowsUnderIt() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String pcnName = "Calder PCN " + suffix();
    String pcnOds = odsCode();

    Page pcnCreated =
        admin.post(
            "/admin/organisations/new",
            form("type", "PCN", "name", pcnName, "odsCode", pcnOds, "postcode", "ls1 4ap"));

    assertThat(pcnCreated.status()).isEqualTo(302);
    UUID pcnId = idFrom(pcnCreated);
    Organisation pcn = identity.organisation(pcnId).orElseThrow();
    assertThat(pcn.type()).isEqualTo(OrganisationType.PCN);
    assertThat(pcn.odsCode()).isEqualTo(pcnOds);
    assertThat(pcn.postcode()).isEqualTo("LS1 4AP");
    Document pcnPage = admin.get(path(pcnCreated)).document();
    assertThat(pcnPage.select(".nhsuk-notification-banner--success").text())
        .contains(pcnName + " has been added");

    String practiceName = "Calder Bridge Surgery " + suffix();
    Page practiceCreated =
        admin.post(
            "/admin/organisations/new",
            form(
                "type",
                "GP_PRACTICE",
                "name",
                practiceName,
                "odsCode",
                odsCode(),
                "postcode",
                "",
                "parentId",
                pcnId.toString()));

    assertThat(practiceCreated.status()).isEqualTo(302);
    UUID practiceId = idFrom(practiceCreated);
    assertThat(identity.organisation(practiceId).orElseThrow().parentId()).isEqualTo(pcnId);
    assertThat(identity.memberPractices(pcnId))
        .extracting(Organisation::name)
        .containsExactly(practiceName);

    Document pcnDetails = admin.get("/admin/organisations/" + pcnId).document();
    assertThat(pcnDetails.select("[data-testid=member-practices] tbody th").eachText())
        .containsExactly(practiceName);

    Document practices = admin.get("/admin/organisations?type=GP_PRACTICE").document();
    Element row = rowNamed(practices, practiceName);
    String practiceOds = identity.organisation(practiceId).orElseThrow().odsCode();
    assertThat(row.select("td").eachText()).containsExactly("GP practice", practiceOds, pcnName);
    assertThat(practices.select("[data-testid=organisations] tbody td:nth-of-type(1)").eachText())
        .containsOnly("GP practice");
  }

  @Test
  void newOrganisationFormOffersEveryPcnWithAHintThatOnlyGpPracticesHaveOne() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);

    Document page = admin.get("/admin/organisations/new").document();

    assertThat(page.select("input[name=type]").eachAttr("value"))
        .containsExactly(
            "PCN", "GP_PRACTICE", "VCS", "LOCAL_AUTHORITY", "ICB", "UNIVERSITY", "OTHER");
    assertThat(page.select("select#parentId option").eachText())
        .contains("None", "Aire Valley PCN", "Moorland PCN");
    assertThat(page.select("#parentId-hint").text()).startsWith("Only for GP practices");
    assertThat(page.select("#parentId").attr("aria-describedby")).isEqualTo("parentId-hint");
  }

  @Test
  void duplicateNameReRendersWithTheErrorOnTheNameAndWritesNothing() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    int before = identity.organisations().size();

    Page answer =
        admin.post(
            "/admin/organisations/new",
            form("type", "PCN", "name", "Aire Valley PCN", "odsCode", odsCode()));

    assertThat(answer.status()).isEqualTo(200);
    Document page = answer.document();
    assertThat(page.select(".nhsuk-error-summary a[href=#name]").text())
        .isEqualTo("An organisation with this name already exists");
    assertThat(page.select(".nhsuk-form-group--error #name-error").text())
        .contains("An organisation with this name already exists");
    assertThat(page.select("#name").attr("value")).isEqualTo("Aire Valley PCN");
    assertThat(identity.organisations()).hasSize(before);
  }

  @Test
  void badOdsCodeReRendersWithTheErrorOnTheOdsCodeAndWritesNothing() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String name = "Holme Valley PCN " + suffix();

    Page answer =
        admin.post(
            "/admin/organisations/new",
            form("type", "PCN", "name", name, "odsCode", "not an ods code!"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary a[href=#odsCode]").text())
        .isEqualTo("Enter an ODS code of 3 to 10 letters and numbers, like B86001");
    assertThat(answer.document().select("#odsCode").hasClass("nhsuk-input--error")).isTrue();
    assertThat(identity.organisations()).extracting(Organisation::name).doesNotContain(name);
  }

  @Test
  void missingTypeAndNameAreBothReportedAndLinkedToTheirFields() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);

    Page answer = admin.post("/admin/organisations/new", form("name", ""));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactlyInAnyOrder("#type", "#name");
    assertThat(answer.document().select("#type").attr("type")).isEqualTo("radio");
  }

  @Test
  void onlyAGpPracticeMayBelongToAPcn() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    UUID pcnId = organisationNamed("Aire Valley PCN").id();
    String name = "Befriending Circle " + suffix();

    Page answer =
        admin.post(
            "/admin/organisations/new",
            form("type", "VCS", "name", name, "parentId", pcnId.toString()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary a[href=#parentId]").text())
        .isEqualTo("Only a GP practice can belong to a primary care network");
    assertThat(identity.organisations()).extracting(Organisation::name).doesNotContain(name);
  }

  @Test
  void organisationPageListsItsUsersAndTheirRoles() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    UUID moorland = organisationNamed("Moorland PCN").id();

    Document page = admin.get("/admin/organisations/" + moorland).document();

    Element linkWorker =
        page.select("[data-testid=organisation-users] tbody tr").stream()
            .filter(tr -> tr.text().contains("linkworker@demo.waymark.test"))
            .findFirst()
            .orElseThrow();
    assertThat(linkWorker.text()).contains("Lee Linkworker", "Link worker", "Active");
    assertThat(page.select("[data-testid=member-practices] tbody th").eachText())
        .contains("Hillside Health Centre", "Canal Road Surgery");
  }

  @Test
  void administratorChangesAnOrganisationButNotItsType() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    Organisation vcs =
        identity.createOrganisation(
            OrganisationType.VCS, "Men's Shed " + suffix(), null, null, null);
    String renamed = "Community Men's Shed " + suffix();

    Page editPage = admin.get("/admin/organisations/" + vcs.id() + "/edit");
    assertThat(editPage.status()).isEqualTo(200);
    assertThat(editPage.document().select("#name").attr("value")).isEqualTo(vcs.name());
    Page saved =
        admin.post(
            "/admin/organisations/" + vcs.id() + "/edit",
            form("type", "PCN", "name", renamed, "odsCode", "", "postcode", "LS6 2AB"));

    assertThat(saved.status()).isEqualTo(302);
    Organisation after = identity.organisation(vcs.id()).orElseThrow();
    assertThat(after.name()).isEqualTo(renamed);
    assertThat(after.postcode()).isEqualTo("LS6 2AB");
    assertThat(after.type()).isEqualTo(OrganisationType.VCS);
    assertThat(
            admin.get(path(saved)).document().select(".nhsuk-notification-banner--success").text())
        .contains("The changes to " + renamed + " have been saved");
  }

  @Test
  void unknownOrganisationIsNotFound() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);

    assertThat(admin.get("/admin/organisations/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(admin.get("/admin/organisations/not-an-id").status()).isEqualTo(404);
  }

  @Test
  void refusesEveryOtherRoleOnEveryPageAndChange() {
    Organisation aire = organisationNamed("Aire Valley PCN");
    String name = "Refused Organisation " + suffix();
    for (Role role : EVERY_OTHER_ROLE) {
      WebSession session = new WebSession(port).signedInAs(role);
      for (String page :
          List.of(
              "/admin/organisations",
              "/admin/organisations/new",
              "/admin/organisations/" + aire.id(),
              "/admin/organisations/" + aire.id() + "/edit")) {
        assertThat(session.get(page).status()).as(role + " GET " + page).isEqualTo(403);
      }
      assertThat(
              session.post("/admin/organisations/new", form("type", "VCS", "name", name)).status())
          .as(role + " creating")
          .isEqualTo(403);
      assertThat(
              session
                  .post("/admin/organisations/" + aire.id() + "/edit", form("name", name))
                  .status())
          .as(role + " changing")
          .isEqualTo(403);
    }
    assertThat(identity.organisations()).extracting(Organisation::name).doesNotContain(name);
    assertThat(identity.organisation(aire.id()).orElseThrow().name()).isEqualTo("Aire Valley PCN");
  }

  private Organisation organisationNamed(String name) {
    return identity.organisations().stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Element rowNamed(Document page, String name) {
    return page.select("[data-testid=organisations] tbody tr").stream()
        .filter(tr -> tr.select("th").text().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No row for " + name));
  }
}
