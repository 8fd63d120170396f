package org.waymark.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.waymark.shared.DatabaseUnavailable;
import org.waymark.shared.ProblemResponses;
import org.waymark.shared.RequestContext;

/**
 * Answers 503 with {@code Retry-After} when a request fails because the database cannot be reached
 * or has no connection free in time, wherever it failed: in a page, in the API, in FHIR, or before
 * any of them (reading the session from the database). It runs outside the session filter, so the
 * answer needs nothing from the database: a page that says the service is busy and nothing was
 * saved, a problem document for the API, an OperationOutcome for FHIR. Controllers' own handlers
 * answer the same way when the failure reaches them first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  static final String DETAIL =
      "The service is busy or cannot reach its database. Try again in a minute.";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!DatabaseUnavailable.is(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unavailable for request {}: {}", RequestContext.requestId(), e.toString());
      answer(request, response);
    }
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  private static void answer(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.reset();
    String id = RequestContext.requestId();
    if (id != null) {
      response.setHeader("X-Request-Id", id);
    }
    response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (ProblemResponses.isApi(request)) {
      ProblemResponses.write(response, request, 503, "Service Unavailable", DETAIL);
      return;
    }
    response.setStatus(503);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (path.equals("/fhir") || path.startsWith("/fhir/")) {
      response.setContentType("application/fhir+json");
      response
          .getWriter()
          .write(
              "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                  + "\"code\":\"transient\",\"diagnostics\":\""
                  + DETAIL
                  + "\"}]}");
      return;
    }
    response.setContentType("text/html");
    response.getWriter().write(page(request.getContextPath(), id));
  }

  /** A page that needs nothing but the stylesheet, so it shows when nothing else can. */
  static String page(String contextPath, String requestId) {
    String reference =
        requestId == null
            ? ""
            : "<p>Reference: <span class=\"nhsuk-u-font-weight-bold\">"
                + HtmlUtils.htmlEscape(requestId)
                + "</span></p>";
    return "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>Sorry, the service is busy - Waymark</title>"
        + "<link rel=\"stylesheet\" href=\""
        + HtmlUtils.htmlEscape(contextPath)
        + "/css/waymark.css\"></head><body>"
        + "<header class=\"nhsuk-header\" role=\"banner\"><div class=\"nhsuk-header__container\">"
        + "<span class=\"nhsuk-header__service-name\">Waymark</span></div></header>"
        + "<div class=\"nhsuk-width-container\"><main class=\"nhsuk-main-wrapper\" id=\"maincontent\">"
        + "<div class=\"nhsuk-grid-row\"><div class=\"nhsuk-grid-column-two-thirds\">"
        + "<h1>Sorry, the service is busy</h1>"
        + "<p>Waymark could not reach its records just now. Nothing you sent on this page was"
        + " saved.</p>"
        + "<p>Wait a minute, then try again. If it keeps happening, tell your Waymark administrator"
        + " and quote the reference below.</p>"
        + reference
        + "</div></div></main></div></body></html>";
  }
}
