package org.waymark.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.waymark.shared.ProblemResponses;
import org.waymark.shared.PublicEndpoint;
import org.waymark.shared.RequestContext;

/**
 * Answers errors raised outside controllers (for example a refusal from a filter): a friendly page,
 * or problem details for API addresses. Replaces Spring Boot's default error controller.
 */
@Controller
class ErrorPageController implements ErrorController {

  @RequestMapping("/error")
  @PublicEndpoint("Error pages must render for anyone, signed in or not")
  ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // Someone who opens /error directly has found no page.
    int status = code instanceof Integer i ? i : 404;
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    if (uri instanceof String path && (path.startsWith("/api/") || path.equals("/api"))) {
      ProblemResponses.write(response, request, status, title, title + ".");
      return new ModelAndView();
    }
    response.setStatus(status);
    String view =
        switch (status) {
          case 403 -> "error/403";
          case 404 -> "error/404";
          default -> status >= 500 ? "error/500" : "error/4xx";
        };
    ModelAndView page = new ModelAndView(view);
    page.addObject("status", status);
    page.addObject("requestId", request.getAttribute(RequestContext.REQUEST_ID));
    return page;
  }
}
