/**
 * Organisations (the tenants), user accounts, memberships and roles, sign-in, and the one component
 * that decides whether the signed-in user may do something to a record.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.waymark.identity;
