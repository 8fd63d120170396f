package org.waymark.support;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * One FHIR R4 instance validator for every test, against the base R4 definitions (its first use
 * takes seconds, so it is built once). Every resource a test reads back from the server goes
 * through {@link #assertValid}.
 */
public final class FhirValidation {

  public static final FhirContext CONTEXT = FhirContext.forR4Cached();

  private static final FhirValidator VALIDATOR = build();

  private FhirValidation() {}

  private static FhirValidator build() {
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(CONTEXT),
            new InMemoryTerminologyServerValidationSupport(CONTEXT),
            new CommonCodeSystemsTerminologyService(CONTEXT));
    FhirValidator validator = CONTEXT.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(chain));
    return validator;
  }

  /** The messages of error severity or worse. */
  public static synchronized List<String> errors(IBaseResource resource) {
    return VALIDATOR.validateWithResult(resource).getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(FhirValidation::describe)
        .toList();
  }

  public static <T extends IBaseResource> T assertValid(T resource) {
    assertThat(errors(resource))
        .as("validation errors in " + resource.fhirType() + " " + resource.getIdElement())
        .isEmpty();
    return resource;
  }

  private static String describe(SingleValidationMessage m) {
    return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
  }
}
