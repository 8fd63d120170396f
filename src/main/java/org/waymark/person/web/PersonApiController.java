package org.waymark.person.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.person.Person;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonManagement;
import org.waymark.person.PersonMergedException;
import org.waymark.person.PersonValidationException;
import org.waymark.shared.RequestContext;

/**
 * Person records as JSON, for link workers and service managers of the organisation that holds
 * them. Reads are checked and audited exactly as the pages' are; errors are problem details.
 *
 * <p>A record merged into another answers {@code 301 Moved Permanently} with the kept record's
 * address in {@code Location} and, for clients that do not follow redirects, problem details naming
 * it ({@code mergedInto}). The merged record's id never becomes valid again, so the move is
 * permanent; the kept record is read (and audited) only when the client follows.
 */
@RestController
@RequestMapping("/api/people")
@RequiresPermission(Permission.READ_PERSON)
class PersonApiController {

  private final PersonManagement people;

  PersonApiController(PersonManagement people) {
    this.people = people;
  }

  /** A person record as the API answers it; absent values are null. */
  record PersonJson(
      UUID id,
      UUID organisationId,
      String nhsNumber,
      String givenName,
      String familyName,
      String otherNames,
      String preferredName,
      LocalDate dateOfBirth,
      String sex,
      String genderSameAsSex,
      String genderIdentity,
      String ethnicity,
      String ethnicityLabel,
      String preferredLanguage,
      boolean interpreterNeeded,
      Address address,
      Contact contact,
      UUID registeredPracticeId,
      boolean deceased,
      LocalDate dateOfDeath,
      Instant createdAt,
      Instant updatedAt,
      long version) {

    static PersonJson of(Person p) {
      PersonDetails d = p.details();
      return new PersonJson(
          p.id(),
          p.organisationId(),
          d.nhsNumber(),
          d.givenName(),
          d.familyName(),
          d.otherNames(),
          d.preferredName(),
          d.dateOfBirth(),
          d.sex().name(),
          d.genderSameAsSex() == null ? null : d.genderSameAsSex().name(),
          d.genderIdentity(),
          d.ethnicity() == null ? null : d.ethnicity().name(),
          d.ethnicity() == null ? null : d.ethnicity().fullLabel(),
          d.preferredLanguage(),
          d.interpreterNeeded(),
          new Address(d.addressLine1(), d.addressLine2(), d.town(), d.postcode()),
          new Contact(
              d.phone(), d.phoneConsent(), d.mobile(), d.smsConsent(), d.email(), d.emailConsent()),
          d.registeredPracticeId(),
          d.deceased(),
          d.dateOfDeath(),
          p.createdAt(),
          p.updatedAt(),
          p.version());
    }
  }

  record Address(String line1, String line2, String town, String postcode) {}

  /** Each route of contact with whether the person agreed to be contacted by it. */
  record Contact(
      String phone,
      boolean phoneConsent,
      String mobile,
      boolean smsConsent,
      String email,
      boolean emailConsent) {}

  @GetMapping("/{id}")
  PersonJson person(@PathVariable UUID id) {
    return PersonJson.of(people.find(id));
  }

  /** The records with this NHS number held by the caller's organisation: usually one, or none. */
  @GetMapping(params = "nhsNumber")
  List<PersonJson> byNhsNumber(@RequestParam String nhsNumber) {
    return people.findByNhsNumber(nhsNumber).stream().map(PersonJson::of).toList();
  }

  @ExceptionHandler(PersonMergedException.class)
  ResponseEntity<ProblemDetail> merged(PersonMergedException e, HttpServletRequest request) {
    URI kept = URI.create("/api/people/" + e.keptId());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.MOVED_PERMANENTLY,
            "This record was merged into another; its address is in Location.");
    problem.setTitle("Merged into another record");
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("mergedInto", e.keptId());
    problem.setProperty("requestId", RequestContext.requestId());
    return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
        .location(kept)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(PersonValidationException.class)
  ResponseEntity<ProblemDetail> invalid(PersonValidationException e, HttpServletRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty(
        "errors",
        e.problems().stream()
            .map(p -> Map.of("field", p.field(), "code", p.messageKey()))
            .toList());
    problem.setProperty("requestId", RequestContext.requestId());
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
