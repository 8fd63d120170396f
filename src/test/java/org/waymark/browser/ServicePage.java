package org.waymark.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A service's listing in the directory, at {@code /directory/services/{id}}. */
public final class ServicePage {

  private final Browser browser;

  private ServicePage(Browser browser) {
    this.browser = browser;
    BrowserTestSupport.waitForPath(
        browser, p -> p.startsWith("/directory/services/"), "/directory/services/{id}");
    browser.screenshot("service");
  }

  static ServicePage arrived(Browser browser) {
    return new ServicePage(browser);
  }

  /** The service's name, without the organisation shown above it. */
  public String heading() {
    WebElement h1 = browser.find(By.tagName("h1"));
    String caption =
        h1.findElements(By.cssSelector(".nhsuk-caption-l")).stream()
            .map(WebElement::getText)
            .findFirst()
            .orElse("");
    return h1.getText().substring(caption.length()).trim();
  }

  public List<String> openingTimes() {
    return browser.findAll(By.cssSelector("[data-testid=opening-times] li")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  /** The text of the "last verified" line or of the warning that it is not recent. */
  public String verification() {
    List<WebElement> line = browser.findAll(By.cssSelector("[data-testid=verified]"));
    if (!line.isEmpty()) {
      return line.get(0).getText().trim();
    }
    return browser.find(By.cssSelector("[data-testid=not-verified]")).getText().trim();
  }
}
