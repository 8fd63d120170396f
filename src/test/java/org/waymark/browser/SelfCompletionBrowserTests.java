package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;

/**
 * A link worker records SWEMWBS with the person, then texts them a link; the person answers on a
 * phone-sized screen (saving part-way, missing a question, then sending), the used link is refused,
 * and the link worker sees the change. Every page meets WCAG 2.2 AA; none scrolls sideways.
 */
class SelfCompletionBrowserTests extends BrowserTestSupport {

  private static final String[] ITEMS = {
    "optimistic",
    "useful",
    "relaxed",
    "dealing_with_problems",
    "thinking_clearly",
    "close_to_others",
    "own_mind"
  };

  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired JdbcClient jdbc;

  @Test
  void thePersonAnswersSwemwbsOnAPhoneAndTheLinkWorkerSeesTheChange() {
    ConnectionFixture f = new ConnectionFixture(identity, curation, 0);
    CaseFile openCase = f.openCase(referrals, triage, "Wilf", "Ackroyd");
    String outcomes = "/cases/" + openCase.id() + "/outcomes";
    LoginPage.open(browser()).signIn(f.linkWorker.email(), TestUsers.PASSWORD);
    browser().open(outcomes);
    browser().find(By.linkText("Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)")).click();
    waitForPath(browser(), p -> p.contains("/outcomes/new"), "/cases/{id}/outcomes/new");
    choose("occasion", "BASELINE");
    for (String item : ITEMS) {
      choose("answer." + item, "2");
    }
    submit();
    waitForPath(browser(), p -> p.endsWith("/outcomes"), "/cases/{id}/outcomes");

    new Select(browser().find(By.id("link-instrument"))).selectByValue("SWEMWBS");
    choose("occasion", "REVIEW");
    browser().find(By.cssSelector("[data-testid=link-form] button[type=submit]")).click();
    waitForPath(browser(), p -> p.endsWith("/outcomes"), "/cases/{id}/outcomes");
    assertThat(text("[data-testid=links-table]"))
        .contains("Not opened yet")
        .contains("text message");
    page("link-sent", "outcomes with the link sent");
    signOut();

    String token = token(openCase);
    browser().narrow(375);
    browser().open("/q/" + token);
    waitForPath(browser(), p -> p.equals("/questionnaire"), "/questionnaire");
    assertThat(browser().driver().getCurrentUrl()).doesNotContain(token);
    assertThat(browser().h1()).contains("SWEMWBS");
    assertThat(browser().scrollsSideways()).isFalse();
    page("phone-questions", "the questionnaire on a phone");

    choose("answer.optimistic", "4");
    choose("answer.useful", "4");
    browser().find(By.cssSelector("[data-testid=save]")).click();
    waitFor("[data-testid=carry-on]");
    assertThat(browser().h1()).isEqualTo("Your answers are saved");
    page("phone-saved", "answers saved part-way");
    browser().find(By.cssSelector("[data-testid=carry-on]")).click();
    waitFor("[data-testid=self-form]");
    assertThat(
            browser().find(By.cssSelector("input[name='answer.useful'][value='4']")).isSelected())
        .isTrue();

    for (String item : new String[] {"relaxed", "dealing_with_problems", "thinking_clearly"}) {
      choose("answer." + item, "4");
    }
    browser().find(By.cssSelector("[data-testid=send]")).click();
    waitFor("[data-testid=problems]");
    assertThat(text("[data-testid=problems]"))
        .contains("Answer question 6")
        .contains("Answer question 7");
    page("phone-missing", "questions with two unanswered");
    assertThat(browser().scrollsSideways()).isFalse();

    choose("answer.close_to_others", "4");
    choose("answer.own_mind", "4");
    browser().find(By.cssSelector("[data-testid=send]")).click();
    waitForPath(browser(), p -> p.equals("/questionnaire/done"), "/questionnaire/done");
    assertThat(text("[data-testid=confirmation]")).contains("Answers sent");
    page("phone-done", "answers sent");

    browser().open("/q/" + token);
    assertThat(browser().h1()).isEqualTo("You have already sent your answers");
    page("phone-link-used", "the link used");

    browser().wide();
    LoginPage.open(browser()).signIn(f.linkWorker.email(), TestUsers.PASSWORD);
    browser().open(outcomes);
    assertThat(text("[data-testid=links-table]")).contains("Answers received");
    assertThat(text("[data-testid=changes]"))
        .contains("Metric score")
        .contains("Better, a meaningful change");
    page("change-seen", "the change after the person answered");
  }

  /** Waits for the page that shows this element (the address may stay the same). */
  private void waitFor(String css) {
    new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  private String token(CaseFile c) {
    String body =
        jdbc.sql(
                """
                SELECT body FROM notification_outbox
                WHERE recipient_person_id = ? AND template = 'SELF_COMPLETION_LINK'
                """)
            .param(c.personId())
            .query(String.class)
            .single();
    Matcher m = Pattern.compile("/q/([A-Za-z0-9_-]{43})").matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
