package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.param.BaseParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.waymark.directory.NameMatch;

/** Reading FHIR search parameters for the directory's searches. */
final class FhirSearch {

  private FhirSearch() {}

  /**
   * Refuses {@code :missing}, which no directory search offers.
   *
   * @throws InvalidRequestException (400) for a parameter with {@code :missing}
   */
  static void supported(BaseParam param) {
    if (param != null && param.getMissing() != null) {
      throw new InvalidRequestException("The :missing modifier is not supported here.");
    }
  }

  /** The text of a string parameter; null when absent or blank. */
  static String text(StringParam param) {
    supported(param);
    return param == null ? null : blankToNull(param.getValue());
  }

  /** A string parameter's modifier as the directory compares names; starts-with when none. */
  static NameMatch match(StringParam param) {
    if (param == null) {
      return NameMatch.STARTS_WITH;
    }
    return param.isExact()
        ? NameMatch.EXACT
        : param.isContains() ? NameMatch.CONTAINS : NameMatch.STARTS_WITH;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Text made safe for a narrative's XHTML. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
