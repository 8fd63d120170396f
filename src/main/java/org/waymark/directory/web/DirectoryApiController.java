package org.waymark.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.MessageSource;
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
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.DirectorySearchException;
import org.waymark.directory.MatchReason;
import org.waymark.directory.ServiceDetails;
import org.waymark.directory.ServiceMatch;
import org.waymark.directory.ServiceSearchResult;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.shared.NeedDomain;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.RequestContext;

/**
 * The directory search as JSON, for staff who may search the directory: the same criteria and
 * answers as the page, a service's full listing, and suggestions for a person's needs. A criterion
 * that cannot be applied is a 400 problem naming it, never a quietly wider answer.
 */
@RestController
@RequestMapping("/api/directory")
@RequiresPermission(Permission.SEARCH_DIRECTORY)
class DirectoryApiController {

  private static final int DEFAULT_SIZE = 20;

  private final DirectorySearch directory;
  private final MessageSource messages;

  DirectoryApiController(DirectorySearch directory, MessageSource messages) {
    this.directory = directory;
    this.messages = messages;
  }

  /** One service found, with why it matched as data and as a line to show. */
  record ServiceMatchJson(
      UUID id,
      String name,
      String organisationName,
      String status,
      String acceptingReferrals,
      Double distanceKm,
      List<MatchReason> reasons,
      String reasonText,
      String href) {

    static ServiceMatchJson of(ServiceMatch m) {
      return new ServiceMatchJson(
          m.id(),
          m.name(),
          m.organisationName(),
          m.status(),
          m.acceptingReferrals().name(),
          m.distanceKm() == null ? null : Math.round(m.distanceKm() * 1000) / 1000.0,
          m.reasons(),
          m.reasonText(),
          "/api/directory/services/" + m.id());
    }
  }

  /**
   * A page of services found; {@code totalIsAtLeast} says {@code total} is a lower bound (a text
   * search stops counting at 1,000).
   */
  record SearchJson(
      List<ServiceMatchJson> services,
      int page,
      int size,
      long total,
      boolean totalIsAtLeast,
      int totalPages,
      String sort) {}

  /** Services matching every criterion given (the page's parameters; {@code need} may repeat). */
  @GetMapping("/services")
  SearchJson services(@ModelAttribute DirectorySearchForm form) {
    SearchCriteria.Parsed parsed = SearchCriteria.parse(form, DEFAULT_SIZE);
    if (parsed.problems() != null) {
      throw new DirectorySearchException(parsed.problems());
    }
    ServiceSearchResult r = directory.search(parsed.search());
    return new SearchJson(
        r.services().stream().map(ServiceMatchJson::of).toList(),
        r.page(),
        r.size(),
        r.total(),
        r.totalIsAtLeast(),
        r.totalPages(),
        r.sort().name());
  }

  @GetMapping("/services/{id}")
  ServiceDetails service(@PathVariable UUID id) {
    return directory.service(id).orElseThrow(() -> new RecordNotFoundException("service"));
  }

  /**
   * Services for a person's needs (comma-separated or repeated need codes), nearest their postcode
   * and fitting their age, best first, with the reasons for each.
   */
  @GetMapping("/suggestions")
  List<ServiceMatchJson> suggestions(
      @RequestParam(required = false) String needs,
      @RequestParam(required = false) String postcode,
      @RequestParam(required = false) String age,
      @RequestParam(required = false) String limit) {
    List<DirectorySearchException.Problem> problems = new ArrayList<>();
    Set<NeedDomain> domains = SearchCriteria.needs(needs, "needs", problems);
    if (domains.isEmpty() && problems.isEmpty()) {
      problems.add(
          new DirectorySearchException.Problem("needs", "directory.search.needs.required"));
    }
    Integer years =
        SearchCriteria.wholeNumber(age, "age", "directory.search.age.invalid", problems);
    if (years != null && (years < 0 || years > 130)) {
      problems.add(new DirectorySearchException.Problem("age", "directory.search.age.range"));
    }
    Integer most =
        SearchCriteria.wholeNumber(limit, "limit", "directory.search.limit.invalid", problems);
    if (most != null && (most < 1 || most > 100)) {
      problems.add(new DirectorySearchException.Problem("limit", "directory.search.limit.invalid"));
    }
    if (!problems.isEmpty()) {
      throw new DirectorySearchException(problems);
    }
    return directory
        .suggestionsFor(
            domains,
            SearchCriteria.blank(postcode) ? null : postcode,
            years,
            most == null ? 10 : most)
        .stream()
        .map(ServiceMatchJson::of)
        .toList();
  }

  @ExceptionHandler(DirectorySearchException.class)
  ResponseEntity<ProblemDetail> invalid(DirectorySearchException e, HttpServletRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The search cannot be done as asked.");
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty(
        "errors",
        e.problems().stream()
            .map(
                p ->
                    Map.of(
                        "field",
                        p.field(),
                        "code",
                        p.messageKey(),
                        "message",
                        messages.getMessage(p.messageKey(), null, p.messageKey(), Locale.UK)))
            .toList());
    problem.setProperty("requestId", RequestContext.requestId());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
