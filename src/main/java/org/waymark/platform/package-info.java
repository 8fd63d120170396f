/**
 * Runs the application: the database (embedded or external) and its per-module migrations, the page
 * layout, home pages, error pages and API problem details, request ids and security headers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
package org.waymark.platform;
