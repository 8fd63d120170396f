/**
 * The person record (the patient): identity, demographics, contact details with consent to contact,
 * registered GP practice; every read and change of it audited, and each person's access report.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "identity", "audit"})
package org.waymark.person;
