package org.waymark.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseFile;
import org.waymark.casework.DischargeDraft;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class OutcomeIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired CaseClosures closures;

  ConnectionFixture f;
  CaseFile openCase;

  @BeforeEach
  void setUp() {
    f = new ConnectionFixture(identity, curation, port);
    openCase = f.openCase(referrals, triage, "Edna", "Fairweather");
  }

  Map<String, String> swemwbs(String occasion, int each) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("instrument", "SWEMWBS");
    form.put("occasion", occasion);
    form.put("completedOnDay", Integer.toString(today.getDayOfMonth()));
    form.put("completedOnMonth", Integer.toString(today.getMonthValue()));
    form.put("completedOnYear", Integer.toString(today.getYear()));
    for (String item :
        new String[] {
          "optimistic",
          "useful",
          "relaxed",
          "dealing_with_problems",
          "thinking_clearly",
          "close_to_others",
          "own_mind"
        }) {
      form.put("answer." + item, Integer.toString(each));
    }
    return form;
  }

  @Test
  void theLinkWorkerRecordsSwemwbsWithThePersonAndSeesTheChange() {
    WebSession lw = f.signedIn(f.linkWorker);
    String base = "/cases/" + openCase.id() + "/outcomes";
    Document form = lw.get(base + "/new?instrument=SWEMWBS").document();
    assertThat(form.select("fieldset legend").eachText())
        .contains("1. I've been feeling optimistic about the future");
    assertThat(form.text()).contains("University of Warwick");

    assertThat(lw.post(base, swemwbs("BASELINE", 3)).status()).isEqualTo(302);
    assertThat(lw.post(base, swemwbs("REVIEW", 4)).status()).isEqualTo(302);

    Document page = lw.get(base).document();
    assertThat(page.select("[data-instrument=SWEMWBS]").text())
        .contains("Baseline")
        .contains("19.25")
        .contains("25.03");
    assertThat(page.select("[data-testid=change-row]").eachText())
        .anySatisfy(
            row ->
                assertThat(row)
                    .contains("Metric score")
                    .contains("+5.78")
                    .contains("Better, a meaningful change"));
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        null, openCase.personId(), "OUTCOME_RECORDED", null, null, 0, 10))
                .events())
        .hasSize(2);
  }

  @Test
  void theDischargeSummaryGivesTheChangeInOutcomes() {
    WebSession lw = f.signedIn(f.linkWorker);
    String base = "/cases/" + openCase.id() + "/outcomes";
    lw.post(base, swemwbs("BASELINE", 3));
    lw.post(base, swemwbs("DISCHARGE", 4));
    DischargeDraft draft =
        ConnectionFixture.as(f.linkWorker, () -> closures.draft(openCase.id(), "GOALS_MET", null));
    assertThat(draft.text())
        .contains(
            "Change in outcomes\nSWEMWBS raw score: 21 to 28 (+7), better\n"
                + "SWEMWBS metric score: 19.25 to 25.03 (+5.78), better, a meaningful change");
  }

  @Test
  void gpAppointmentsAreRecordedOnlyAsAnOptionalIndicatorBelowThePersonsOwnMeasures() {
    WebSession lw = f.signedIn(f.linkWorker);
    String base = "/cases/" + openCase.id() + "/outcomes";
    lw.post(base, swemwbs("BASELINE", 3));
    Document refused =
        lw.post(base + "/gp-appointments", Map.of("months", "30", "appointments", "x")).document();
    assertThat(refused.select("[data-testid=gp-form] .nhsuk-error-summary__list li").eachText())
        .containsExactly(
            "Choose whether the count is from before the referral or after it",
            "Enter the number of months, from 1 to 24",
            "Enter the number of GP appointments, from 0 to 500");
    assertThat(
            lw.post(
                    base + "/gp-appointments",
                    Map.of("period", "BEFORE", "months", "6", "appointments", "9"))
                .status())
        .isEqualTo(302);
    Document page = lw.get(base).document();
    assertThat(page.select("[data-testid=gp-indicator] h2").text())
        .isEqualTo("Optional indicator: GP appointments");
    assertThat(page.select("[data-testid=gp-table]").text())
        .contains("Before the referral")
        .contains("6 months")
        .contains("9");
    // The person's own measures come first on the page.
    assertThat(page.html().indexOf("data-instrument=\"SWEMWBS\""))
        .isLessThan(page.html().indexOf("data-testid=\"gp-indicator\""));
    assertThat(
            f.signedIn(f.otherLinkWorker)
                .post(
                    base + "/gp-appointments",
                    Map.of("period", "AFTER", "months", "6", "appointments", "2"))
                .status())
        .isEqualTo(403);
  }

  @Test
  void unansweredQuestionsAreListedAndNothingIsStored() {
    WebSession lw = f.signedIn(f.linkWorker);
    Map<String, String> form = swemwbs("BASELINE", 3);
    form.remove("answer.relaxed");
    form.put("answer.useful", "9");
    Document page = lw.post("/cases/" + openCase.id() + "/outcomes", form).document();
    assertThat(page.select(".nhsuk-error-summary__list li").eachText())
        .contains("Answer: I've been feeling relaxed")
        .contains("Choose one of the answers offered: I've been feeling useful");
    assertThat(
            jdbc.sql("SELECT count(*) FROM outcome_response WHERE case_id = ?")
                .param(openCase.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void onlyThoseWhoMayReadTheCaseSeeItsOutcomes() {
    String base = "/cases/" + openCase.id() + "/outcomes";
    assertThat(f.signedIn(f.otherLinkWorker).get(base).status()).isEqualTo(403);
    assertThat(f.signedIn(f.otherLinkWorker).post(base, swemwbs("BASELINE", 3)).status())
        .isEqualTo(403);
    assertThat(f.signedIn(f.referrer).get(base).status()).isEqualTo(403);
    assertThat(f.signedIn(f.coordinator).get(base).status()).isEqualTo(403);
    assertThat(f.signedIn(f.manager).get(base).status()).isEqualTo(200);
  }
}
