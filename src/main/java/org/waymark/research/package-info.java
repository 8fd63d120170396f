/**
 * Research and evaluation: studies run by a university or evaluation team, with their team, sites,
 * work packages with timed events and windows, participant groups and recruitment targets. Only the
 * members of a study reach it, acting as researchers for the organisation that runs it.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "audit", "identity"})
package org.waymark.research;
