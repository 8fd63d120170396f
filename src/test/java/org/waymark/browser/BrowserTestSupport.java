package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * Base class for browser tests: the application as every other integration test sees it (one cached
 * context, the shared test PostgreSQL, demo data) and one headless Chromium per test class, started
 * for the first test and closed after the last. Each test starts with no cookies, so signed out.
 */
@WaymarkIntegrationTest
public abstract class BrowserTestSupport {

  private static Browser browser;

  @LocalServerPort private int port;

  /** What the browser showed when a test failed, saved beside the other screenshots. */
  @RegisterExtension
  static final TestWatcher SCREENSHOT_ON_FAILURE =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          if (browser != null) {
            browser.screenshot("failed");
          }
        }
      };

  @BeforeEach
  void startBrowserTest(TestInfo test) {
    if (browser == null) {
      browser = Browser.start(port);
    }
    browser.startTest(screenshotPrefix(test));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      try {
        browser.close();
      } finally {
        browser = null;
      }
    }
  }

  /** The test class's browser. */
  protected Browser browser() {
    return browser;
  }

  /** Waits up to ten seconds for the current path (and query) to satisfy the condition. */
  protected static void waitForPath(Browser browser, Predicate<String> condition, String expected) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
        .withMessage(() -> "expected to be at " + expected + " but was at " + browser.path())
        .until(d -> condition.test(browser.path()));
  }

  /** "<TestClass>-<method>", plus the arguments' display name for parameterised tests. */
  private static String screenshotPrefix(TestInfo test) {
    String method = test.getTestMethod().map(m -> m.getName()).orElse("test");
    String name = test.getTestClass().map(Class::getSimpleName).orElse("Browser") + "-" + method;
    String display = test.getDisplayName();
    return display.equals(method + "()") ? name : name + "-" + display;
  }

  /** Follows a link of the header's menu and checks the page it leads to. */
  protected void navigate(String label, String path, String screenshot) {
    browser()
        .find(By.cssSelector("nav.nhsuk-header__navigation"))
        .findElement(By.linkText(label))
        .click();
    waitForPath(browser(), p -> p.equals(path), path);
    page(screenshot, path);
  }

  /** Saves a screenshot and checks the page: no browser errors, no WCAG 2.2 AA violations. */
  protected void page(String screenshot, String name) {
    assertThat(browser().status()).as(name).isEqualTo(200);
    browser().screenshot(screenshot);
    assertThat(browser().consoleErrors()).as(name).isEmpty();
    browser().assertAccessible(name);
  }

  protected void signOut() {
    new Header(browser()).signOut();
  }

  protected void type(String id, String value) {
    WebElement field = browser().find(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  protected void date(String id, LocalDate date) {
    type(id, Integer.toString(date.getDayOfMonth()));
    type(id + "-month", Integer.toString(date.getMonthValue()));
    type(id + "-year", Integer.toString(date.getYear()));
  }

  /** Chooses a radio button or checkbox by its name and value, through its label. */
  protected void choose(String name, String value) {
    WebElement input =
        browser().find(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    if (!input.isSelected()) {
      browser().find(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']")).click();
    }
  }

  protected void tick(String id) {
    if (!browser().find(By.id(id)).isSelected()) {
      browser().find(By.cssSelector("label[for='" + id + "']")).click();
    }
  }

  protected void submit() {
    browser().find(By.cssSelector("main form[method=post] button[type=submit]")).click();
  }

  protected String text(String css) {
    return browser().find(By.cssSelector(css)).getText();
  }

  /**
   * Waits until the element shows this text: after a form posts back to the same address, the
   * address cannot tell the new page from the old one.
   */
  protected void waitForText(String css, String expected) {
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser().driver(), java.time.Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            org.openqa.selenium.support.ui.ExpectedConditions.textToBe(
                By.cssSelector(css), expected));
  }
}
