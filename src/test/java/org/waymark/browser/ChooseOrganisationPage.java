package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Where a user with several memberships chooses the organisation and role they act for. */
public final class ChooseOrganisationPage {

  public static final String HEADING = "Choose the organisation you are acting for";

  private final Browser browser;

  private ChooseOrganisationPage(Browser browser) {
    this.browser = browser;
    BrowserTestSupport.waitForPath(
        browser, p -> p.equals("/choose-organisation"), "/choose-organisation");
    assertThat(browser.h1()).isEqualTo(HEADING);
    browser.screenshot("choose-organisation");
  }

  static ChooseOrganisationPage arrived(Browser browser) {
    return new ChooseOrganisationPage(browser);
  }

  /** The choices offered, as "Organisation – role". */
  public List<String> choices() {
    return labels().stream().map(WebElement::getText).map(String::trim).toList();
  }

  /** Chooses the membership whose label starts with the organisation's name, and continues. */
  public HomePage actFor(String organisationName) {
    WebElement label =
        labels().stream()
            .filter(l -> l.getText().trim().startsWith(organisationName + " "))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("No choice for " + organisationName + " in " + choices()));
    label.click();
    return continueToHome();
  }

  /** Chooses the first membership offered, and continues. */
  public HomePage actForFirst() {
    labels().get(0).click();
    return continueToHome();
  }

  private List<WebElement> labels() {
    return browser.findAll(By.cssSelector(".nhsuk-radios__label"));
  }

  private HomePage continueToHome() {
    browser.find(By.cssSelector("main form button[type=submit]")).click();
    return HomePage.arrived(browser);
  }
}
