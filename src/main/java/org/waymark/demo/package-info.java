/**
 * Demo data for a first run on the embedded database: two PCNs with practices, VCS organisations,
 * one account per role, clearly fictional people with NHS numbers from the 999 test range, their
 * referrals and cases, the demo directory, and the reporting reference data and commissioning.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "identity",
      "person",
      "platform",
      "directory",
      "referral",
      "casework",
      "connection",
      "followup",
      "outcome",
      "notification",
      "research",
      "reporting",
      "fhir"
    })
package org.waymark.demo;
