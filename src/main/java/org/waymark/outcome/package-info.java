/**
 * Outcomes: wellbeing instruments as versioned data (items, answer options, scoring by sum, lookup
 * table and bands, licence note), the instruments Waymark ships (ONS4, SWEMWBS, UCLA 3-item
 * loneliness with the ONS direct question), scoring that can always be recomputed from the answers
 * given, and questionnaires people answer themselves through a secure single-use link.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "audit", "identity", "person", "casework", "notification"})
package org.waymark.outcome;
