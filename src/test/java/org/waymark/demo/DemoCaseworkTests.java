package org.waymark.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.identity.Role;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * The demo's referrals and cases, as the demo accounts see them. Other tests add referrals and
 * cases to the same service, so this looks for the demo's own and never counts rows.
 */
@WaymarkIntegrationTest
class DemoCaseworkTests {

  @LocalServerPort int port;

  private WebSession as(Role role) {
    return new WebSession(port).signedInAs(role);
  }

  private static Element rowOf(Document page, String rowSelector, String name) {
    return page.select(rowSelector).stream()
        .filter(r -> r.text().contains(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No row for " + name));
  }

  @Test
  void theDemoManagersTriageQueueHasAnUrgentASafeguardingASelfAQuestionedAndADuplicateReferral() {
    Document queue = as(Role.SERVICE_MANAGER).get("/triage").document();
    String rows = "[data-testid=queue-row]";

    assertThat(rowOf(queue, rows, "Samir Haddad").select("[data-testid=urgency]").text())
        .isEqualTo("Urgent");
    assertThat(rowOf(queue, rows, "Arthur Penington").select("[data-testid=duplicate-tag]"))
        .hasSize(1);
    assertThat(rowOf(queue, rows, "Kwame Mensah").select("[data-testid=status]").text())
        .isEqualTo("More information requested");
    assertThat(rowOf(queue, rows, "Tomasz Nowak").text()).contains("Self-referral");
    Element quigley = rowOf(queue, rows, "Bernadette Quigley");
    assertThat(quigley.select("[data-testid=safeguarding-tag]")).hasSize(1);
    assertThat(rowOf(queue, rows, "Samir Haddad").select("[data-testid=safeguarding-tag]"))
        .isEmpty();
    Document decision =
        as(Role.SERVICE_MANAGER).get(quigley.selectFirst("a").attr("href")).document();
    assertThat(decision.select("[data-testid=safeguarding]").text()).contains("controlling");
  }

  @Test
  void aReferralFromTheDemoReferrersPracticeReachesMoorlandsManager() {
    WebSession moorland = new WebSession(port);
    moorland.signIn(
        "moorland.manager@demo.waymark.test", org.waymark.support.DemoAccounts.PASSWORD);
    assertThat(moorland.get("/triage").status()).isEqualTo(200);
    assertThat(moorland.get("/").document().select("[data-testid=acting-organisation]").text())
        .isEqualTo("Service manager, Moorland PCN");
  }

  @Test
  void leeLinkworkerHoldsOpenCasesOneAwaitingFirstContact() {
    Document caseload = as(Role.LINK_WORKER).get("/caseload").document();
    String rows = "[data-testid=case-row]";
    for (String name :
        new String[] {
          "Zoë Łukasiewicz-Nguyễn", "Agnieszka Kowalczyk", "Grace Okonkwo", "Alex Morgan"
        }) {
      assertThat(rowOf(caseload, rows, name).select("[data-testid=first-contact]").text())
          .as(name)
          .doesNotContain("Awaiting");
    }
    assertThat(rowOf(caseload, rows, "Harold Bateson").text()).contains("Awaiting");

    WebSession lee = as(Role.LINK_WORKER);
    String zoe = rowOf(caseload, rows, "Zoë").selectFirst("a").attr("href");
    Document contacts = lee.get(zoe + "/contacts").document();
    assertThat(contacts.text()).contains("Attended").contains("Did not attend");
    assertThat(lee.get(zoe + "/assessment").document().select("[data-testid=what-matters]").text())
        .contains("part of somewhere again");
    Document plan = lee.get(zoe + "/plan").document();
    assertThat(plan.select("[data-testid=goal]")).hasSize(2);
    assertThat(plan.select("[data-testid=step]")).hasSize(3);
    assertThat(plan.select("[data-testid=review]")).hasSize(1);
    assertThat(lee.get(zoe + "/notes").document().text()).contains("self-harm");
  }

  @Test
  void leeHasGivenWellbeingMeasuresAndTextedALinkToAnswerOneAgain() {
    WebSession lee = as(Role.LINK_WORKER);
    Document caseload = lee.get("/caseload").document();
    boolean baseline = false;
    boolean linkWaiting = false;
    for (Element row : caseload.select("[data-testid=case-row]")) {
      Document outcomes = lee.get(row.selectFirst("a").attr("href") + "/outcomes").document();
      baseline |= outcomes.select("[data-instrument=SWEMWBS]").text().contains("Baseline");
      linkWaiting |= outcomes.select("[data-testid=links-table] [data-status=WAITING]").size() == 1;
    }
    assertThat(baseline).isTrue();
    assertThat(linkWaiting).isTrue();
  }

  @Test
  void theDemoReferrerReadsTheClosedCasesDischargeSummary() {
    WebSession referrer = as(Role.REFERRER);
    Document mine = referrer.get("/referrals/mine").document();
    Element edith = rowOf(mine, "tr[data-reference]", "Edith Barraclough");
    assertThat(edith.text()).contains("Closed");

    Document referral = referrer.get(edith.selectFirst("a").attr("href")).document();
    assertThat(referral.select("[data-testid=discharge-summary]").text())
        .contains("Edith")
        .contains("Goals met");
    assertThat(rowOf(mine, "tr[data-reference]", "Kwame Mensah").text())
        .contains("More information requested");
  }

  @Test
  void theWaitingListShowsTheCaseAwaitingFirstContact() {
    Document waiting = as(Role.SERVICE_MANAGER).get("/waiting-list").document();
    assertThat(waiting.text()).contains("Harold Bateson");
  }
}
