package org.waymark.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Chromium, driven through ChromeDriver, pointed at the running application. It saves
 * a screenshot of every page a page object arrives at to {@code
 * target/screenshots/<test>-<page>.png}.
 *
 * <p>The driver and browser are Debian's ({@code /usr/bin/chromedriver}, {@code
 * /usr/bin/chromium}), named explicitly so that Selenium Manager never looks for or downloads
 * either.
 */
public final class Browser implements AutoCloseable {

  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  public static final String CHROMIUM = "/usr/bin/chromium";

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final List<String> FLAGS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1280,1024");

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path profile;
  private final Map<String, Integer> screenshotsThisTest = new HashMap<>();
  private String testName = "test";

  private Browser(ChromeDriver driver, String baseUrl, Path profile) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.profile = profile;
  }

  /** Starts a headless Chromium with a fresh profile, for the application on this local port. */
  public static Browser start(int port) {
    Path profile;
    try {
      profile = Files.createTempDirectory("waymark-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a Chromium profile folder", e);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.SEVERE);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Browser(driver, "http://localhost:" + port, profile);
  }

  /**
   * Starts a test: screenshots from now on are named after it, and the browser forgets every cookie
   * so that no test inherits another's session.
   */
  public void startTest(String name) {
    this.testName = fileName(name);
    screenshotsThisTest.clear();
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    wide();
    driver.get("about:blank");
    // Reading the browser's log empties it, so this test does not see the last one's errors.
    consoleErrors();
  }

  /** Shows pages as a phone of this width in CSS pixels would (a touch screen, mobile layout). */
  public Browser narrow(int width) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    return this;
  }

  /** Back to the desktop window every test starts with. */
  public Browser wide() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    return this;
  }

  /** Whether the current page is wider than the screen, so that a reader must scroll sideways. */
  public boolean scrollsSideways() {
    Object wider =
        driver.executeScript(
            "return document.documentElement.scrollWidth > window.innerWidth + 1;");
    return Boolean.TRUE.equals(wider);
  }

  /** The WebDriver, for what the page objects do not cover. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Goes to a path of the application, for example {@code /login}. */
  public Browser open(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /** Goes to an absolute address (used by the crawl, which follows the links it finds). */
  public Browser openUrl(String url) {
    driver.get(url);
    return this;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The path (and query) of the current page, without the origin. */
  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
  }

  /** The HTTP status of the response that produced the current document (0 if unknown). */
  public int status() {
    Object status =
        driver.executeScript(
            "const n = performance.getEntriesByType('navigation')[0];"
                + " return n && n.responseStatus ? n.responseStatus : 0;");
    return status instanceof Number n ? n.intValue() : 0;
  }

  /** The text of the page's first heading, or an empty string. */
  public String h1() {
    List<WebElement> headings = driver.findElements(By.tagName("h1"));
    return headings.isEmpty() ? "" : headings.get(0).getText().trim();
  }

  public WebElement find(By by) {
    return driver.findElement(by);
  }

  public List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  /**
   * Errors the browser logged since the last call: script errors, refused resources and Content
   * Security Policy violations. The current document's own error status is not counted, because an
   * error page is expected to answer with one.
   */
  public List<String> consoleErrors() {
    String current = driver.getCurrentUrl();
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.startsWith(current + " - Failed to load resource"))
        .toList();
  }

  /** Saves a full-page screenshot of the current page as {@code <test>-<page>.png}. */
  public Path screenshot(String page) {
    String name = testName + "-" + fileName(page);
    int seen = screenshotsThisTest.merge(name, 1, Integer::sum);
    if (seen > 1) {
      name = name + "-" + seen;
    }
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> clip =
        Map.of(
            "x", 0,
            "y", 0,
            "width", ((Number) size.get("width")).doubleValue(),
            "height", ((Number) size.get("height")).doubleValue(),
            "scale", 1);
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save a screenshot", e);
    }
  }

  /** Runs axe-core on the current page and fails the test if it finds WCAG 2.2 AA violations. */
  public void assertAccessible(String page) {
    Axe.assertNoViolations(driver, page);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }

  /** A name safe for a file: letters, digits and hyphens. */
  static String fileName(String text) {
    String name = text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return name.isEmpty() ? "page" : name;
  }
}
