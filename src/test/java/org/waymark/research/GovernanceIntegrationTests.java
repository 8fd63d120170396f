package org.waymark.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.connection.ConnectionFixture;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/** Meetings with decisions and actions, public involvement and outputs, over HTTP. */
@WaymarkIntegrationTest
class GovernanceIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired Studies studies;
  @Autowired Governance governance;

  UserAccount chief;
  UserAccount outsider;
  UUID studyId;
  LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  @BeforeEach
  void setUp() {
    Organisation university =
        identity.createOrganisation(
            OrganisationType.UNIVERSITY, "University " + UUID.randomUUID(), null, null, null);
    chief = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    outsider = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    studyId =
        TestUsers.as(
                chief,
                () ->
                    studies.create(
                        new StudyDetails(
                            "Governance study",
                            "GV" + (System.nanoTime() % 100000),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null)))
            .id();
  }

  WebSession signedIn(UserAccount u) {
    WebSession s = new WebSession(port);
    s.signIn(u.email(), TestUsers.PASSWORD);
    return s;
  }

  String[] date(String field) {
    return new String[] {
      field + "Day",
      "" + today.getDayOfMonth(),
      field + "Month",
      "" + today.getMonthValue(),
      field + "Year",
      "" + today.getYear()
    };
  }

  static String[] join(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }

  @Test
  void meetingsInvolvementAndOutputsAreRecordedWithTheirDetails() {
    WebSession ci = signedIn(chief);
    String base = "/studies/" + studyId;
    Document missing =
        ci.post(base + "/meetings", ConnectionFixture.form("kind", "PPI_GROUP")).document();
    assertThat(missing.select(".nhsuk-error-summary__list a").eachText())
        .contains(
            "Enter the date of the meeting",
            "Choose how it was held",
            "Enter who attended (2,000 characters or fewer)");

    assertThat(
            ci.post(
                    base + "/meetings",
                    ConnectionFixture.form(
                        join(
                            new String[] {
                              "kind",
                              "STEERING_COMMITTEE",
                              "format",
                              "ONLINE",
                              "attendees",
                              "Chair, CI, two public contributors",
                              "topics",
                              "Recruitment at site 3",
                              "decisions",
                              "Extend recruitment by a month"
                            },
                            date("heldOn"))))
                .status())
        .isEqualTo(302);
    Meeting m = TestUsers.as(chief, () -> governance.meetings(studyId)).get(0);
    assertThat(
            ci.post(
                    base + "/meetings/" + m.id() + "/actions",
                    ConnectionFixture.form(
                        "description", "Write to the site 3 PCN", "owner", "Study manager"))
                .status())
        .isEqualTo(302);
    UUID action =
        TestUsers.as(chief, () -> governance.meetings(studyId)).get(0).actions().get(0).id();
    ci.post(base + "/actions/" + action + "/done", java.util.Map.of());
    assertThat(
            TestUsers.as(chief, () -> governance.meetings(studyId))
                .get(0)
                .actions()
                .get(0)
                .doneOn())
        .isEqualTo(today);
    Document meetings = ci.get(base + "/meetings").document();
    assertThat(meetings.select("[data-meeting=STEERING_COMMITTEE]").text())
        .contains(
            "Recruitment at site 3",
            "Extend recruitment by a month",
            "Write to the site 3 PCN",
            "Done");

    Document badPay =
        ci.post(
                base + "/involvement",
                ConnectionFixture.form(
                    join(
                        new String[] {
                          "contributor",
                          "Pat",
                          "activity",
                          "Reviewed the leaflet",
                          "payment",
                          "lots"
                        },
                        date("tookPlaceOn"))))
            .document();
    assertThat(badPay.select(".nhsuk-error-summary__list a").text())
        .contains("Enter the payment in pounds");
    assertThat(
            ci.post(
                    base + "/involvement",
                    ConnectionFixture.form(
                        join(
                            new String[] {
                              "contributor",
                              "Pat",
                              "activity",
                              "Reviewed the leaflet",
                              "hours",
                              "2",
                              "payment",
                              "25.00"
                            },
                            date("tookPlaceOn"))))
                .status())
        .isEqualTo(302);
    assertThat(TestUsers.as(chief, () -> governance.involvement(studyId)).get(0).paymentPence())
        .isEqualTo(2500);
    assertThat(ci.get(base + "/involvement").document().select("[data-testid=involvement]").text())
        .contains("£25.00");

    Document badLink =
        ci.post(
                base + "/outputs",
                ConnectionFixture.form(
                    join(
                        new String[] {
                          "kind",
                          "BLOG",
                          "title",
                          "What link workers do",
                          "authors",
                          "A Author",
                          "link",
                          "javascript:alert(1)"
                        },
                        date("publishedOn"))))
            .document();
    assertThat(badLink.select(".nhsuk-error-summary__list a").text())
        .contains("Enter a web address starting with https://");
    assertThat(
            ci.post(
                    base + "/outputs",
                    ConnectionFixture.form(
                        join(
                            new String[] {
                              "kind",
                              "BLOG",
                              "title",
                              "What link workers do",
                              "authors",
                              "A Author",
                              "link",
                              "https://example.org/blog"
                            },
                            date("publishedOn"))))
                .status())
        .isEqualTo(302);
    assertThat(
            ci.get(base + "/outputs")
                .document()
                .select("[data-output='What link workers do'] a")
                .attr("href"))
        .isEqualTo("https://example.org/blog");

    WebSession other = signedIn(outsider);
    for (String page : new String[] {"/meetings", "/involvement", "/outputs"}) {
      assertThat(other.get(base + page).status()).as(page).isEqualTo(403);
    }
    assertThat(other.post(base + "/actions/" + action + "/done", java.util.Map.of()).status())
        .isEqualTo(403);
  }
}
