/**
 * Reporting: dashboards for service managers and link workers (their own PCN, true counts), for
 * commissioners (the PCNs they commission, aggregates only, small numbers suppressed) and for VCS
 * coordinators (referrals to their organisation); the national indicator; equity views by age, sex,
 * ethnicity and deprivation; and CSV and XLSX exports of every table. Dashboards read only the
 * module's own summaries, rebuilt per tenant from the other modules' published reporting views when
 * their events say something changed (ADR 19).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "audit",
      "identity",
      "codelist",
      "casework",
      "connection",
      "outcome",
      "person",
      "referral"
    })
package org.waymark.reporting;
