/**
 * The administrator's pages: organisations, user accounts and their roles, and searching the audit
 * log, all through the identity and audit modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "identity", "audit"})
package org.waymark.administration;
