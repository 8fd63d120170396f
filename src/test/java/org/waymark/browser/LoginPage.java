package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.waymark.identity.Role;
import org.waymark.support.DemoAccounts;

/** The sign-in page at {@code /login}. */
public final class LoginPage {

  public static final String HEADING = "Sign in to Waymark";

  private final Browser browser;

  private LoginPage(Browser browser, String page) {
    this.browser = browser;
    BrowserTestSupport.waitForPath(browser, p -> p.startsWith("/login"), "/login");
    assertThat(browser.h1()).isEqualTo(HEADING);
    browser.screenshot(page);
  }

  /** Opens the sign-in page. */
  public static LoginPage open(Browser browser) {
    browser.open("/login");
    return new LoginPage(browser, "sign-in");
  }

  /** Expects to have been sent to the sign-in page, for example by asking for a page signed out. */
  public static LoginPage sentHere(Browser browser, String page) {
    return new LoginPage(browser, page);
  }

  static LoginPage afterSigningOut(Browser browser) {
    BrowserTestSupport.waitForPath(
        browser, p -> p.startsWith("/login?signedOut"), "/login?signedOut");
    return new LoginPage(browser, "signed-out");
  }

  /** Signs in and expects to go straight to the home page. */
  public HomePage signIn(String email, String password) {
    submit(email, password);
    return HomePage.arrived(browser);
  }

  /** Signs in and expects to be asked which organisation to act for. */
  public ChooseOrganisationPage signInAskedToChoose(String email, String password) {
    submit(email, password);
    return ChooseOrganisationPage.arrived(browser);
  }

  /**
   * Signs in with details that must be refused, and expects the sign-in page again, with errors.
   */
  public LoginPage signInRefused(String email, String password) {
    submit(email, password);
    BrowserTestSupport.waitForPath(browser, p -> p.startsWith("/login?error"), "/login?error");
    return new LoginPage(browser, "sign-in-error");
  }

  /**
   * Signs in as a role's demo account and reaches the home page, acting for the first organisation
   * offered when the account has several.
   */
  public HomePage signInAs(Role role) {
    submit(DemoAccounts.email(role), DemoAccounts.PASSWORD);
    BrowserTestSupport.waitForPath(
        browser,
        p -> p.equals("/") || p.equals("/choose-organisation"),
        "/ or /choose-organisation");
    if (browser.path().equals("/choose-organisation")) {
      return ChooseOrganisationPage.arrived(browser).actForFirst();
    }
    return HomePage.arrived(browser);
  }

  /** The messages in the error summary; empty if there is none. */
  public List<String> errors() {
    return browser.findAll(By.cssSelector(".nhsuk-error-summary__list li")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  /** Whether the error summary is the focused element, as the NHS.UK error summary arranges. */
  public boolean errorSummaryHasFocus() {
    String classes = browser.driver().switchTo().activeElement().getDomAttribute("class");
    return classes != null && classes.contains("nhsuk-error-summary");
  }

  /** The information shown above the form (for example after signing out); empty if none. */
  public String information() {
    List<WebElement> inset = browser.findAll(By.cssSelector(".nhsuk-inset-text p"));
    return inset.isEmpty() ? "" : inset.get(0).getText().trim();
  }

  public Header header() {
    return new Header(browser);
  }

  private void submit(String email, String password) {
    WebElement username = browser.find(By.id("username"));
    username.clear();
    username.sendKeys(email);
    WebElement pw = browser.find(By.id("password"));
    pw.clear();
    pw.sendKeys(password);
    browser.find(By.cssSelector("main form button[type=submit]")).click();
  }
}
