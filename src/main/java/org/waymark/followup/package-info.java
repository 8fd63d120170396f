/**
 * Follow-up: each service's plan of follow-up points (counted from the referral or the case's
 * closure, with opening, target and closing months), the follow-ups scheduled from it when a case
 * opens or closes, the due, overdue and missed lists, reminders to the link worker and the person,
 * and the structured follow-up the link worker records with the person.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "identity",
      "audit",
      "person",
      "referral",
      "casework",
      "connection",
      "outcome",
      "notification"
    })
package org.waymark.followup;
