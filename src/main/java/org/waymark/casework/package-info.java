/**
 * The link worker's daily work: the triage queue (accept and allocate, decline, ask for more
 * information, duplicate warnings), caseloads and the waiting list, the case page with contacts,
 * the "what matters to me" assessment, the support plan and notes, reassignment, and closure with
 * the discharge summary sent back to the referrer.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "identity",
      "audit",
      "person",
      "codelist",
      "referral",
      "directory"
    })
package org.waymark.casework;
