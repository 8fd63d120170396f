package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.waymark.identity.Role;

/**
 * Every page checked with axe-core for WCAG 2.2 AA in a real browser: the pages anyone can reach,
 * and for each role every page reachable by following links from its home page.
 */
class AccessibilityBrowserTests extends BrowserTestSupport {

  private static final int MAX_PAGES_PER_ROLE = 60;

  /** Not pages: sign-out is a form, the rest are machine endpoints or assets. */
  private static final List<String> NOT_CRAWLED =
      List.of(
          "/logout",
          "/actuator",
          "/api",
          "/v3",
          "/swagger-ui",
          "/css",
          "/js",
          "/nhsuk",
          "/images",
          "/favicon");

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /login                 | Sign in to Waymark
          /login?error           | Sign in to Waymark
          /login?signedOut       | Sign in to Waymark
          /accessibility         | Accessibility statement for Waymark
          /privacy               | Privacy notice
          /cookies               | Cookies
          /nhsuk/no-such-page    | Page not found
          """)
  void pageAnyoneCanReachMeetsWcag22AA(String path, String heading) {
    browser().open(path);
    assertThat(browser().h1()).isEqualTo(heading);
    assertThat(browser().path()).isEqualTo(path);
    browser().screenshot("page");

    assertThat(browser().consoleErrors()).isEmpty();
    browser().assertAccessible(path);
  }

  @Test
  void pageNotFoundMeetsWcag22AAForASignedInUser() {
    LoginPage.open(browser()).signInAs(Role.REFERRER);
    browser().open("/no-such-page");

    assertThat(browser().status()).isEqualTo(404);
    assertThat(browser().h1()).isEqualTo("Page not found");
    browser().screenshot("not-found");
    assertThat(browser().consoleErrors()).isEmpty();
    browser().assertAccessible("page not found");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Role.class)
  void everyPageLinkedFromTheHomePageMeetsWcag22AA(Role role) {
    LoginPage.open(browser()).signInAs(role);

    Map<String, String> linkedFrom = new LinkedHashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    queue.add(browser().baseUrl() + "/");
    seen.add("/");
    List<String> visited = new ArrayList<>();
    List<String> problems = new ArrayList<>();

    while (!queue.isEmpty() && visited.size() < MAX_PAGES_PER_ROLE) {
      String url = queue.poll();
      // Signing in left the browser on the home page, which has its screenshot already.
      if (!url.equals(browser().driver().getCurrentUrl())) {
        browser().openUrl(url);
        browser().screenshot(key(browser().path()));
      }
      String path = browser().path();
      String page =
          path + (linkedFrom.containsKey(url) ? " (linked from " + linkedFrom.get(url) + ")" : "");
      if (path.startsWith("/login")) {
        problems.add(url + " signed the " + role.label() + " out");
        break;
      }
      visited.add(path);

      int status = browser().status();
      // A link a role is shown must lead somewhere that role may go: no broken or forbidden links.
      if (status == 403 || status == 404 || status >= 500) {
        problems.add(page + " answered " + status + ": " + browser().h1());
      }
      List<Axe.Violation> violations = Axe.violations(browser().driver());
      if (!violations.isEmpty()) {
        problems.add(Axe.describe(page, violations));
      }
      List<String> console = browser().consoleErrors();
      if (!console.isEmpty()) {
        problems.add("Browser errors on " + page + ":\n- " + String.join("\n- ", console));
      }
      if (status == 200) {
        for (String link : links()) {
          String linkPath = URI.create(link).getRawPath();
          if (seen.add(key(linkPath))) {
            queue.add(link);
            linkedFrom.put(link, path);
          }
        }
      }
    }

    assertThat(visited)
        .as("pages the %s reached", role.label())
        .contains("/", "/accessibility", "/privacy", "/cookies");
    if (!problems.isEmpty()) {
      fail(
          "The %s reached %d pages; problems:%n%n%s",
          role.label(), visited.size(), String.join("\n\n", problems));
    }
  }

  /** Same-origin links on the current page, without fragments, to pages a GET may safely fetch. */
  private List<String> links() {
    @SuppressWarnings("unchecked")
    List<String> hrefs =
        (List<String>)
            browser()
                .driver()
                .executeScript(
                    "return Array.from(document.querySelectorAll('a[href]'))"
                        + ".filter(a => !a.hasAttribute('download') && a.origin === location.origin)"
                        + ".map(a => a.origin + a.pathname + a.search);");
    return hrefs.stream()
        .distinct()
        .filter(href -> NOT_CRAWLED.stream().noneMatch(prefix -> isUnder(pathOf(href), prefix)))
        .toList();
  }

  private static boolean isUnder(String path, String prefix) {
    return path.equals(prefix)
        || path.startsWith(prefix + "/")
        || path.startsWith(prefix + ".")
        || path.startsWith(prefix + "?");
  }

  private String pathOf(String href) {
    return href.substring(browser().baseUrl().length());
  }

  /** Pages are the same page whatever record they show. */
  private static String key(String path) {
    String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return UUID.matcher(withoutQuery).replaceAll("{id}");
  }
}
