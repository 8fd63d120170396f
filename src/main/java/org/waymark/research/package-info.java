/**
 * Research and evaluation: studies run by a university or evaluation team, with their team, sites,
 * work packages with timed events and windows, participant groups and recruitment targets; and its
 * participants under pseudonymous study ids, with versioned consent and withdrawal. Only the
 * members of a study reach it, acting as researchers for the organisation that runs it; only its
 * data managers see who participants are.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "audit",
      "identity",
      "casework",
      "person",
      "connection",
      "outcome"
    })
package org.waymark.research;
