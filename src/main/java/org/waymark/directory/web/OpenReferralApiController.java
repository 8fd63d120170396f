package org.waymark.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.directory.internal.oruk.InvalidParameterException;
import org.waymark.directory.internal.oruk.OpenReferralQueries;
import org.waymark.directory.internal.oruk.OrukParameters;
import org.waymark.shared.PublicEndpoint;
import org.waymark.shared.RequestContext;

/**
 * The directory as an Open Referral UK 3.0 API (HSDS-UK-3.0): public, read-only, readable from any
 * web page. Lists take {@code page} (from 1) and {@code per_page}; services and service at
 * locations take the filters the ORUK OpenAPI lists, combined with AND. An unknown id answers 404
 * and a parameter that cannot be read 400, both as problem details.
 */
@RestController
@RequestMapping(path = "/oruk", produces = MediaType.APPLICATION_JSON_VALUE)
@PublicEndpoint("Open Referral UK data is published for anyone")
class OpenReferralApiController {

  static final String VERSION = "HSDS-UK-3.0";
  static final String PROFILE =
      "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md";
  static final String OPENAPI_URL = "https://docs.openreferraluk.org/en/latest/openapi30.json";

  private final OpenReferralQueries queries;

  OpenReferralApiController(OpenReferralQueries queries) {
    this.queries = queries;
  }

  /**
   * Every answer, errors included, may be read by a page on any origin, even when the caller sends
   * no Origin header (the ORUK validator and harvesters do not).
   */
  @ModelAttribute
  void allowAnyOrigin(HttpServletResponse response) {
    response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
  }

  /** Which version and profile of ORUK this API follows. */
  @GetMapping({"", "/"})
  Map<String, Object> apiDetails() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("version", VERSION);
    details.put("profile", PROFILE);
    details.put("openapi_url", OPENAPI_URL);
    return details;
  }

  @GetMapping("/services")
  Map<String, Object> services(@RequestParam Map<String, String> query) {
    return queries.services(OrukParameters.services(query), OrukParameters.page(query));
  }

  @GetMapping("/services/{id}")
  Map<String, Object> service(@PathVariable String id) {
    return queries.service(id);
  }

  @GetMapping("/service_at_locations")
  Map<String, Object> serviceAtLocations(@RequestParam Map<String, String> query) {
    return queries.serviceAtLocations(
        OrukParameters.serviceAtLocations(query), OrukParameters.page(query));
  }

  @GetMapping("/service_at_locations/{id}")
  Map<String, Object> serviceAtLocation(@PathVariable String id) {
    return queries.serviceAtLocation(id);
  }

  @GetMapping("/organizations")
  Map<String, Object> organizations(@RequestParam Map<String, String> query) {
    return queries.organizations(OrukParameters.page(query));
  }

  @GetMapping("/organizations/{id}")
  Map<String, Object> organization(@PathVariable String id) {
    return queries.organization(id);
  }

  @GetMapping("/taxonomies")
  Map<String, Object> taxonomies(@RequestParam Map<String, String> query) {
    return queries.taxonomies(OrukParameters.page(query));
  }

  @GetMapping("/taxonomies/{id}")
  Map<String, Object> taxonomy(@PathVariable String id) {
    return queries.taxonomy(id);
  }

  @GetMapping("/taxonomy_terms")
  Map<String, Object> taxonomyTerms(@RequestParam Map<String, String> query) {
    return queries.taxonomyTerms(OrukParameters.page(query));
  }

  @GetMapping("/taxonomy_terms/{id}")
  Map<String, Object> taxonomyTerm(@PathVariable String id) {
    return queries.taxonomyTerm(id);
  }

  /** Problem details as the API's other problems have them, naming the parameter at fault. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidParameterException e, HttpServletRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid parameter");
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("parameter", e.parameter());
    problem.setProperty("requestId", RequestContext.requestId());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
