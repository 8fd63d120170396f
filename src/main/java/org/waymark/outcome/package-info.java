/**
 * Outcomes: wellbeing instruments as versioned data (items, answer options, scoring by sum, lookup
 * table and bands, licence note), the instruments Waymark ships (ONS4, SWEMWBS, UCLA 3-item
 * loneliness with the ONS direct question), and scoring that can always be recomputed from the
 * answers given.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "audit", "identity", "person", "casework"})
package org.waymark.outcome;
