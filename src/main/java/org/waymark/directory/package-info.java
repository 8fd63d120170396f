/**
 * The community service directory: Open Referral UK 3.0 organisations, services, locations,
 * schedules and taxonomies with Waymark's referral fields; import, the ORUK API, search and
 * curation.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "identity", "audit"})
package org.waymark.directory;
