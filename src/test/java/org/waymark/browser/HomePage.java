package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;

/** The signed-in home page at {@code /}: a welcome and what the user's role can do. */
public final class HomePage {

  private final Browser browser;

  private HomePage(Browser browser) {
    this.browser = browser;
    BrowserTestSupport.waitForPath(browser, p -> p.equals("/"), "/");
    assertThat(browser.h1()).contains("Welcome, ");
    browser.screenshot("home");
  }

  static HomePage arrived(Browser browser) {
    return new HomePage(browser);
  }

  /** The heading's caption: the role and organisation the user is acting for. */
  public String caption() {
    return browser.find(By.cssSelector("h1 .nhsuk-caption-l")).getText().trim();
  }

  public Header header() {
    return new Header(browser);
  }
}
