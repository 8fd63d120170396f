package org.waymark.fhir.internal;

import java.util.Optional;
import java.util.UUID;

/** The code systems, identifier systems and resource ids the FHIR interface uses (ADR 20). */
final class Fhir {

  static final String SNOMED = "http://snomed.info/sct";
  static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
  static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";
  static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";

  /**
   * Registers of organisation identifiers (charity, company numbers), each a list of org-id.guide
   * whose code follows: {@code https://org-id.guide/list/GB-CHC}.
   */
  static final String ORG_ID = "https://org-id.guide/list/";

  /** Waymark's own code systems and identifiers, one per code list. */
  static final String WAYMARK = "https://waymark.org.uk/fhir/";

  static final String NEED_SYSTEM = WAYMARK + "CodeSystem/need";
  static final String REFERRAL_SOURCE_SYSTEM = WAYMARK + "CodeSystem/referral-source";
  static final String CLOSURE_REASON_SYSTEM = WAYMARK + "CodeSystem/closure-reason";
  static final String STATUS_REASON_SYSTEM = WAYMARK + "CodeSystem/connection-status-reason";
  static final String REFERRAL_REFERENCE = WAYMARK + "Id/referral-reference";

  /** SNOMED CT 871731000000106 Referral to social prescribing service. */
  static final String SOCIAL_PRESCRIBING_REFERRAL = "871731000000106";

  static final String SOCIAL_PRESCRIBING_REFERRAL_DISPLAY =
      "Referral to social prescribing service";

  /** SNOMED CT 373942005 Discharge summary (record artifact). */
  static final String DISCHARGE_SUMMARY = "373942005";

  static final String REFERRAL_PREFIX = "referral-";
  static final String CONNECTION_PREFIX = "connection-";
  static final String DISCHARGE_PREFIX = "discharge-";

  private Fhir() {}

  static String referralId(UUID id) {
    return REFERRAL_PREFIX + id;
  }

  static String connectionId(UUID id) {
    return CONNECTION_PREFIX + id;
  }

  static String dischargeId(UUID referralId) {
    return DISCHARGE_PREFIX + referralId;
  }

  /** The UUID after a prefix, empty if the id does not start with it or is not a UUID after it. */
  static Optional<UUID> uuidAfter(String prefix, String id) {
    if (id == null || !id.startsWith(prefix)) {
      return Optional.empty();
    }
    return uuid(id.substring(prefix.length()));
  }

  static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
