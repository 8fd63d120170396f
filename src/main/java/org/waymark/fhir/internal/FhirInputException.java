package org.waymark.fhir.internal;

import java.util.List;

/** Problems with the resources a client sent, found before anything is written. */
class FhirInputException extends RuntimeException {

  private final List<FhirErrors.Problem> problems;

  FhirInputException(List<FhirErrors.Problem> problems) {
    super("Invalid resource");
    this.problems = List.copyOf(problems);
  }

  FhirInputException(String expression, String text) {
    this(List.of(new FhirErrors.Problem(expression, text)));
  }

  List<FhirErrors.Problem> problems() {
    return problems;
  }
}
