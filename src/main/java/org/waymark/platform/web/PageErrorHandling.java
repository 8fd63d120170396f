package org.waymark.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.waymark.identity.IdentityManagement;
import org.waymark.shared.DatabaseUnavailable;
import org.waymark.shared.ProblemResponses;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.RequestContext;

/**
 * Errors from pages (and unknown addresses) become the friendly 400, 404 and 500 pages; under
 * {@code /api/} they become problem details. Refusals are left to the security configuration.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorHandling {

  private static final Logger log = LoggerFactory.getLogger(PageErrorHandling.class);

  @ExceptionHandler({
    RecordNotFoundException.class,
    IdentityManagement.NotFoundException.class,
    NoResourceFoundException.class
  })
  ModelAndView notFound(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return answer(request, response, 404, "Not Found", "No such page or record.", "error/404");
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class,
    org.springframework.web.bind.ServletRequestBindingException.class
  })
  ModelAndView badRequest(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // A malformed id in an address is, for the person who followed it, a page that does not exist.
    return answer(
        request,
        response,
        request.getMethod().equals("GET") ? 404 : 400,
        "Bad Request",
        "The request is not valid.",
        request.getMethod().equals("GET") ? "error/404" : "error/4xx");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ModelAndView methodNotAllowed(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return answer(
        request,
        response,
        405,
        "Method Not Allowed",
        "This address does not take that method.",
        "error/4xx");
  }

  @ExceptionHandler(ApiBodyLimitFilter.BodyTooLargeException.class)
  ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return answer(
        request, response, 413, "Content Too Large", "The request body is too large.", "error/4xx");
  }

  /**
   * A multipart body the container cannot parse (a browser never sends one; a hand-made request
   * may, for example with an unbalanced quote in a file name) is a bad request, not a fault.
   */
  @ExceptionHandler(MultipartException.class)
  ModelAndView badUpload(
      MultipartException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (e instanceof MaxUploadSizeExceededException) {
      return answer(
          request, response, 413, "Content Too Large", "The upload is too large.", "error/4xx");
    }
    log.info("Unreadable upload in request {}: {}", RequestContext.requestId(), e.toString());
    return answer(
        request, response, 400, "Bad Request", "The upload could not be read.", "error/4xx");
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
      throw e;
    }
    if (DatabaseUnavailable.is(e)) {
      log.warn("Database unavailable for request {}: {}", RequestContext.requestId(), e.toString());
      response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      return answer(
          request,
          response,
          503,
          "Service Unavailable",
          "The service is busy or cannot reach its database. Try again in a minute.",
          "error/503");
    }
    log.error("Unexpected error in request {}", RequestContext.requestId(), e);
    return answer(
        request,
        response,
        500,
        "Internal Server Error",
        "Something went wrong. Quote the request id if you report it.",
        "error/500");
  }

  private static ModelAndView answer(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String detail,
      String view)
      throws IOException {
    if (ProblemResponses.isApi(request)) {
      ProblemResponses.write(response, request, status, title, detail);
      return new ModelAndView();
    }
    response.setStatus(status);
    ModelAndView page = new ModelAndView(view);
    page.addObject("status", status);
    page.addObject("requestId", RequestContext.requestId());
    return page;
  }
}
