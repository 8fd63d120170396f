package org.waymark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.identity.Role;
import org.waymark.support.DemoAccounts;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/** The demo's study, as its chief investigator and its data manager see it. */
@WaymarkIntegrationTest
class DemoResearchTests {

  @LocalServerPort int port;

  @Test
  void theDemoStudyHasSevenSitesParticipantsAndFollowUpsDue() {
    WebSession rory = new WebSession(port).signedInAs(Role.RESEARCHER);
    Document studies = rory.get("/studies").document();
    String study = studies.select("[data-testid=studies] a").first().attr("href");
    assertThat(studies.select("[data-testid=studies]").text()).contains("CONNECT");
    Document page = rory.get(study).document();
    assertThat(page.select("[data-testid=sites] tbody tr")).hasSize(7);
    assertThat(page.select("[data-event='Follow-up interview']").text())
        .contains("9 to 12 months after the first interview");
    Document due = rory.get(study + "/follow-ups").document();
    assertThat(due.select("[data-state=DUE], [data-state=OVERDUE]").text())
        .contains("Follow-up interview");
    assertThat(due.select("[data-state=MISSED]").text()).contains("S01-P-003");
    Document participants = rory.get(study + "/participants").document();
    assertThat(participants.select("[data-participant]")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(participants.text()).doesNotContain("Ann Example");

    WebSession dana = new WebSession(port);
    dana.signIn("datamanager@demo.waymark.test", DemoAccounts.PASSWORD);
    String first = participants.select("[data-participant=S01-P-001] a").attr("href");
    assertThat(dana.get(first).document().select("[data-testid=identity]").text())
        .contains("Ann Example");
  }
}
