package org.waymark.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.IdentityValidationException;
import org.waymark.shared.DatabaseUnavailable;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.RequestContext;

/**
 * Every error from a JSON API controller becomes RFC 9457 problem details carrying the request id;
 * never exception text or a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandling.class);

  @ExceptionHandler({RecordNotFoundException.class, IdentityManagement.NotFoundException.class})
  ResponseEntity<Object> notFound(RuntimeException e, WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such record.");
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
  }

  @ExceptionHandler(IdentityValidationException.class)
  ResponseEntity<Object> invalid(IdentityValidationException e, WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
    problem.setProperty("errors", List.of(Map.of("field", e.field(), "code", e.messageKey())));
    return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
  }

  @ExceptionHandler(ApiBodyLimitFilter.BodyTooLargeException.class)
  ResponseEntity<Object> tooLarge(Exception e, WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
    return handleExceptionInternal(
        e, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
    if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
      throw e; // answered by the security configuration, which also audits refusals
    }
    if (DatabaseUnavailable.is(e)) {
      log.warn(
          "Database unavailable for API request {}: {}", RequestContext.requestId(), e.toString());
      HttpHeaders headers = new HttpHeaders();
      headers.set("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "The service is busy or cannot reach its database. Try again in a minute.");
      return handleExceptionInternal(e, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }
    log.error("Unexpected error in API request {}", RequestContext.requestId(), e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong. Quote the request id if you report it.");
    return handleExceptionInternal(
        e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request is not valid.");
    problem.setProperty(
        "errors",
        e.getBindingResult().getFieldErrors().stream()
            .map(
                f ->
                    Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
            .toList());
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(status);
    if (request instanceof org.springframework.web.context.request.ServletWebRequest swr) {
      HttpServletRequest http = swr.getRequest();
      problem.setInstance(java.net.URI.create(http.getRequestURI()));
    }
    problem.setProperty("requestId", RequestContext.requestId());
    HttpHeaders h = new HttpHeaders();
    h.addAll(headers);
    h.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    return ResponseEntity.status(status).headers(h).body(problem);
  }
}
