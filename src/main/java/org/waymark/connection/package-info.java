/**
 * Connections: signposting a person to a community service, and closed-loop onward referrals that
 * the service answers through the VCS portal (or the link worker records on its behalf), with
 * answer deadlines that are chased and flagged, and events for outcomes, follow-up and reporting.
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
      "directory",
      "notification"
    })
package org.waymark.connection;
