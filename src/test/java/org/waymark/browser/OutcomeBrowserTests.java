package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;

/**
 * A link worker records ONS4 with the person at baseline and again at review, and reads the change.
 * Every page visited meets WCAG 2.2 AA.
 */
class OutcomeBrowserTests extends BrowserTestSupport {

  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;

  @Test
  void linkWorkerRecordsOns4TwiceAndSeesTheChange() {
    ConnectionFixture f = new ConnectionFixture(identity, curation, 0);
    CaseFile openCase = f.openCase(referrals, triage, "Ivy", "Sutcliffe");
    LoginPage.open(browser()).signIn(f.linkWorker.email(), TestUsers.PASSWORD);
    browser().open("/cases/" + openCase.id());
    browser()
        .find(By.cssSelector("[data-testid=case-navigation]"))
        .findElement(By.linkText("Outcomes"))
        .click();
    waitForPath(browser(), p -> p.endsWith("/outcomes"), "/cases/{id}/outcomes");
    page("outcomes-empty", "no outcomes yet");

    answerOns4("BASELINE", 3, 8, "ons4-baseline-form");
    answerOns4("REVIEW", 7, 3, "ons4-review-form");
    assertThat(text("[data-testid=changes]"))
        .contains("Life satisfaction")
        .contains("+4")
        .contains("Anxiety")
        .contains("-5");
    assertThat(text("[data-testid=chart] figcaption"))
        .contains("Life satisfaction from 3 to 7")
        .contains("Anxiety from 8 to 3");
    page("outcomes-change", "the change since baseline");
  }

  private void answerOns4(String occasion, int wellbeing, int anxiety, String screenshot) {
    browser().find(By.linkText("ONS4 personal wellbeing")).click();
    waitForPath(browser(), p -> p.contains("/outcomes/new"), "/cases/{id}/outcomes/new");
    choose("occasion", occasion);
    for (String item : new String[] {"life_satisfaction", "worthwhile", "happiness"}) {
      choose("answer." + item, Integer.toString(wellbeing));
    }
    choose("answer.anxiety", Integer.toString(anxiety));
    page(screenshot, "ONS4 form");
    submit();
    waitForPath(browser(), p -> p.endsWith("/outcomes"), "/cases/{id}/outcomes");
  }
}
