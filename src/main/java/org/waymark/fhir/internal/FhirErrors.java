package org.waymark.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.waymark.connection.ConnectionConflictException;
import org.waymark.connection.ConnectionValidationException;
import org.waymark.referral.IdempotencyKeyReusedException;
import org.waymark.referral.ReferralConflictException;
import org.waymark.referral.ReferralValidationException;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.RequestContext;

/**
 * The modules' exceptions as FHIR answers, each an OperationOutcome: a broken rule 422 naming each
 * problem with its FHIR path, a refusal 403 (already audited by the module), an unknown record 404,
 * a conflicting change 409. Anything unexpected is logged and answered 500 with the request id
 * only, never the exception's text.
 */
@Component
@Interceptor
class FhirErrors {

  private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

  /** Where each field of a referral is in the resources a GP system sends. */
  private static final Map<String, String> PATHS =
      Map.ofEntries(
          Map.entry("person", "ServiceRequest.subject"),
          Map.entry("person.nhsNumber", "Patient.identifier"),
          Map.entry("person.givenName", "Patient.name.given"),
          Map.entry("person.familyName", "Patient.name.family"),
          Map.entry("person.dateOfBirth", "Patient.birthDate"),
          Map.entry("person.sex", "Patient.gender"),
          Map.entry("person.postcode", "Patient.address.postalCode"),
          Map.entry("person.addressLine1", "Patient.address.line"),
          Map.entry("person.phone", "Patient.telecom"),
          Map.entry("person.mobile", "Patient.telecom"),
          Map.entry("person.email", "Patient.telecom"),
          Map.entry("person.registeredPracticeId", "Patient.generalPractitioner"),
          Map.entry("source", "ServiceRequest.requester"),
          Map.entry("needs", "ServiceRequest.reasonCode"),
          Map.entry("reason", "ServiceRequest.note"),
          Map.entry("consentToShare", "ServiceRequest.supportingInfo"),
          Map.entry("urgency", "ServiceRequest.priority"),
          Map.entry("referrer", "ServiceRequest.requester"),
          Map.entry("referrer.name", "ServiceRequest.requester"),
          Map.entry("referrer.phone", "ServiceRequest.requester"),
          Map.entry("referrer.email", "ServiceRequest.requester"));

  /** Where each field of a change to an onward referral is in the Task the service sends. */
  private static final Map<String, String> TASK_PATHS =
      Map.of(
          "to", "Task.status",
          "reason", "Task.statusReason",
          "detail", "Task.statusReason.text",
          "outcome", "Task.output");

  private final FhirContext context;
  private final MessageSource messages;

  FhirErrors(FhirContext context, MessageSource messages) {
    this.context = context;
    this.messages = messages;
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException translate(RequestDetails request, Throwable thrown) {
    Throwable e = thrown;
    // HAPI wraps what a provider throws.
    while ((e instanceof InternalErrorException
            || e instanceof java.lang.reflect.InvocationTargetException
            || e instanceof java.lang.reflect.UndeclaredThrowableException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof BaseServerResponseException known) {
      return known;
    }
    if (e instanceof ca.uhn.fhir.parser.DataFormatException
        || e instanceof NumberFormatException
        || e instanceof java.time.format.DateTimeParseException) {
      // A search parameter HAPI or a provider could not read (a date, a number): the request is
      // at fault, so 400, naming nothing of the server.
      return new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
          "A search parameter is not in the form FHIR gives it (for example a date like 2026-01-31"
              + " or a whole number).");
    }
    if (e instanceof org.apache.tomcat.util.http.InvalidParameterException
        || e instanceof org.springframework.security.web.firewall.RequestRejectedException) {
      // The container could not read the parameters (a query or a form-encoded body that is not
      // UTF-8, or a form body larger than it reads), or the firewall refused their names: the
      // client sent something it should not have.
      return new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException(
          "The request's parameters could not be read: send a resource as FHIR JSON"
              + " (application/fhir+json) and parameters in UTF-8.");
    }
    if (e instanceof AccessDeniedException) {
      return new ForbiddenOperationException("You do not have access to this.");
    }
    if (e instanceof org.waymark.person.PersonMergedException merged) {
      return new ca.uhn.fhir.rest.server.exceptions.ResourceGoneException(
          "This record was merged into Patient/" + merged.keptId() + ".");
    }
    if (e instanceof RecordNotFoundException) {
      return new ResourceNotFoundException("No such resource.");
    }
    if (e instanceof ReferralValidationException v) {
      return invalid(
          v.problems().stream()
              .map(p -> new Problem(path(p.field()), text(p.messageKey())))
              .toList());
    }
    if (e instanceof ConnectionValidationException v) {
      return invalid(
          v.problems().entrySet().stream()
              .map(
                  p ->
                      new Problem(
                          TASK_PATHS.getOrDefault(p.getKey(), p.getKey()), text(p.getValue())))
              .toList());
    }
    if (e instanceof FhirInputException v) {
      return invalid(v.problems());
    }
    if (e instanceof IdempotencyKeyReusedException) {
      return invalid(
          List.of(
              new Problem(
                  "ServiceRequest.identifier",
                  "This identifier was used for a different referral.")));
    }
    if (e instanceof ReferralConflictException || e instanceof ConnectionConflictException) {
      return new ResourceVersionConflictException(
          "The record changed since it was read, or cannot move to that status now.");
    }
    if (org.waymark.shared.DatabaseUnavailable.is(e)) {
      log.warn(
          "Database unavailable for FHIR request {}: {}", RequestContext.requestId(), e.toString());
      return new ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException(
          503, "The service is busy or cannot reach its database. Try again in a minute.");
    }
    log.error("FHIR request {} failed", RequestContext.requestId(), e);
    return new InternalErrorException(
        "Something went wrong. Request id " + RequestContext.requestId());
  }

  /** One problem with an input resource: its FHIR path and what is wrong. */
  record Problem(String expression, String text) {}

  private UnprocessableEntityException invalid(List<Problem> problems) {
    OperationOutcome outcome = new OperationOutcome();
    for (Problem p : problems) {
      OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue();
      issue.setSeverity(IssueSeverity.ERROR).setCode(IssueType.INVALID).setDiagnostics(p.text());
      if (p.expression() != null) {
        issue.setExpression(List.of(new StringType(p.expression())));
      }
    }
    return new UnprocessableEntityException(context, outcome);
  }

  private static String path(String field) {
    return PATHS.getOrDefault(field, field);
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, Locale.UK);
  }
}
