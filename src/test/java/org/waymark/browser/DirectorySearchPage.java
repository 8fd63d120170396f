package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The directory search at {@code /directory}: the form, and the results once searched. */
public final class DirectorySearchPage {

  public static final String HEADING = "Community service directory Find a service";

  private final Browser browser;

  private DirectorySearchPage(Browser browser, String page) {
    this.browser = browser;
    BrowserTestSupport.waitForPath(browser, p -> p.startsWith("/directory"), "/directory");
    assertThat(browser.h1().replace('\n', ' ')).isEqualTo(HEADING);
    browser.screenshot(page);
  }

  /** Opens the search by the header's link, as a user would. */
  public static DirectorySearchPage openFromHeader(Browser browser) {
    browser.find(By.linkText("Directory")).click();
    return new DirectorySearchPage(browser, "directory-search");
  }

  /** Types into a text field of the form, replacing what was there. */
  public DirectorySearchPage type(String field, String value) {
    WebElement input = reveal(browser.find(By.id(field)));
    input.clear();
    input.sendKeys(value);
    return this;
  }

  /** Ticks a checkbox of the form. */
  public DirectorySearchPage tick(String field) {
    WebElement box = reveal(browser.find(By.id(field)));
    if (!box.isSelected()) {
      browser.find(By.cssSelector("label[for=" + field + "]")).click();
    }
    return this;
  }

  /** Opens "More filters" first if the field is folded away in it, as a user would. */
  private WebElement reveal(WebElement field) {
    if (!field.isDisplayed()) {
      browser.find(By.cssSelector("main form details summary")).click();
    }
    return field;
  }

  public DirectorySearchPage search() {
    // The results come back to the same address, so wait for the old page to go, not for a path.
    WebElement before = browser.find(By.tagName("html"));
    browser.find(By.cssSelector("main form button[type=submit]")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.stalenessOf(before));
    return new DirectorySearchPage(browser, "directory-results");
  }

  /** "3 services found", or empty if no search has been made. */
  public String resultCount() {
    List<WebElement> count = browser.findAll(By.cssSelector("[data-testid=result-count]"));
    return count.isEmpty() ? "" : count.get(0).getText().trim();
  }

  public List<String> serviceNames() {
    return browser.findAll(By.cssSelector("[data-testid=service-result] h3")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  public List<String> reasons() {
    return browser.findAll(By.cssSelector("[data-testid=reasons]")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  /** The messages in the error summary; empty if there is none. */
  public List<String> errors() {
    return browser.findAll(By.cssSelector(".nhsuk-error-summary__list li")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  /** Follows a result's link to its service page. */
  public ServicePage open(String serviceName) {
    browser.find(By.linkText(serviceName)).click();
    return ServicePage.arrived(browser);
  }
}
