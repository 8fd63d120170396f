package org.waymark.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.ContactMethod;
import org.waymark.referral.IdempotencyKeyReusedException;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralSubmission;
import org.waymark.referral.ReferralValidationException;
import org.waymark.referral.ReferralValidationException.Problem;
import org.waymark.referral.Referrals;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;
import org.waymark.shared.RequestContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Referrals as JSON, for systems that refer (a GP system) and for signed-in users. Submitting needs
 * an {@code Idempotency-Key}, so a retry never makes a second referral. Reads are checked and
 * audited exactly as the pages' are; every error is problem details (ADR 0011).
 */
@RestController
@RequestMapping("/api/referrals")
@Tag(name = "Referrals", description = "Refer a person to the social prescribing service")
@SecurityScheme(
    name = "basic",
    type = SecuritySchemeType.HTTP,
    scheme = "basic",
    description =
        "HTTP Basic with a Waymark account, for systems; never challenged. A user with several"
            + " memberships names the organisation they act for in the Waymark-Organisation header.")
@SecurityRequirement(name = "basic")
class ReferralApiController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  /** Sorted properties, so the digest of a request does not depend on the order it was sent in. */
  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

  private final Referrals referrals;
  private final IdentityManagement identity;
  private final MessageSource messages;

  ReferralApiController(Referrals referrals, IdentityManagement identity, MessageSource messages) {
    this.referrals = referrals;
    this.identity = identity;
    this.messages = messages;
  }

  /** A referral as submitted. Codes come from the code lists; enum values are upper case. */
  record ReferralRequest(
      PersonRequest person,
      @Schema(description = "A REFERRAL_SOURCE code, for example GP", example = "GP") String source,
      @Schema(description = "NEED codes, at least one", example = "[\"LONELINESS\"]")
          List<String> needs,
      String reason,
      @Schema(description = "Must be true") Boolean consentToShare,
      Boolean consentToContact,
      @Schema(allowableValues = {"ROUTINE", "URGENT"}) String urgency,
      @Schema(allowableValues = {"PHONE", "TEXT", "EMAIL", "LETTER"}) String preferredContactMethod,
      String preferredContactTimes,
      String safeguardingConcerns,
      ReferrerRequest referrer) {}

  /** The person referred. */
  record PersonRequest(
      @Schema(example = "9997654323") String nhsNumber,
      String givenName,
      String familyName,
      @Schema(description = "YYYY-MM-DD", example = "1985-06-15") String dateOfBirth,
      @Schema(
              allowableValues = {"FEMALE", "MALE", "NOT_KNOWN"},
              description = "NOT_KNOWN if absent")
          String sex,
      String addressLine1,
      String addressLine2,
      String town,
      String postcode,
      String phone,
      String mobile,
      String email,
      @Schema(description = "The registered GP practice by ODS code", example = "B86001")
          String registeredPracticeOdsCode,
      @Schema(description = "Or the registered GP practice by its Waymark id")
          UUID registeredPracticeId) {}

  /** Who referred: a name and a phone number or email are required. */
  record ReferrerRequest(
      String name, String jobTitle, String organisation, String phone, String email) {}

  /** A referral as the API answers it; absent values are null. */
  record ReferralJson(
      UUID id,
      String reference,
      String status,
      String statusLabel,
      String channel,
      Instant receivedAt,
      Instant statusChangedAt,
      UUID receivingOrganisationId,
      PersonJson person,
      String source,
      List<String> needs,
      String reason,
      boolean consentToShare,
      boolean consentToContact,
      String urgency,
      String preferredContactMethod,
      String preferredContactTimes,
      String safeguardingConcerns,
      ReferrerJson referrer,
      @Schema(description = "Set when declined") String declineReason,
      @Schema(description = "Set when declined: where the person was pointed instead")
          String signposting,
      @Schema(description = "Set when more information was asked for") String informationRequest,
      @Schema(description = "Set when closed: the summary for the referrer")
          String dischargeSummary,
      Instant dischargedAt) {

    static ReferralJson of(Referral r) {
      PersonDetails p = r.personAsReferred();
      ReferrerDetails who = r.referrer();
      return new ReferralJson(
          r.id(),
          r.reference(),
          r.status().name(),
          r.status().label(),
          r.channel().name(),
          r.receivedAt(),
          r.statusChangedAt(),
          r.organisationId(),
          new PersonJson(
              p.nhsNumber(),
              p.givenName(),
              p.familyName(),
              p.dateOfBirth(),
              p.sex() == null ? null : p.sex().name(),
              p.postcode(),
              p.phone(),
              p.mobile(),
              p.email(),
              p.registeredPracticeId()),
          r.source(),
          r.needs(),
          r.reason(),
          r.consentToShare(),
          r.consentToContact(),
          r.urgency().name(),
          r.preferredContactMethod() == null ? null : r.preferredContactMethod().name(),
          r.preferredContactTimes(),
          r.safeguardingConcerns(),
          new ReferrerJson(
              who.name(), who.jobTitle(), who.organisationName(), who.phone(), who.email()),
          r.declineReason(),
          r.signposting(),
          r.informationRequest(),
          r.dischargeSummary(),
          r.dischargedAt());
    }
  }

  /** The person as the referral gave them (not the person record). */
  record PersonJson(
      String nhsNumber,
      String givenName,
      String familyName,
      LocalDate dateOfBirth,
      String sex,
      String postcode,
      String phone,
      String mobile,
      String email,
      UUID registeredPracticeId) {}

  record ReferrerJson(
      String name, String jobTitle, String organisation, String phone, String email) {}

  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @RequiresPermission(Permission.MAKE_REFERRAL)
  @Operation(
      summary = "Refer a person",
      description =
          """
          Creates a referral, received by the referrer's primary care network (or, for a referrer \
          outside one, the registered practice's). Requires an Idempotency-Key header (1 to 200 \
          characters): a retry with the same key and the same body answers 201 with the referral \
          the first request made (same id and Location) and the header Idempotent-Replayed: true, \
          even when the requests run at the same time; the same key with a different body answers \
          422. An invalid referral answers 400 with an errors array naming each invalid field \
          (for example person.nhsNumber) with a code and a readable message; a body that is not \
          JSON, or a value of the wrong type, answers 400 too. Nothing is written when the answer \
          is not 201.""",
      parameters =
          @Parameter(
              in = ParameterIn.HEADER,
              name = IDEMPOTENCY_KEY,
              required = true,
              description = "A unique value per referral, reused only to retry it",
              schema = @Schema(type = "string", maxLength = 200)),
      responses = {
        @ApiResponse(responseCode = "201", description = "Created, or replayed"),
        @ApiResponse(
            responseCode = "400",
            description = "Invalid referral, body or Idempotency-Key",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "401",
            description = "Not signed in",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "403",
            description = "The account may not refer",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "422",
            description = "Idempotency-Key reused with a different request",
            content = @Content(mediaType = "application/problem+json"))
      })
  ResponseEntity<Object> submit(
      @Parameter(hidden = true) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
      @RequestBody ReferralRequest body,
      HttpServletRequest request) {
    if (key == null || key.isBlank()) {
      return problem(
          HttpStatus.BAD_REQUEST, "referral.api.idempotencyKey.required", List.of(), request);
    }
    if (key.length() > 200) {
      return problem(
          HttpStatus.BAD_REQUEST, "referral.api.idempotencyKey.tooLong", List.of(), request);
    }
    List<Problem> unreadable = new ArrayList<>();
    NewReferral referral = toReferral(body, unreadable);
    if (!unreadable.isEmpty()) {
      Set<String> fields = unreadable.stream().map(Problem::field).collect(Collectors.toSet());
      List<Problem> all = new ArrayList<>(unreadable);
      referrals.problems(referral, true).stream()
          .filter(p -> !fields.contains(p.field()))
          .forEach(all::add);
      return problem(HttpStatus.BAD_REQUEST, "referral.api.invalid", all, request);
    }
    ReferralSubmission submission = referrals.submitIdempotently(key, hash(body), referral);
    Referral r = submission.referral();
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.created(URI.create("/api/referrals/" + r.id()));
    if (!submission.created()) {
      answer.header(REPLAYED, "true");
    }
    return answer.contentType(MediaType.APPLICATION_JSON).body(ReferralJson.of(r));
  }

  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @RequiresPermission(Permission.SIGNED_IN)
  @Operation(
      summary = "A referral",
      description =
          """
          For the account that made it, and for link workers and service managers of the primary \
          care network that received it: status, reference, dates, the decline reason and \
          signposting, and the discharge summary once closed. Never casework notes. Others get \
          403, an unknown id 404. Every read is audited.""",
      responses = {
        @ApiResponse(responseCode = "200", description = "The referral"),
        @ApiResponse(
            responseCode = "403",
            description = "Not the referrer nor staff of the receiving PCN",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "404",
            description = "No such referral",
            content = @Content(mediaType = "application/problem+json"))
      })
  ReferralJson referral(@PathVariable UUID id) {
    return ReferralJson.of(referrals.find(id));
  }

  @ExceptionHandler(ReferralValidationException.class)
  ResponseEntity<Object> invalid(ReferralValidationException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "referral.api.invalid", e.problems(), request);
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ResponseEntity<Object> reused(IdempotencyKeyReusedException e, HttpServletRequest request) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "referral.api.idempotencyKey.reused", List.of(), request);
  }

  /** A body that is not JSON, or a value of the wrong type: named when Jackson says where. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    Optional<String> field = fieldOf(e);
    return problem(
        HttpStatus.BAD_REQUEST,
        "referral.api.unreadable",
        field.map(f -> List.of(new Problem(f, "referral.api.unreadableField"))).orElse(List.of()),
        request);
  }

  private static Optional<String> fieldOf(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
        String path =
            j.getPath().stream()
                .map(JacksonException.Reference::getPropertyName)
                .filter(n -> n != null)
                .collect(Collectors.joining("."));
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
      }
    }
    return Optional.empty();
  }

  private NewReferral toReferral(ReferralRequest body, List<Problem> unreadable) {
    PersonDetails person = null;
    PersonRequest p = body.person();
    if (p != null) {
      LocalDate dateOfBirth = null;
      if (p.dateOfBirth() != null && !p.dateOfBirth().isBlank()) {
        try {
          dateOfBirth = LocalDate.parse(p.dateOfBirth().strip());
        } catch (DateTimeException e) {
          unreadable.add(new Problem("person.dateOfBirth", "referral.api.dateOfBirth.invalid"));
        }
      }
      Sex sex =
          p.sex() == null || p.sex().isBlank()
              ? Sex.NOT_KNOWN
              : choice(p.sex(), Sex.class, "person.sex", "referral.api.sex.invalid", unreadable);
      person =
          PersonDetails.builder()
              .nhsNumber(p.nhsNumber())
              .name(p.givenName(), p.familyName())
              .dateOfBirth(dateOfBirth)
              .sex(sex)
              .address(p.addressLine1(), p.addressLine2(), p.town(), p.postcode())
              .phone(p.phone(), false)
              .mobile(p.mobile(), false)
              .email(p.email(), false)
              .registeredPracticeId(practice(p, unreadable))
              .build();
    }
    ReferrerRequest who = body.referrer();
    return new NewReferral(
        person,
        body.source(),
        body.needs(),
        body.reason(),
        Boolean.TRUE.equals(body.consentToShare()),
        Boolean.TRUE.equals(body.consentToContact()),
        body.urgency() == null || body.urgency().isBlank()
            ? null
            : choice(
                body.urgency(),
                Urgency.class,
                "urgency",
                "referral.api.urgency.invalid",
                unreadable),
        body.preferredContactMethod() == null || body.preferredContactMethod().isBlank()
            ? null
            : choice(
                body.preferredContactMethod(),
                ContactMethod.class,
                "preferredContactMethod",
                "referral.api.preferredContactMethod.invalid",
                unreadable),
        body.preferredContactTimes(),
        body.safeguardingConcerns(),
        who == null
            ? ReferrerDetails.none()
            : new ReferrerDetails(
                who.name(), who.jobTitle(), who.organisation(), who.phone(), who.email()),
        null);
  }

  private UUID practice(PersonRequest p, List<Problem> unreadable) {
    String ods = p.registeredPracticeOdsCode();
    if (ods == null || ods.isBlank()) {
      return p.registeredPracticeId();
    }
    if (p.registeredPracticeId() != null) {
      unreadable.add(
          new Problem("person.registeredPracticeOdsCode", "referral.api.registeredPractice.both"));
      return null;
    }
    Optional<UUID> found =
        identity.organisations(OrganisationType.GP_PRACTICE).stream()
            .filter(o -> o.odsCode() != null && o.odsCode().equalsIgnoreCase(ods.strip()))
            .map(Organisation::id)
            .findFirst();
    if (found.isEmpty()) {
      unreadable.add(
          new Problem(
              "person.registeredPracticeOdsCode", "referral.api.registeredPractice.unknown"));
    }
    return found.orElse(null);
  }

  private static <E extends Enum<E>> E choice(
      String text, Class<E> type, String field, String messageKey, List<Problem> unreadable) {
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      unreadable.add(new Problem(field, messageKey));
      return null;
    }
  }

  /** SHA-256 of the request in a canonical form: properties sorted, no whitespace. */
  static String hash(ReferralRequest body) {
    try {
      byte[] canonical = CANONICAL.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<Object> problem(
      HttpStatus status, String detailKey, List<Problem> problems, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(detailKey));
    problem.setInstance(URI.create(request.getRequestURI()));
    if (!problems.isEmpty()) {
      problem.setProperty(
          "errors",
          problems.stream()
              .map(
                  p -> {
                    Map<String, String> error = new LinkedHashMap<>();
                    error.put("field", p.field());
                    error.put("code", p.messageKey());
                    error.put("message", text(p.messageKey()));
                    return error;
                  })
              .toList());
    }
    problem.setProperty("requestId", RequestContext.requestId());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, Locale.UK);
  }
}
