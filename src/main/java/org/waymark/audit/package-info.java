/**
 * The append-only audit log: who, acting for which organisation and role, did what to which record
 * and person, when, from where, and whether it was allowed. Administrators search it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.waymark.audit;
