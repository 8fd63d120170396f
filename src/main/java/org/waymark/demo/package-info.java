/**
 * Demo data for a first run on the embedded database: two PCNs with practices, VCS organisations,
 * one account per role, clearly fictional people with NHS numbers from the 999 test range, their
 * referrals and cases, and the demo directory.
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
      "fhir"
    })
package org.waymark.demo;
