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
import org.waymark.identity.Role;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;

/**
 * The demo administrator builds a two-question questionnaire with a banded score, previews and
 * publishes it, without JavaScript being needed for any step; then a link worker gives it on a case
 * and sees the score. Every page visited meets WCAG 2.2 AA.
 */
class QuestionnaireBuilderBrowserTests extends BrowserTestSupport {

  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;

  @Test
  void administratorBuildsAndPublishesAQuestionnaireAndALinkWorkerGivesIt() {
    String code = "B" + Long.toString(System.nanoTime(), 36).toUpperCase();
    String title = "Garden group check " + code;

    LoginPage.open(browser()).signInAs(Role.ADMINISTRATOR);
    // The administrator's menu is long; the home page's card is the way in that is always shown.
    browser().find(By.cssSelector("main a[href='/admin/questionnaires']")).click();
    waitForPath(browser(), p -> p.equals("/admin/questionnaires"), "/admin/questionnaires");
    page("questionnaires", "the questionnaires");
    browser().find(By.linkText("Create a questionnaire")).click();
    waitForPath(browser(), p -> p.equals("/admin/questionnaires/new"), "/admin/questionnaires/new");
    page("questionnaire-create", "creating a questionnaire");
    type("code", code);
    type("title", title);
    type("licence", "Written by the Moorland link workers; free to use.");
    submit();
    waitForPath(browser(), p -> p.contains("/drafts/"), "/admin/questionnaires/drafts/{id}");
    page("questionnaire-draft-empty", "the new draft");

    // A scale ...
    addQuestion("SCALE", "question-type");
    type("text", "How much do you enjoy time outdoors?");
    type("min", "0");
    type("max", "4");
    type("minLabel", "Not at all");
    type("maxLabel", "Very much");
    page("question-scale", "a scale question");
    submit();
    waitForPath(browser(), p -> p.matches(".*/drafts/[0-9a-f-]{36}"), "the draft");

    // ... and one answer from a list, each answer with its stored score.
    addQuestion("SINGLE_CHOICE", null);
    type("text", "How often do you get outside?");
    type("option-1-label", "Rarely");
    type("option-1-value", "0");
    type("option-2-label", "Most weeks");
    type("option-2-value", "1");
    type("option-3-label", "Every day");
    type("option-3-value", "2");
    page("question-choice", "a choice question");
    submit();
    waitForPath(browser(), p -> p.matches(".*/drafts/[0-9a-f-]{36}"), "the draft");
    assertThat(browser().findAll(By.cssSelector("[data-testid=item] h3")))
        .extracting(e -> e.getText())
        .containsExactly(
            "1. How much do you enjoy time outdoors?", "2. How often do you get outside?");

    // A score adding both up, with two bands.
    browser().find(By.linkText("Add a score")).click();
    waitForPath(browser(), p -> p.endsWith("/scores/new"), "/scores/new");
    type("label", "Outdoors score");
    type("band-1-label", "Low");
    type("band-1-from", "0");
    type("band-1-to", "3");
    type("band-2-label", "High");
    type("band-2-from", "4");
    type("band-2-to", "6");
    page("score", "a score with bands");
    submit();
    waitForPath(browser(), p -> p.matches(".*/drafts/[0-9a-f-]{36}"), "the draft");
    assertThat(text("[data-testid=score]")).contains("Low: 0 to 3").contains("High: 4 to 6");
    page("questionnaire-draft", "the draft with questions and a score");

    browser().find(By.cssSelector("[data-testid=preview]")).click();
    waitForPath(browser(), p -> p.endsWith("/preview"), "/preview");
    assertThat(text("[data-testid=questions]"))
        .contains("1. How much do you enjoy time outdoors?")
        .contains("0 is not at all, 4 is very much")
        .contains("Every day");
    page("questionnaire-preview", "the preview");
    browser().find(By.linkText("Back to the draft")).click();

    browser().find(By.cssSelector("[data-testid=publish]")).click();
    waitForPath(browser(), p -> p.endsWith("/publish"), "/publish");
    page("questionnaire-publish", "publishing");
    submit();
    waitForPath(
        browser(),
        p -> p.equals("/admin/questionnaires/" + code + "/versions/1"),
        "/admin/questionnaires/{code}/versions/1");
    assertThat(text("[data-testid=success]")).contains(title + " version 1 published");
    page("questionnaire-published", "the published version");
    signOut();

    // A link worker gives it with the person and sees the score.
    ConnectionFixture f = new ConnectionFixture(identity, curation, 0);
    CaseFile openCase = f.openCase(referrals, triage, "Olive", "Hargreaves");
    LoginPage.open(browser()).signIn(f.linkWorker.email(), TestUsers.PASSWORD);
    browser().open("/cases/" + openCase.id() + "/outcomes");
    browser().find(By.linkText(title)).click();
    waitForPath(browser(), p -> p.contains("/outcomes/new"), "/cases/{id}/outcomes/new");
    choose("occasion", "BASELINE");
    choose("answer.q1", "3");
    choose("answer.q2", "2");
    page("questionnaire-given", "the questionnaire on a case");
    submit();
    waitForPath(browser(), p -> p.endsWith("/outcomes"), "/cases/{id}/outcomes");
    assertThat(text("[data-testid=history][data-instrument=" + code + "]"))
        .contains("Outdoors score")
        .contains("5 (high)");
    page("questionnaire-scored", "the score on the outcomes page");
  }

  /** From the draft, adds a question of a kind, arriving at its form. */
  private void addQuestion(String type, String screenshot) {
    browser().find(By.cssSelector("[data-testid=add-item]")).click();
    waitForPath(browser(), p -> p.endsWith("/items/new"), "/items/new");
    if (screenshot != null) {
      page(screenshot, "choosing the kind of question");
    }
    choose("type", type);
    browser().find(By.xpath("//main//button[normalize-space()='Continue']")).click();
    waitForPath(browser(), p -> p.contains("/items/new?"), "/items/new?type=" + type);
  }
}
