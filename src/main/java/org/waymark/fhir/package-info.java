/**
 * The FHIR R4 interface at {@code /fhir}: GP systems refer by ServiceRequest and follow the
 * referral through its Task (HL7 SDOH Clinical Care, Gravity), read the discharge summary back, and
 * regional platforms answer onward referrals; registered client systems authenticate with OAuth2
 * client credentials from Waymark's own authorisation server. Every resource is read from or
 * written through the other modules' APIs; there is no separate FHIR store (ADR 20).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "identity",
      "audit",
      "person",
      "codelist",
      "referral",
      "casework",
      "connection",
      "directory",
      "outcome"
    })
package org.waymark.fhir;
