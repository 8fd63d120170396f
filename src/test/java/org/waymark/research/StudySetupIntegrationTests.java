package org.waymark.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Setting a study up over HTTP and through the API: details, team, sites, groups, targets, work
 * packages and timed events; only members reach a study, only those whose role sets it up change
 * it.
 */
@WaymarkIntegrationTest
class StudySetupIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired Studies studies;
  @Autowired AuditLog audit;

  Organisation university;
  Organisation otherUniversity;
  Organisation pcn;
  UserAccount chief;
  UserAccount colleague;
  UserAccount outsider;
  UserAccount otherUniversityResearcher;
  UserAccount linkWorker;

  @BeforeEach
  void setUp() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    university =
        identity.createOrganisation(
            OrganisationType.UNIVERSITY, "University " + suffix, null, null, null);
    otherUniversity =
        identity.createOrganisation(
            OrganisationType.UNIVERSITY, "Other " + suffix, null, null, null);
    pcn = identity.createOrganisation(OrganisationType.PCN, "PCN " + suffix, null, null, "LS1 4AP");
    chief = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    colleague = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    outsider = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    otherUniversityResearcher = TestUsers.create(identity, otherUniversity.id(), Role.RESEARCHER);
    linkWorker = TestUsers.create(identity, pcn.id(), Role.LINK_WORKER);
  }

  WebSession signedIn(UserAccount user) {
    WebSession s = new WebSession(port);
    WebSession.Page p = s.signIn(user.email(), TestUsers.PASSWORD);
    assertThat(p.status()).isEqualTo(302);
    return s;
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  UUID startStudy(WebSession s, String shortName) {
    WebSession.Page created =
        s.post(
            "/studies",
            form(
                "title",
                "Connecting communities: how link workers help",
                "shortName",
                shortName,
                "funder",
                "NIHR School for Primary Care Research",
                "grantNumber",
                "SPCR-2026-123",
                "ethicsReference",
                "26/YH/0042",
                "contactEmail",
                "connect@example.ac.uk",
                "startsOnDay",
                "1",
                "startsOnMonth",
                "4",
                "startsOnYear",
                "2026",
                "endsOnDay",
                "31",
                "endsOnMonth",
                "3",
                "endsOnYear",
                "2028"));
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    return UUID.fromString(created.location().replaceAll(".*/studies/", ""));
  }

  @Test
  void aResearcherSetsUpAStudyWithItsTeamSitesGroupsTargetsAndWorkPackages() {
    WebSession ci = signedIn(chief);
    UUID id = startStudy(ci, "CONNECT");
    String base = "/studies/" + id;

    assertThat(
            ci.post(
                    base + "/team",
                    form(
                        "userId",
                        colleague.id().toString(),
                        "role",
                        "DATA_MANAGER",
                        "jobTitle",
                        "Data manager"))
                .status())
        .isEqualTo(302);
    assertThat(
            ci.post(base + "/sites", form("code", "s01", "siteOrganisationId", pcn.id().toString()))
                .status())
        .isEqualTo(302);
    assertThat(ci.post(base + "/sites", form("code", "S02", "name", "Moorland PCN")).status())
        .isEqualTo(302);
    assertThat(ci.post(base + "/groups", form("code", "P", "name", "Patients")).status())
        .isEqualTo(302);
    assertThat(ci.post(base + "/groups", form("code", "V", "name", "VCS staff")).status())
        .isEqualTo(302);
    assertThat(
            ci.post(
                    base + "/work-packages",
                    form("code", "WP1", "title", "Observation and interviews"))
                .status())
        .isEqualTo(302);
    StudySetup setup = TestUsers.as(chief, () -> studies.find(id));
    UUID wp1 = setup.workPackages().get(0).id();
    assertThat(
            ci.post(
                    base + "/work-packages/" + wp1 + "/events",
                    form("name", "First interview", "fromMonths", "0", "toMonths", "0"))
                .status())
        .isEqualTo(302);
    UUID first = TestUsers.as(chief, () -> studies.find(id)).events().get(0).id();
    assertThat(
            ci.post(
                    base + "/work-packages/" + wp1 + "/events",
                    form(
                        "name",
                        "Follow-up interview",
                        "afterEventId",
                        first.toString(),
                        "fromMonths",
                        "9",
                        "toMonths",
                        "12"))
                .status())
        .isEqualTo(302);

    setup = TestUsers.as(chief, () -> studies.find(id));
    Map<String, String> targets = new java.util.LinkedHashMap<>();
    for (Site s : setup.sites()) {
      for (ParticipantGroup g : setup.groups()) {
        targets.put("target-" + s.id() + "-" + g.id(), g.code().equals("P") ? "10" : "4");
      }
    }
    assertThat(ci.post(base + "/targets", targets).status()).isEqualTo(302);

    setup = TestUsers.as(chief, () -> studies.find(id));
    assertThat(setup.study().grantNumber()).isEqualTo("SPCR-2026-123");
    assertThat(setup.study().startsOn()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(setup.team())
        .extracting(StudyMember::role)
        .containsExactly(StudyRole.CHIEF_INVESTIGATOR, StudyRole.DATA_MANAGER);
    assertThat(setup.sites()).extracting(Site::code).containsExactly("S01", "S02");
    assertThat(setup.sites().get(0).name()).isEqualTo(pcn.name());
    Site s01 = setup.sites().get(0);
    ParticipantGroup patients = setup.groups().get(0);
    assertThat(setup.target(s01.id(), patients.id())).contains(10);
    assertThat(setup.events())
        .extracting(StudyEvent::name)
        .containsExactly("First interview", "Follow-up interview");

    // Every set-up page opens for the chief investigator.
    for (String path :
        new String[] {
          "/studies",
          "/studies/new",
          base,
          base + "/edit",
          base + "/team/new",
          base + "/sites/new",
          base + "/groups/new",
          base + "/targets",
          base + "/work-packages/new",
          base + "/work-packages/" + wp1 + "/events/new"
        }) {
      WebSession.Page p = ci.get(path);
      assertThat(p.status()).as(path).isEqualTo(200);
    }
    Document page = ci.get(base).document();
    assertThat(page.select("[data-event='Follow-up interview']").text())
        .contains("9 to 12 months after the first interview");
    assertThat(page.select("[data-testid=targets]").text()).contains("10").contains("4");
    assertThat(page.select("[data-testid=team]").text()).contains("Data manager");
    assertThat(ci.get("/studies").document().select("[data-testid=studies]").text())
        .contains("CONNECT");
    assertThat(
            audit
                .search(new AuditQuery(chief.email(), null, "STUDY_CREATED", null, null, 0, 5))
                .events())
        .hasSize(1);
  }

  @Test
  void onlyTheTeamReachesAStudyAndOnlyThoseWhoSetItUpChangeIt() {
    WebSession ci = signedIn(chief);
    UUID id = startStudy(ci, "REACH");
    String base = "/studies/" + id;
    ci.post(base + "/team", form("userId", colleague.id().toString(), "role", "RESEARCHER"));

    // A researcher of the same university who is not on the team, and one of another university.
    assertThat(signedIn(outsider).get(base).status()).isEqualTo(403);
    assertThat(signedIn(otherUniversityResearcher).get(base).status()).isEqualTo(403);
    assertThat(signedIn(linkWorker).get(base).status()).isEqualTo(403);
    assertThat(signedIn(linkWorker).get("/studies").status()).isEqualTo(403);
    assertThat(signedIn(outsider).get("/studies").document().select("[data-testid=no-studies]"))
        .hasSize(1);

    // A team member who does not set the study up reads it but changes nothing.
    WebSession member = signedIn(colleague);
    assertThat(member.get(base).status()).isEqualTo(200);
    assertThat(member.get(base).document().select("a[href$=/sites/new]")).isEmpty();
    assertThat(member.post(base + "/sites", form("code", "S09", "name", "Somewhere")).status())
        .isEqualTo(403);
    assertThat(TestUsers.as(chief, () -> studies.find(id)).sites()).isEmpty();
    assertThat(
            audit
                .search(new AuditQuery(outsider.email(), null, "STUDY_READ", null, null, 0, 5))
                .events())
        .isNotEmpty();
    assertThatThrownBy(() -> TestUsers.as(otherUniversityResearcher, () -> studies.find(id)))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void badInputIsNamedAndNothingIsWritten() {
    WebSession ci = signedIn(chief);
    UUID id = startStudy(ci, "CHECKS");
    String base = "/studies/" + id;

    Document noTitle =
        ci.post(
                "/studies",
                form(
                    "title",
                    " ",
                    "shortName",
                    "CHECKS",
                    "endsOnDay",
                    "31",
                    "endsOnMonth",
                    "2",
                    "endsOnYear",
                    "2027"))
            .document();
    assertThat(noTitle.select(".nhsuk-error-summary__list a").eachText())
        .contains(
            "Enter the study's title (300 characters or fewer)",
            "Another study of your organisation has that short name",
            "Enter a real date, for example 1 4 2026");

    WebSession.Page one = ci.post(base + "/sites", form("code", "S01", "name", "One"));
    assertThat(one.status()).as(one.body()).isEqualTo(302);
    WebSession.Page two = ci.post(base + "/sites", form("code", "s01", "name", "Two"));
    assertThat(two.status()).as(two.body()).isEqualTo(200);
    Document dup = two.document();
    assertThat(dup.select(".nhsuk-error-summary__list a").eachText())
        .contains("Another site of this study has the code S01");

    ci.post(base + "/groups", form("code", "P", "name", "Patients"));
    StudySetup setup = TestUsers.as(chief, () -> studies.find(id));
    String cell = "target-" + setup.sites().get(0).id() + "-" + setup.groups().get(0).id();
    Document badTarget = ci.post(base + "/targets", form(cell, "ten")).document();
    assertThat(badTarget.select(".nhsuk-error-summary__list a").attr("href")).isEqualTo("#" + cell);
    assertThat(TestUsers.as(chief, () -> studies.find(id)).targets()).isEmpty();

    ci.post(base + "/work-packages", form("code", "WP2", "title", "Follow-up"));
    UUID wp = TestUsers.as(chief, () -> studies.find(id)).workPackages().get(0).id();
    Document badWindow =
        ci.post(
                base + "/work-packages/" + wp + "/events",
                form("name", "Later", "fromMonths", "12", "toMonths", "9"))
            .document();
    assertThat(badWindow.select(".nhsuk-error-summary__list a").eachText())
        .contains("The window must close on or after it opens");

    // The last member who sets the study up cannot step down.
    Document lastSetter =
        ci.post(base + "/team", form("userId", chief.id().toString(), "role", "RESEARCHER"))
            .document();
    assertThat(lastSetter.select(".nhsuk-error-summary__list a").text())
        .contains("Someone on the team must set the study up");

    // A stale edit of the details is refused and nothing is overwritten.
    long version = TestUsers.as(chief, () -> studies.find(id)).study().version();
    ci.post(
        base,
        form("version", Long.toString(version), "title", "First change", "shortName", "CHECKS"));
    Document stale =
        ci.post(
                base,
                form(
                    "version",
                    Long.toString(version),
                    "title",
                    "Second change",
                    "shortName",
                    "CHECKS"))
            .document();
    assertThat(stale.text()).contains("Someone else changed the study's details");
    assertThat(TestUsers.as(chief, () -> studies.find(id)).study().title())
        .isEqualTo("First change");
  }
}
