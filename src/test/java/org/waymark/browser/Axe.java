package org.waymark.browser;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Checks the current page with axe-core against WCAG 2.0, 2.1 and 2.2 at levels A and AA. axe-core
 * is the npm devDependency the build installs; its script is injected into the page for each check.
 */
public final class Axe {

  /** The axe-core rule tags checked: WCAG 2.2 AA and everything it builds on. */
  public static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static final Path SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");
  private static String source;

  private Axe() {}

  /**
   * One broken rule: its id, how bad axe-core judges it, what it means, and the elements at fault.
   */
  public record Violation(
      String rule, String impact, String help, String helpUrl, List<String> targets) {
    @Override
    public String toString() {
      return "- "
          + rule
          + " ("
          + impact
          + "): "
          + help
          + " ["
          + helpUrl
          + "]"
          + targets.stream().map(t -> "\n    " + t).collect(Collectors.joining());
    }
  }

  /** The WCAG violations axe-core finds on the current page; empty if none. */
  public static List<Violation> violations(WebDriver driver) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
      js.executeScript(source());
    }
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + "  .then(r => done(r.violations.map(v => ({"
                + "    id: v.id, impact: v.impact || 'unknown', help: v.help, helpUrl: v.helpUrl,"
                + "    targets: v.nodes.map(n => n.target.map(String).join(' '))}))))"
                + "  .catch(e => done('axe-core failed: ' + e));",
            WCAG_TAGS);
    if (result instanceof String error) {
      throw new IllegalStateException(error);
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> found = (List<Map<String, Object>>) result;
    return found.stream()
        .map(
            v -> {
              @SuppressWarnings("unchecked")
              List<String> targets = (List<String>) v.get("targets");
              return new Violation(
                  (String) v.get("id"),
                  (String) v.get("impact"),
                  (String) v.get("help"),
                  (String) v.get("helpUrl"),
                  List.copyOf(targets));
            })
        .toList();
  }

  /** Fails the test, listing every violation, if axe-core finds any on the current page. */
  public static void assertNoViolations(WebDriver driver, String page) {
    List<Violation> found = violations(driver);
    if (!found.isEmpty()) {
      fail(describe(page + " (" + driver.getCurrentUrl() + ")", found));
    }
  }

  /** A readable list of violations under a heading that names the page. */
  public static String describe(String page, List<Violation> found) {
    return "Accessibility violations on "
        + page
        + ":\n"
        + found.stream().map(Violation::toString).collect(Collectors.joining("\n"));
  }

  private static synchronized String source() {
    if (source == null) {
      if (!Files.isReadable(SCRIPT)) {
        throw new IllegalStateException(
            SCRIPT.toAbsolutePath()
                + " is missing: the build installs it with npm ci (axe-core in package.json)");
      }
      try {
        source = Files.readString(SCRIPT);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }
}
